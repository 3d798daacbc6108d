// Retry decisions: which failures are retried, for which methods, after how long, and when to stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, AuthError, NetworkError, PermissionError, RateLimitedError, TimeoutError, VersionConflictError } from '../errors.js';
import { DEFAULT_RETRY, retryDelay, type RetryOptions } from './retry.js';
import type { HttpMethod } from './request.js';

const options: RetryOptions = { ...DEFAULT_RETRY, maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000, defaultRetryAfterMs: 3000, random: () => 0.5 };
const at = { method: 'GET', path: '/api/v2/flows/x' };
const api = (status: number, retryAfterSeconds?: number) => new ApiError({ ...at, status, retryAfterSeconds });
const limited = (retryAfterSeconds?: number) => new RateLimitedError({ ...at, status: 429, retryAfterSeconds });

const cases: Array<[name: string, error: unknown, method: HttpMethod, attempt: number, expected: number | undefined]> = [
  ['429 waits Retry-After', limited(2), 'GET', 1, 2000],
  ['429 on POST too (the server did not act)', limited(1), 'POST', 1, 1000],
  ['429 with a fractional Retry-After', limited(0.25), 'GET', 1, 250],
  ['429 without Retry-After waits the default', limited(), 'GET', 1, 3000],
  ['429 asking beyond the cap is final', limited(6), 'GET', 1, undefined],
  ['429 at the last attempt is final', limited(1), 'GET', 4, undefined],
  ['503 on GET backs off with jitter', api(503), 'GET', 1, 50],
  ['503 on the second retry doubles the ceiling', api(503), 'GET', 2, 100],
  ['502 on PUT', api(502), 'PUT', 1, 50],
  ['504 on DELETE', api(504), 'DELETE', 3, 200],
  ['503 with Retry-After waits it, capped by maxDelayMs', api(503, 30), 'GET', 1, 1000],
  ['503 on POST is final (not idempotent)', api(503), 'POST', 1, undefined],
  ['500 is final', api(500), 'GET', 1, undefined],
  ['404 is final', api(404), 'GET', 1, undefined],
  ['409 is final', new VersionConflictError({ ...at, status: 409 }), 'PUT', 1, undefined],
  ['403 is final', new PermissionError({ ...at, status: 403 }), 'GET', 1, undefined],
  ['401 is left to the auth stage', new AuthError({ ...at, status: 401 }), 'GET', 1, undefined],
  ['network error on GET', new NetworkError(at, 'ECONNRESET'), 'GET', 1, 50],
  ['network error on POST is final', new NetworkError(at, 'ECONNRESET'), 'POST', 1, undefined],
  ['timeout is final', new TimeoutError(at, 100), 'GET', 1, undefined],
  ['a programming error is final', new TypeError('x is not a function'), 'GET', 1, undefined],
];

for (const [name, error, method, attempt, expected] of cases) {
  test(`retryDelay: ${name}`, () => {
    assert.equal(retryDelay(error, { method }, attempt, options), expected);
  });
}

test('retryDelay: an explicitly idempotent POST (the token request) is retried after 503', () => {
  assert.equal(retryDelay(api(503), { method: 'POST', idempotent: true }, 1, options), 50);
});

test('retryDelay: an explicitly non-idempotent PUT is not', () => {
  assert.equal(retryDelay(api(503), { method: 'PUT', idempotent: false }, 1, options), undefined);
});
