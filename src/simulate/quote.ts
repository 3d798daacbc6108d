// Quoting values in trace sentences: `"text"` as JSON writes it, without JSON.stringify's cost for ordinary text.

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPING = /["\\\u0000-\u001f\u2028\u2029]/;

/** A string in double quotes (escaped as JSON when it must be); numbers and booleans as they are. */
export function quoteValue(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  return NEEDS_ESCAPING.test(value) ? JSON.stringify(value) : `"${value}"`;
}
