// Keeping secret values out of files gcflow writes (plans, backups): swap them for `{env.NAME}` and back.
import { fillTemplate } from '../flow/placeholder.js';
import { childPointer, fromPointer } from '../flow/pointer.js';

/** A secret value and the environment name it came from. */
export interface NamedSecret {
  name: string;
  value: string;
}

export interface Redacted<T> {
  value: T;
  /** JSON pointers of the strings in which a secret value was replaced by `{env.NAME}`. */
  redacted: string[];
}

/** Values shorter than this are not treated as secrets (replacing "1" everywhere would wreck a flow). */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of a secret value inside the flow's strings by `{env.NAME}` and lists where.
 * Longer secrets go first so that a secret containing another is replaced whole.
 */
export function redactSecrets<T>(input: T, secrets: readonly NamedSecret[]): Redacted<T> {
  const usable = secrets.filter((s) => s.value.length >= MIN_SECRET_LENGTH).sort((a, b) => b.value.length - a.value.length);
  const redacted: string[] = [];
  if (usable.length === 0) return { value: input, redacted };
  const walk = (value: unknown, pointer: string): unknown => {
    if (typeof value === 'string') {
      let text = value;
      for (const secret of usable) if (text.includes(secret.value)) text = text.split(secret.value).join(`{env.${secret.name}}`);
      if (text !== value) redacted.push(pointer);
      return text;
    }
    if (Array.isArray(value)) return value.map((item, index) => walk(item, childPointer(pointer, index)));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) out[key] = walk(child, childPointer(pointer, key));
      return out;
    }
    return value;
  };
  return { value: walk(input, '') as T, redacted };
}

/**
 * Puts secret values back at the listed pointers only (single pass: a value is data, never re-scanned).
 * Returns the names that had no value, so the caller can refuse rather than push a placeholder.
 */
export function restoreSecrets<T>(input: T, redacted: readonly string[], values: Readonly<Record<string, string>>): { value: T; missing: string[] } {
  const copy = structuredClone(input) as unknown as Record<string, unknown>;
  const missing = new Set<string>();
  for (const pointer of redacted) {
    const path = fromPointer(pointer);
    if (path.length === 0) continue;
    let parent: Record<string, unknown> | unknown[] = copy;
    for (const segment of path.slice(0, -1)) parent = (parent as Record<string, unknown>)[segment] as Record<string, unknown>;
    const last = path[path.length - 1];
    const text = (parent as Record<string, unknown>)[last];
    if (typeof text !== 'string') continue;
    (parent as Record<string, unknown>)[last] = fillTemplate(text, (part) => {
      if (part.kind !== 'env') return undefined;
      const value = values[part.name];
      if (value === undefined) missing.add(part.name);
      return value;
    });
  }
  return { value: copy as unknown as T, missing: [...missing].sort() };
}
