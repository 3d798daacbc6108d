import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLL_SCHEDULE, nextPollDelay, pollDelay } from './poll-schedule.js';

test('checks start soon and back off geometrically to the cap', () => {
  const delays = Array.from({ length: 12 }, (_, i) => pollDelay(DEFAULT_POLL_SCHEDULE, i));
  assert.ok(delays[0] <= 100);
  for (let i = 1; i < delays.length; i++) assert.ok(delays[i] >= delays[i - 1]);
  assert.equal(delays[11], DEFAULT_POLL_SCHEDULE.capMs);
  assert.ok(delays[1] / delays[0] >= 1.5 && delays[1] / delays[0] <= 2);
});

test('a 500 ms publication is seen within 4 checks and 150 ms', () => {
  let at = 0;
  let checks = 0;
  while (at < 500) at += pollDelay(DEFAULT_POLL_SCHEDULE, checks++);
  assert.ok(checks <= 4, `${checks} checks`);
  assert.ok(at - 500 <= 150, `seen at ${at} ms`);
});

test('the last wait ends at the deadline, not after it', () => {
  assert.equal(nextPollDelay(DEFAULT_POLL_SCHEDULE, 10, 9_900, 10_000), 100);
  assert.equal(nextPollDelay(DEFAULT_POLL_SCHEDULE, 10, 10_500, 10_000), 0);
});
