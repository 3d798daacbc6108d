// Retry-After parsing: delta-seconds and HTTP-dates (measured from an injected now), garbage ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRetryAfter } from './retry-after.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');

const cases: Array<[value: string | null | undefined, expectedMs: number | undefined]> = [
  ['1', 1000],
  ['0', 0],
  ['  30 ', 30_000],
  ['1.5', 1500],
  ['Sat, 01 Mar 2025 12:00:05 GMT', 5000],
  ['Saturday, 01-Mar-25 12:01:00 GMT', 60_000],
  ['Sat, 01 Mar 2025 11:59:00 GMT', 0],
  ['-5', undefined],
  ['soon', undefined],
  ['', undefined],
  [null, undefined],
  [undefined, undefined],
  ['1.2.3', undefined],
];

for (const [value, expected] of cases) {
  test(`parseRetryAfter(${JSON.stringify(value)})`, () => {
    assert.equal(parseRetryAfter(value, NOW), expected);
  });
}
