// JSON values as the diff sees them: plain objects, equality and canonical keys (key order ignored, except where first match wins).

export type JsonObject = Record<string, unknown>;

/**
 * Objects under these property names are ordered maps: a classify action's `intents` are tried in order
 * and the first that matches wins, so reordering them changes behaviour.
 */
export const ORDERED_OBJECT_FIELDS: ReadonlySet<string> = new Set(['intents']);

export function isPlainObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The value of an object's own property: a key that names nothing is absent, even `toString` or
 * `constructor` (a node id may be any string; `object[key]` would find Object.prototype's methods).
 */
export function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** The keys of an object that hold a value (a key set to undefined is absent, as in JSON). */
export function definedKeys(object: JsonObject): string[] {
  return Object.keys(object).filter((key) => object[key] !== undefined);
}

function sameOrder(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** Deep equality of JSON values; object key order matters only for ordered maps (ORDERED_OBJECT_FIELDS). */
export function jsonEqual(a: unknown, b: unknown, ordered = false): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const objectA = a as JsonObject;
  const objectB = b as JsonObject;
  if (ordered && !sameOrder(definedKeys(objectA), definedKeys(objectB))) return false;
  // Counting keys instead of listing them: this runs once per node of both flows, and must not allocate.
  let countA = 0;
  for (const key in objectA) {
    const value = objectA[key];
    if (value === undefined) continue;
    countA++;
    if (!Object.prototype.hasOwnProperty.call(objectB, key) || !jsonEqual(value, objectB[key], ORDERED_OBJECT_FIELDS.has(key))) return false;
  }
  let countB = 0;
  for (const key in objectB) if (objectB[key] !== undefined) countB++;
  return countA === countB;
}

/** Whether an ordered map's keys differ only in their order (same key set, other order). */
export function onlyOrderDiffers(a: JsonObject, b: JsonObject): boolean {
  const keysA = definedKeys(a);
  const keysB = definedKeys(b);
  return !sameOrder(keysA, keysB) && jsonEqual(Object.fromEntries(keysA.map((k) => [k, a[k]])), b);
}

/** A canonical JSON text: equal values (by jsonEqual) give equal texts. Used as a matching key. */
export function canonicalJson(value: unknown, ordered = false): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const object = value as JsonObject;
  const keys = definedKeys(object);
  if (!ordered) keys.sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key], ORDERED_OBJECT_FIELDS.has(key))}`).join(',')}}`;
}

/** Code-unit order, the same on every machine and locale (localeCompare is not). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
