// Full-jitter backoff: delays lie in [0, min(max, base·2^(n-1))) and follow the injected random source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fullJitterDelay } from './backoff.js';

const options = { baseDelayMs: 100, maxDelayMs: 1000 };

test('the ceiling doubles each retry until the maximum', () => {
  const nearlyOne = () => 0.999999;
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => fullJitterDelay(n, options, nearlyOne)), [99, 199, 399, 799, 999, 999]);
});

test('random 0 gives no delay; random 0.5 gives half the ceiling', () => {
  assert.equal(fullJitterDelay(3, options, () => 0), 0);
  assert.equal(fullJitterDelay(3, options, () => 0.5), 200);
});

test('every delay is within bounds for any retry number and random value', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, r) => {
      const delay = fullJitterDelay(retry, options, () => r);
      const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
      return Number.isInteger(delay) && delay >= 0 && delay < Math.max(ceiling, 1) && delay <= options.maxDelayMs;
    }),
  );
});

test('a misbehaving random source cannot push the delay out of bounds', () => {
  assert.equal(fullJitterDelay(2, options, () => 7), 200);
  assert.equal(fullJitterDelay(2, options, () => -1), 0);
});
