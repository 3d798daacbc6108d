// Retry-After: the wait a 429/503 asks for, as delta-seconds or an HTTP-date (RFC 9110 §10.2.3).

/**
 * The wait in milliseconds that a `Retry-After` header value asks for, or undefined when absent or unreadable.
 * An HTTP-date is measured from `nowMs`; a date in the past means no wait (0).
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (/^-/.test(text) || /^[\d.]+$/.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
