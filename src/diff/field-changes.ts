// Field-level differences between two objects (a condition, an action, a wait, an input), as dotted paths with before/after.
import { childPointer } from '../flow/pointer.js';
import type { ChangedField } from './change.js';
import { compareStrings, definedKeys, isPlainObject, jsonEqual, ORDERED_OBJECT_FIELDS, own, type JsonObject } from './json-value.js';

/** Fields in the order a reader expects them (the flow format's order); others follow alphabetically. */
const FIELD_ORDER = [
  'type',
  'name',
  'variable',
  'condition',
  'value',
  'ignoreCase',
  'transition',
  'queueId',
  'queueName',
  'text',
  'input',
  'intents',
  'fallback',
  'reason',
  'timeoutSeconds',
  'timeoutTransition',
  'label',
  'description',
];
const RANK = new Map(FIELD_ORDER.map((field, i) => [field, i]));

/** Sorts field names by the flow format's order, then alphabetically: independent of the input's key order. */
export function compareFields(a: string, b: string): number {
  const rankA = RANK.get(a) ?? FIELD_ORDER.length;
  const rankB = RANK.get(b) ?? FIELD_ORDER.length;
  return rankA - rankB || compareStrings(a, b);
}

function unionKeys(a: JsonObject, b: JsonObject): string[] {
  const keys = new Set(definedKeys(a));
  for (const key of definedKeys(b)) keys.add(key);
  return [...keys].sort(compareFields);
}

/** The fields that differ between two objects; nested objects are compared key by key (`intents.billing`). */
export function fieldChanges(before: JsonObject, after: JsonObject, oldPointer: string, newPointer: string, prefix = ''): ChangedField[] {
  const changes: ChangedField[] = [];
  for (const key of unionKeys(before, after)) {
    const a = own(before, key);
    const b = own(after, key);
    const field = `${prefix}${key}`;
    const ordered = ORDERED_OBJECT_FIELDS.has(key);
    if (jsonEqual(a, b, ordered)) continue;
    const oldAt = childPointer(oldPointer, key);
    const newAt = childPointer(newPointer, key);
    if (isPlainObject(a) && isPlainObject(b)) {
      changes.push(...fieldChanges(a, b, oldAt, newAt, `${field}.`));
      if (ordered) {
        const common = new Set(definedKeys(a).filter((k) => own(b, k) !== undefined));
        const orderBefore = definedKeys(a).filter((k) => common.has(k));
        const orderAfter = definedKeys(b).filter((k) => common.has(k));
        if (orderBefore.join('\n') !== orderAfter.join('\n')) {
          changes.push({ field: `${field} order`, oldPointer: oldAt, newPointer: newAt, before: orderBefore, after: orderAfter });
        }
      }
      continue;
    }
    const change: ChangedField = { field };
    if (a !== undefined) {
      change.oldPointer = oldAt;
      change.before = a;
    }
    if (b !== undefined) {
      change.newPointer = newAt;
      change.after = b;
    }
    changes.push(change);
  }
  return changes;
}
