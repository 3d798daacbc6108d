// OAuth client credentials against a real local server: the request's shape, caching until expiry minus the margin, one shared in-flight request.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { GenesysAuth } from './auth.js';
import { createPlatformClient } from './client.js';
import { ApiError, AuthError } from './errors.js';
import { json, localServer, type LocalServer } from './testdata/local-server.js';
import { emulator } from './testdata/emulator.js';

const servers: LocalServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

/** A token server: each token request gets `tok-N` after `delayMs`, with the given lifetime. */
async function tokenServer(options: { expiresIn?: number; delayMs?: number; failFirst?: number } = {}) {
  let issued = 0;
  const server = await localServer(async (request, response) => {
    if (request.url === '/oauth/token') {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (options.failFirst && issued < options.failFirst) {
        issued++;
        return json(response, 503, { message: 'try again' });
      }
      issued++;
      return json(response, 200, { access_token: `tok-${issued}-abcdefgh`, token_type: 'bearer', expires_in: options.expiresIn ?? 86_400 });
    }
    return json(response, 200, { ok: true, authorization: request.headers.authorization });
  });
  servers.push(server);
  return server;
}

test('the token request: POST <login>/oauth/token, Basic client:secret, grant_type=client_credentials, form-encoded', async () => {
  const server = await tokenServer();
  const token = await new GenesysAuth(server.url, 'my-client', 'my-secret').getToken();
  assert.equal(token, 'tok-1-abcdefgh');
  const [request] = server.received;
  assert.equal(request.method, 'POST');
  assert.equal(request.url, '/oauth/token');
  assert.equal(request.headers.authorization, `Basic ${Buffer.from('my-client:my-secret').toString('base64')}`);
  assert.equal(request.headers['content-type'], 'application/x-www-form-urlencoded');
  assert.equal(request.body, 'grant_type=client_credentials');
});

test('concurrent callers share one in-flight token request', async () => {
  const server = await tokenServer({ delayMs: 50 });
  const auth = new GenesysAuth(server.url, 'c', 'secret-value');
  const tokens = await Promise.all(Array.from({ length: 25 }, () => auth.getToken()));
  assert.equal(new Set(tokens).size, 1);
  assert.equal(server.count('/oauth/token'), 1);
});

test('concurrent API calls on a fresh client cause one token request (emulator stats)', async () => {
  const running = await emulator();
  try {
    const client = createPlatformClient({ baseUrl: running.url, clientId: running.clientId, clientSecret: running.clientSecret, rateLimit: false });
    await Promise.all(Array.from({ length: 15 }, () => client.tokens.me()));
    assert.equal(running.stats().tokenRequests, 1);
  } finally {
    await running.close();
  }
});

test('the token is reused until expiry minus the margin (10 s by default), then renewed', async () => {
  const server = await tokenServer({ expiresIn: 60 });
  let now = 1_000_000;
  const auth = new GenesysAuth(server.url, 'c', 'secret-value', { now: () => now });
  assert.equal(await auth.getToken(), 'tok-1-abcdefgh');
  now += 49_999;
  assert.equal(await auth.getToken(), 'tok-1-abcdefgh');
  now += 1;
  assert.equal(await auth.getToken(), 'tok-2-abcdefgh');
  assert.equal(server.count('/oauth/token'), 2);
});

test('a short-lived token is renewed at half its life rather than never reused', async () => {
  const server = await tokenServer({ expiresIn: 4 });
  let now = 0;
  const auth = new GenesysAuth(server.url, 'c', 'secret-value', { now: () => now });
  await auth.getToken();
  now = 1_999;
  assert.equal(await auth.getToken(), 'tok-1-abcdefgh');
  now = 2_000;
  assert.equal(await auth.getToken(), 'tok-2-abcdefgh');
});

test('invalidate() forgets the token; invalidate(old) does not forget a newer one', async () => {
  const server = await tokenServer();
  const auth = new GenesysAuth(server.url, 'c', 'secret-value');
  const first = await auth.getToken();
  auth.invalidate();
  const second = await auth.getToken();
  assert.notEqual(second, first);
  auth.invalidate(first);
  assert.equal(await auth.getToken(), second);
  assert.equal(server.count('/oauth/token'), 2);
});

test('a failed token request is not cached: the next call tries again', async () => {
  const server = await tokenServer({ failFirst: 1 });
  const auth = new GenesysAuth(server.url, 'c', 'secret-value', { retry: false });
  const error = await auth.getToken().catch((e: unknown) => e);
  assert.ok(error instanceof ApiError && error.status === 503);
  assert.equal(await auth.getToken(), 'tok-2-abcdefgh');
});

test('a 503 from the token endpoint is retried (asking for a token has no side effect)', async () => {
  const server = await tokenServer({ failFirst: 2 });
  const auth = new GenesysAuth(server.url, 'c', 'secret-value', { retry: { baseDelayMs: 1, maxDelayMs: 2 } });
  assert.equal(await auth.getToken(), 'tok-3-abcdefgh');
  assert.equal(server.count('/oauth/token'), 3);
});

test('a token response without access_token is an AuthError', async () => {
  const server = await localServer((_request, response) => json(response, 200, { token_type: 'bearer' }));
  servers.push(server);
  const error = await new GenesysAuth(server.url, 'c', 'secret-value').getToken().catch((e: unknown) => e);
  assert.ok(error instanceof AuthError && /no access_token/.test(error.message), String(error));
});

test('an API that keeps answering 401: one refresh, one retry, then AuthError', async () => {
  let tokens = 0;
  const server = await localServer((request, response) => {
    if (request.url === '/oauth/token') return json(response, 200, { access_token: `tok-${++tokens}-abcdefgh`, expires_in: 3600 });
    return json(response, 401, { message: 'The access token is invalid', code: 'authentication.required', status: 401 }, { 'inin-correlation-id': 'corr-401' });
  });
  servers.push(server);
  const client = createPlatformClient({ baseUrl: server.url, clientId: 'c', clientSecret: 'secret-value', rateLimit: false });
  const error = await client.tokens.me().catch((e: unknown) => e);
  assert.ok(error instanceof AuthError, String(error));
  assert.equal(error.correlationId, 'corr-401');
  assert.equal(server.count('/oauth/token'), 2);
  assert.equal(server.count('/api/v2/tokens/me'), 2);
  assert.deepEqual(
    server.received.filter((r) => r.url === '/api/v2/tokens/me').map((r) => r.headers.authorization),
    ['Bearer tok-1-abcdefgh', 'Bearer tok-2-abcdefgh'],
  );
});

test('API calls carry the bearer token and accept JSON; uploads to a presigned URL carry exactly the job headers', async () => {
  const server = await tokenServer();
  const client = createPlatformClient({ baseUrl: server.url, clientId: 'c', clientSecret: 'secret-value', rateLimit: false });
  await client.flows.list({ type: ['inboundshortmessage', 'bot'], pageSize: 5, deleted: false });
  const list = server.received.find((r) => r.url.startsWith('/api/v2/flows'));
  assert.equal(list?.url, '/api/v2/flows?type=inboundshortmessage%2Cbot&pageSize=5&deleted=false');
  assert.equal(list?.headers.authorization, 'Bearer tok-1-abcdefgh');
  assert.equal(list?.headers.accept, 'application/json');

  await client.jobs.upload({ presignedUrl: `${server.url}/bucket/key?X-Amz-Signature=abc`, headers: { 'Content-Type': 'application/octet-stream', 'x-amz-meta-jobid': 'j1' } }, 'a: 1\n');
  const upload = server.received.find((r) => r.url.startsWith('/bucket/key'));
  assert.equal(upload?.method, 'PUT');
  assert.equal(upload?.body, 'a: 1\n');
  assert.equal(upload?.headers.authorization, undefined, 'no bearer token to the storage host');
  assert.equal(upload?.headers['content-type'], 'application/octet-stream');
  assert.equal(upload?.headers['x-amz-meta-jobid'], 'j1');
  assert.equal(upload?.headers.accept, '*/*', 'fetch default only: nothing of ours added');
});

test('a presigned URL over plain http to a non-loopback host is refused before sending', async () => {
  const server = await tokenServer();
  const client = createPlatformClient({ baseUrl: server.url, clientId: 'c', clientSecret: 'secret-value' });
  await assert.rejects(client.jobs.upload({ presignedUrl: 'http://bucket.example.com/key', headers: {} }, 'x'), /Refusing plain http/);
});
