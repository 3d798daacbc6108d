// Token bucket: burst, then a refill rate that keeps every window under the limit; time from an injected clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket } from './rate-limit.js';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('the burst goes at once, then slots are spaced by the refill rate', () => {
  const c = clock();
  // 70 a minute with a burst of 10: refill 60 a minute = one per second.
  const bucket = new TokenBucket({ requests: 70, perMs: 60_000, burst: 10 }, c.now);
  const waits = Array.from({ length: 13 }, () => bucket.reserve());
  assert.deepEqual(waits, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000, 2000, 3000]);
});

test('waiting refills the bucket, never beyond the burst', () => {
  const c = clock();
  const bucket = new TokenBucket({ requests: 70, perMs: 60_000, burst: 10 }, c.now);
  for (let i = 0; i < 10; i++) bucket.reserve();
  c.advance(2500);
  assert.equal(bucket.reserve(), 0);
  assert.equal(bucket.reserve(), 0);
  assert.equal(bucket.reserve(), 500);
  c.advance(3_600_000);
  const afterQuiet = Array.from({ length: 11 }, () => bucket.reserve());
  assert.deepEqual(afterQuiet.slice(0, 10), Array(10).fill(0));
  assert.equal(afterQuiet[10], 1000);
});

test('no window of perMs ever admits more than `requests` (default 300/min)', () => {
  const c = clock();
  const bucket = new TokenBucket({ requests: 300, perMs: 60_000, burst: 10 }, c.now);
  // A greedy caller that sends each request as soon as its slot allows.
  const sentAt: number[] = [];
  let t = 0;
  for (let i = 0; i < 1000; i++) {
    const wait = bucket.reserve();
    sentAt.push(t + wait);
    t += 1; // a millisecond of work between calls
    c.advance(1);
  }
  for (let i = 0; i < sentAt.length; i++) {
    const inWindow = sentAt.filter((s) => s >= sentAt[i] && s < sentAt[i] + 60_000).length;
    assert.ok(inWindow <= 300, `window starting at ${sentAt[i]} holds ${inWindow}`);
  }
});

test('rejects a limit that is not positive', () => {
  assert.throws(() => new TokenBucket({ requests: 0, perMs: 1000, burst: 1 }, () => 0), RangeError);
});
