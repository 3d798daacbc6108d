// No secret in any error or log: errors from every failure path, serialised every way, never hold the secret, the Basic credential or a token.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { createPlatformClient } from './client.js';
import { ApiError, AuthError, NetworkError, PermissionError, TimeoutError, VersionConflictError, currentVersionNamedIn, permissionsNamedIn } from './errors.js';
import { formatRequestLogEntry, requestLoggerFromEnvironment, type RequestLogEntry } from './pipeline/log.js';
import { json, localServer, type LocalServer } from './testdata/local-server.js';
import { GcflowError } from '../flow/diagnostic.js';

const SECRET = 'Sup3r-S3cret-Value-xyz';
const CLIENT_ID = 'client-id-1';
const BASIC = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');
const TOKEN = 'tok-VERY-secret-access-token-0123456789';

const servers: LocalServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

/** A hostile server: it echoes the Authorization header, the secret and the token into every error it sends. */
async function echoingServer(): Promise<LocalServer> {
  const server = await localServer(async (request, response) => {
    const echo = `you sent authorization=${request.headers.authorization}; secret ${SECRET}; token ${TOKEN}; "access_token":"${TOKEN}"`;
    if (request.url === '/oauth/token') {
      if (request.headers['x-test'] === 'refuse') return json(response, 401, { error: 'invalid_client', error_description: echo });
      return json(response, 200, { access_token: TOKEN, expires_in: 3600 });
    }
    const path = request.url.split('?')[0];
    const headers = { 'inin-correlation-id': 'corr-echo' };
    if (path.endsWith('/forbidden')) return json(response, 403, { message: `${echo}; missing architect:flow:edit`, code: 'missing.any.permissions', status: 403 }, headers);
    if (path.endsWith('/conflict')) return json(response, 409, { message: `${echo}; current version is 7`, code: 'general.conflict', status: 409 }, headers);
    if (path.endsWith('/unauthorized')) return json(response, 401, { message: echo, code: 'authentication.required', status: 401 }, headers);
    if (path.endsWith('/slow')) return void setTimeout(() => json(response, 200, {}), 500);
    if (path.endsWith('/reset')) return void response.socket?.destroy();
    if (path.endsWith('/html')) {
      response.writeHead(502, { 'content-type': 'text/html' });
      return void response.end(`<html><body>Bad gateway ${echo}</body></html>`);
    }
    return json(response, 500, { message: echo, code: 'internal.server.error', status: 500, details: [{ errorCode: echo }] }, headers);
  });
  servers.push(server);
  return server;
}

function assertClean(label: string, text: string, secrets: string[] = [SECRET, BASIC, TOKEN]): void {
  for (const secret of secrets) assert.ok(!text.includes(secret), `${label} leaks ${secret.slice(0, 6)}…: ${text.slice(0, 300)}`);
}

function assertErrorClean(error: unknown, secrets?: string[]): void {
  assert.ok(error instanceof Error, String(error));
  assertClean('String()', String(error), secrets);
  assertClean('message', error.message, secrets);
  assertClean('stack', error.stack ?? '', secrets);
  assertClean('JSON.stringify', JSON.stringify(error), secrets);
  assertClean('util.inspect', inspect(error, { depth: 10, showHidden: true }), secrets);
  const own = Object.fromEntries(Object.getOwnPropertyNames(error).map((k) => [k, (error as unknown as Record<string, unknown>)[k]]));
  assertClean('JSON of own properties', JSON.stringify(own), secrets);
}

test('errors from every failure path never hold the secret, the Basic credential or the token', async () => {
  const server = await echoingServer();
  const lines: string[] = [];
  const entries: RequestLogEntry[] = [];
  const client = createPlatformClient({
    baseUrl: server.url,
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    rateLimit: false,
    timeoutMs: 5_000,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    logger: (entry) => {
      entries.push(entry);
      lines.push(formatRequestLogEntry(entry));
    },
  });
  const call = (path: string, timeoutMs?: number) => client.request({ method: 'GET', path, timeoutMs }).catch((e: unknown) => e);

  const serverError = await call('/api/v2/boom');
  assert.ok(serverError instanceof ApiError && serverError.status === 500, String(serverError));
  assert.match(serverError.message, /\[redacted\]/);
  assertErrorClean(serverError);

  const forbidden = await call('/api/v2/forbidden');
  assert.ok(forbidden instanceof PermissionError);
  assert.deepEqual(forbidden.missingPermissions, ['architect:flow:edit']);
  assertErrorClean(forbidden);

  const conflict = await call('/api/v2/conflict');
  assert.ok(conflict instanceof VersionConflictError);
  assert.equal(conflict.currentVersion, 7);
  assertErrorClean(conflict);

  const unauthorized = await call('/api/v2/unauthorized');
  assert.ok(unauthorized instanceof AuthError);
  assertErrorClean(unauthorized);

  const html = await call('/api/v2/html');
  assert.ok(html instanceof ApiError && html.status === 502);
  assertErrorClean(html);

  const slow = await call('/api/v2/slow', 100);
  assert.ok(slow instanceof TimeoutError);
  assertErrorClean(slow);

  const reset = await call('/api/v2/reset');
  assert.ok(reset instanceof NetworkError);
  assertErrorClean(reset);

  const refused = await createPlatformClient({ baseUrl: server.url, clientId: CLIENT_ID, clientSecret: SECRET })
    .request({ method: 'GET', path: '/api/v2/x' })
    .catch((e: unknown) => e);
  assert.ok(!(refused instanceof AuthError), 'control: a normal token request succeeds, the 500 comes from the API');
  const refusingAuth = createPlatformClient({ baseUrl: server.url, clientId: CLIENT_ID, clientSecret: SECRET, fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-test': 'refuse' } }) });
  const tokenRefused = await refusingAuth.auth.getToken().catch((e: unknown) => e);
  assert.ok(tokenRefused instanceof AuthError && tokenRefused.code === 'invalid_client', String(tokenRefused));
  // This client never received the token the server echoes, so only what it holds (secret, Basic) must be absent.
  assertErrorClean(tokenRefused, [SECRET, BASIC]);
  assert.match(tokenRefused.message, /"access_token":"\[redacted\]"/, 'credential-shaped values are scrubbed even when unknown');

  assert.ok(lines.length >= 8);
  for (const line of lines) assertClean('log line', line);
  assertClean('log entries', JSON.stringify(entries));
  assert.ok(entries.some((e) => e.correlationId === 'corr-echo'));
});

test('errors are GcflowErrors with exit code 1 and a one-line message naming method, path, status and correlation id', () => {
  const error = new ApiError({ method: 'GET', path: '/api/v2/flows/x', status: 404, correlationId: 'c-1', body: { message: 'Flow x not found', code: 'not.found' } });
  assert.ok(error instanceof GcflowError);
  assert.equal(error.exitCode, 1);
  assert.equal(error.code, 'not.found');
  assert.equal(error.message, 'GET /api/v2/flows/x failed: 404 Flow x not found (correlation id c-1)');
  assert.equal(new ApiError({ method: 'GET', path: '/p', status: 502, fallbackMessage: 'Bad Gateway' }).code, 'http.502');
});

test('permissionsNamedIn and currentVersionNamedIn read what Genesys-shaped bodies say', () => {
  assert.deepEqual(
    permissionsNamedIn({ message: 'missing: {permissions}', messageParams: { permissions: 'architect:flow:edit, architect:flow:publish' } }),
    ['architect:flow:edit', 'architect:flow:publish'],
  );
  assert.deepEqual(permissionsNamedIn({ message: 'Forbidden' }), []);
  assert.equal(currentVersionNamedIn({ messageParams: { currentVersion: '4' } }), 4);
  assert.equal(currentVersionNamedIn({ message: 'Flow version conflict: current version is 12' }), 12);
  assert.equal(currentVersionNamedIn({ message: 'conflict' }), undefined);
});

test('GCFLOW_DEBUG turns on one stderr line per request; unset, nothing is logged', () => {
  const written: string[] = [];
  assert.equal(requestLoggerFromEnvironment({}, (l) => written.push(l)), undefined);
  assert.equal(requestLoggerFromEnvironment({ GCFLOW_DEBUG: '0' }, (l) => written.push(l)), undefined);
  const logger = requestLoggerFromEnvironment({ GCFLOW_DEBUG: '1' }, (l) => written.push(l));
  assert.ok(logger);
  logger({ method: 'GET', path: '/api/v2/flows/a', status: 200, ms: 12.345, correlationId: 'abc', attempt: 1 });
  logger({ method: 'PUT', path: '/api/v2/flows/a', error: 'TimeoutError', ms: 100, attempt: 2 });
  assert.deepEqual(written, ['gcflow GET /api/v2/flows/a 200 12.3ms correlation=abc\n', 'gcflow PUT /api/v2/flows/a TimeoutError 100.0ms attempt=2\n']);
});
