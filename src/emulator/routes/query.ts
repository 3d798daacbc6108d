// Query-string reading shared by the routes: array parameters (comma-joined or repeated) and paging.
import { failures } from '../errors.js';

/** `type=a,b` (JS SDK) and `type=a&type=b` (Python/Go SDKs) both give ['a', 'b']. */
export function listParam(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function positiveInteger(value: string | string[] | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value[value.length - 1] : value;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw failures.invalidValue(name, `${name} must be a positive integer, not ${JSON.stringify(text)}.`);
  return Number(text);
}

export function pagingOf(query: Record<string, string | string[] | undefined>): { pageNumber?: number; pageSize?: number } {
  return { pageNumber: positiveInteger(query.pageNumber, 'pageNumber'), pageSize: positiveInteger(query.pageSize, 'pageSize') };
}

/** A single-valued parameter (the last one when repeated). */
export function stringParam(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value[value.length - 1] : value;
}
