// Every failure path over real HTTP against the emulator: 429 with Retry-After, 503 backoff, timeouts, resets, 401 refresh.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FlowDefinition } from '../flow/schema.js';
import { ApiError, AuthError, NetworkError, RateLimitedError, TimeoutError } from './errors.js';
import type { RequestLogEntry } from './pipeline/log.js';
import { clientFor, emulator, recordingSleep, type RunningEmulator } from './testdata/emulator.js';

const SEED = JSON.parse(readFileSync(new URL('../../../shared/examples/seed-webchat.flow.json', import.meta.url), 'utf8')) as FlowDefinition;

const started: RunningEmulator[] = [];
after(() => Promise.all(started.map((e) => e.close())));
async function start(options: Parameters<typeof emulator>[0]): Promise<RunningEmulator> {
  const running = await emulator(options);
  started.push(running);
  return running;
}

function logged() {
  const entries: RequestLogEntry[] = [];
  return { entries, logger: (entry: RequestLogEntry) => entries.push(entry), attempts: (path: string) => entries.filter((e) => e.path.startsWith(path)).length };
}

const routeCount = (running: RunningEmulator, route: string, status: number): number => running.stats().byRoute[route]?.[String(status)] ?? 0;

test('429 from the per-token rate limit: RateLimitedError with Retry-After when retries are off', async () => {
  const running = await start({ rateLimit: { requests: 3, windowMs: 60_000 } });
  const client = clientFor(running, { retry: false });
  for (let i = 0; i < 3; i++) await client.tokens.me();
  const error = await client.tokens.me().catch((e: unknown) => e);
  assert.ok(error instanceof RateLimitedError, String(error));
  assert.equal(error.status, 429);
  assert.equal(error.code, 'too.many.requests.retry.after');
  assert.ok(error.retryAfter !== undefined && error.retryAfter >= 1 && error.retryAfter <= 60, String(error.retryAfter));
  assert.ok(error.correlationId);
});

test('429 from the per-token rate limit: the client waits Retry-After, then succeeds', async () => {
  const running = await start({ rateLimit: { requests: 2, windowMs: 1_000 } });
  const { waits, sleep } = recordingSleep(1);
  const client = clientFor(running, { retry: { sleep, maxAttempts: 3 } });
  await client.tokens.me();
  await client.tokens.me();
  const me = await client.tokens.me();
  assert.equal(me.OAuthClient?.id, running.clientId);
  assert.deepEqual(waits, [1000], 'waited exactly what Retry-After asked');
  assert.equal(running.stats().rateLimited, 1);
});

test('429 injected on every request: bounded attempts, each after Retry-After; a wait above the cap is not attempted', async () => {
  const running = await start({ faults: '429=100%,retry-after=2s', seed: 3 });
  const { waits, sleep } = recordingSleep(0);
  const log = logged();
  const client = clientFor(running, { retry: { sleep, maxAttempts: 3 }, logger: log.logger });
  const error = await client.flows.list().catch((e: unknown) => e);
  assert.ok(error instanceof RateLimitedError, String(error));
  assert.equal(error.retryAfter, 2);
  assert.deepEqual(waits, [2000, 2000]);
  assert.equal(log.attempts('/api/v2/flows'), 3);
  assert.equal(running.stats().faults.tooManyRequests, 3);

  const capped = recordingSleep(0);
  const impatient = clientFor(running, { retry: { sleep: capped.sleep, maxAttempts: 3, maxRetryAfterMs: 1_000 } });
  const refused = await impatient.flows.list().catch((e: unknown) => e);
  assert.ok(refused instanceof RateLimitedError);
  assert.deepEqual(capped.waits, []);
  assert.equal(running.stats().faults.tooManyRequests, 4);
});

test('429 is retried for a POST too (the server did not act on it)', async () => {
  const running = await start({ faults: '429=50%,retry-after=1s', seed: 11 });
  const { waits, sleep } = recordingSleep(0);
  const client = clientFor(running, { retry: { sleep, maxAttempts: 8 } });
  for (let i = 0; i < 6; i++) await client.flows.create({ name: `Created ${i}`, type: 'inboundshortmessage' });
  assert.ok(waits.length > 0 && waits.every((w) => w === 1000), JSON.stringify(waits));
  assert.equal(running.stats().faults.tooManyRequests, waits.length);
});

test('503 on a GET: full-jitter backoff within bounds, then success or ApiError after maxAttempts', async () => {
  const running = await start({ faults: '503=100%', seed: 5 });
  const { waits, sleep } = recordingSleep(0);
  const log = logged();
  const random = () => 0.75;
  const client = clientFor(running, { retry: { sleep, random, maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 }, logger: log.logger });
  const error = await client.tokens.me().catch((e: unknown) => e);
  assert.ok(error instanceof ApiError && error.status === 503 && error.code === 'service.unavailable', String(error));
  assert.deepEqual(waits, [75, 150, 187]);
  assert.equal(log.attempts('/api/v2/tokens/me'), 4);
  assert.equal(routeCount(running, 'GET /api/v2/tokens/me', 503), 4);
});

test('503 on a POST is not retried (not idempotent)', async () => {
  const running = await start({ faults: '503=100%', seed: 5 });
  const { waits, sleep } = recordingSleep(0);
  const client = clientFor(running, { retry: { sleep } });
  const error = await client.flows.create({ name: 'Once', type: 'inboundshortmessage' }).catch((e: unknown) => e);
  assert.ok(error instanceof ApiError && error.status === 503);
  assert.deepEqual(waits, []);
  assert.equal(routeCount(running, 'POST /api/v2/flows', 503), 1);
});

test('503 on 40% of requests (seeded): every idempotent call still succeeds', async () => {
  const running = await start({ faults: '503=40%', seed: 42 });
  const { waits, sleep } = recordingSleep(0);
  const client = clientFor(running, { retry: { sleep, maxAttempts: 8 } });
  await client.documents.put('flaky', { ...SEED, id: 'flaky', version: 1 });
  for (let i = 0; i < 15; i++) assert.equal((await client.documents.get('flaky')).id, 'flaky');
  assert.ok(running.stats().faults.unavailable > 0);
  assert.equal(waits.length, running.stats().faults.unavailable);
});

test('timeout: latency beyond the timeout is a TimeoutError, not retried', async () => {
  const running = await start({ faults: 'latency=700ms' });
  const { waits, sleep } = recordingSleep(0);
  const log = logged();
  // The client-wide timeout is generous (the token request must not be the one that times out on a busy machine).
  const client = clientFor(running, { timeoutMs: 5_000, retry: { sleep }, logger: log.logger });
  const error = await client.request({ method: 'GET', path: '/api/v2/tokens/me', timeoutMs: 200 }).catch((e: unknown) => e);
  assert.ok(error instanceof TimeoutError, String(error));
  assert.equal(error.timeoutMs, 200);
  assert.equal(error.method, 'GET');
  assert.equal(error.path, '/api/v2/tokens/me');
  assert.equal(error.code, 'GCF951');
  assert.deepEqual(waits, []);
  assert.deepEqual(log.entries.filter((e) => e.path === '/api/v2/tokens/me').map((e) => e.error), ['TimeoutError']);
});

test('timeout: the client-wide timeout applies to every request (endpoint calls included)', async () => {
  const running = await start({ faults: 'latency=1000ms' });
  const client = clientFor(running, { timeoutMs: 5_000 });
  const me = await client.tokens.me();
  assert.equal(me.OAuthClient?.id, running.clientId, 'within the timeout');
  const strict = clientFor(running, { timeoutMs: 400 });
  // The token endpoint has no injected latency; the API call is the one that times out.
  const error = await strict.tokens.me().catch((e: unknown) => e);
  assert.ok(error instanceof TimeoutError, String(error));
  assert.equal(error.path, '/api/v2/tokens/me');
  assert.equal(error.timeoutMs, 400);
});

test('dropped connections: a GET is retried to NetworkError after maxAttempts; a POST fails at once', async () => {
  const running = await start({ faults: 'reset=100%', seed: 9 });
  const { waits, sleep } = recordingSleep(0);
  const client = clientFor(running, { retry: { sleep, maxAttempts: 3 } });
  const error = await client.flows.list().catch((e: unknown) => e);
  assert.ok(error instanceof NetworkError, String(error));
  assert.match(error.reason, /ECONNRESET|UND_ERR_SOCKET|socket|closed|hang up/i);
  assert.equal(error.code, 'GCF952');
  assert.equal(waits.length, 2);
  assert.equal(running.stats().faults.reset, 3);

  const post = await client.flows.create({ name: 'Reset', type: 'inboundshortmessage' }).catch((e: unknown) => e);
  assert.ok(post instanceof NetworkError);
  assert.equal(waits.length, 2, 'no retry for the POST');
  assert.equal(running.stats().faults.reset, 4);
});

test('dropped connections on 30% of requests (seeded): idempotent calls succeed', async () => {
  const running = await start({ faults: 'reset=30%', seed: 21 });
  const { sleep } = recordingSleep(0);
  const client = clientFor(running, { retry: { sleep, maxAttempts: 8 } });
  for (let i = 0; i < 12; i++) await client.tokens.me();
  assert.ok(running.stats().faults.reset > 0);
});

test('401 on a revoked token: the client fetches a new token once and retries once', async () => {
  const running = await start({});
  const log = logged();
  const client = clientFor(running, { logger: log.logger });
  const first = await client.auth.getToken();
  await client.tokens.me();
  const revoke = await fetch(`${running.url}/api/v2/tokens/me`, { method: 'DELETE', headers: { authorization: `Bearer ${first}` } });
  assert.equal(revoke.status, 204);
  const me = await client.tokens.me();
  assert.equal(me.OAuthClient?.id, running.clientId);
  assert.notEqual(await client.auth.getToken(), first);
  assert.equal(running.stats().tokenRequests, 2);
  assert.deepEqual(log.entries.filter((e) => e.path === '/api/v2/tokens/me').map((e) => e.status), [200, 401, 200]);
});

test('401 for many concurrent calls on a revoked token: still one token refresh', async () => {
  const running = await start({});
  const client = clientFor(running);
  const token = await client.auth.getToken();
  await fetch(`${running.url}/api/v2/tokens/me`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  const results = await Promise.all(Array.from({ length: 12 }, () => client.tokens.me()));
  assert.ok(results.every((r) => r.OAuthClient?.id === running.clientId));
  assert.equal(running.stats().tokenRequests, 2);
});

test('a wrong client secret is an AuthError from the token endpoint', async () => {
  const running = await start({});
  const client = clientFor(running, { clientSecret: 'definitely-wrong-secret' });
  const error = await client.flows.list().catch((e: unknown) => e);
  assert.ok(error instanceof AuthError, String(error));
  assert.equal(error.status, 401);
  assert.equal(error.code, 'invalid_client');
  assert.match(error.message, /refused the client credentials/);
  assert.equal(error.path, '/oauth/token');
});

test('the client-side token bucket keeps a burst under the server limit (no 429 where an unthrottled client gets them)', async () => {
  const running = await start({ rateLimit: { requests: 8, windowMs: 400 } });
  const unthrottled = clientFor(running, { retry: false });
  const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => unthrottled.tokens.me()));
  assert.ok(outcomes.some((o) => o.status === 'rejected' && o.reason instanceof RateLimitedError), 'control: the burst provokes 429s');

  const fresh = await start({ rateLimit: { requests: 8, windowMs: 400 } });
  const throttled = clientFor(fresh, { retry: false, rateLimit: { requests: 8, perMs: 400, burst: 4 } });
  const results = await Promise.all(Array.from({ length: 12 }, () => throttled.tokens.me()));
  assert.equal(results.length, 12);
  assert.equal(fresh.stats().rateLimited, 0);
});
