// Fills {env.NAME} placeholders in a flow's string values, in one pass: values are data, never parsed again.
import { GcflowError } from '../flow/diagnostic.js';
import { fillTemplate } from '../flow/placeholder.js';
import { childPointer } from '../flow/pointer.js';

export type EnvironmentValues = Record<string, string>;

export interface MissingEnvironmentValue {
  name: string;
  /** Where the placeholder is used, e.g. /environmentVariables/tech_queue_id. */
  pointer: string;
}

export interface ResolvedFlow<T> {
  /** A copy of the flow with every {env.NAME} that has a value replaced (the input is not changed). */
  flow: T;
  /** Every placeholder without a value, in document order (placeholders stay as written in the copy). */
  missing: MissingEnvironmentValue[];
}

/** Code of the error raised when environment values are missing. */
export const MISSING_ENVIRONMENT_CODE = 'GCF920';

type Container = Record<string, unknown> | unknown[];

interface Frame {
  container: Container;
  keys: Array<string | number>;
  next: number;
  pointer: string;
}

function frameOf(container: Container, pointer: string): Frame {
  return { container, keys: Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container), next: 0, pointer };
}

function setOwn(container: Container, key: string | number, value: unknown): void {
  // `__proto__` is an ordinary data property in parsed JSON; assignment would hit the prototype setter instead.
  if (key === '__proto__') Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
  else (container as Record<string | number, unknown>)[key] = value;
}

/**
 * Replaces `{env.NAME}` in every string value of the flow (object keys are left alone) with values[NAME].
 * Single pass over parsed data, never over text: a value holding quotes, braces or `{env.OTHER}` stays literal data.
 * Pure; `{name}` placeholders (flow variables) are left for the runtime.
 */
export function resolveFlowEnvironment<T>(flow: T, values: Readonly<EnvironmentValues>): ResolvedFlow<T> {
  const missing: MissingEnvironmentValue[] = [];
  const fill = (text: string, pointer: string): string =>
    !text.includes('{env.')
      ? text
      : fillTemplate(text, (part) => {
          if (part.kind !== 'env') return undefined;
          if (Object.hasOwn(values, part.name)) return values[part.name];
          missing.push({ name: part.name, pointer });
          return undefined;
        });
  if (typeof flow === 'string') return { flow: fill(flow, '') as T, missing };
  if (flow === null || typeof flow !== 'object') return { flow, missing };
  const copy = structuredClone(flow) as Container;
  // Depth-first in document order with an explicit stack (no recursion limit), so `missing` is in document order.
  const stack: Frame[] = [frameOf(copy, '')];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.keys.length) {
      stack.pop();
      continue;
    }
    const key = frame.keys[frame.next++];
    const value = (frame.container as Record<string | number, unknown>)[key];
    if (typeof value === 'string') {
      const filled = fill(value, childPointer(frame.pointer, key));
      if (filled !== value) setOwn(frame.container, key, filled);
    } else if (value !== null && typeof value === 'object') {
      stack.push(frameOf(value as Container, childPointer(frame.pointer, key)));
    }
  }
  return { flow: copy as T, missing };
}

/** One error naming every missing value at once, with where each is used. Exit code 1 (the operation cannot be done). */
export function missingEnvironmentError(
  missing: readonly MissingEnvironmentValue[],
  source: { file?: string; locate?: (pointer: string) => { line: number; column: number } | undefined } = {},
): GcflowError {
  const names = [...new Set(missing.map((m) => m.name))];
  const uses = names.map((name) => `${name} (${missing.filter((m) => m.name === name).map((m) => m.pointer).join(', ')})`);
  const noun = names.length === 1 ? 'value is' : 'values are';
  return new GcflowError(
    MISSING_ENVIRONMENT_CODE,
    `${names.length} environment ${noun} missing: ${uses.join('; ')}; set ${names.length === 1 ? 'it' : 'them'} in a profile (--profile), an env file (--env-file) or the environment`,
    { file: source.file, pointer: missing[0]?.pointer, ...(missing[0] ? source.locate?.(missing[0].pointer) : undefined) },
    1,
  );
}
