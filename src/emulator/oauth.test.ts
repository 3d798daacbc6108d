// OAuth client credentials at /oauth/token, bearer tokens on /api/v2, token expiry and correlation ids.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestEmulator, type TestEmulator } from './testdata/emulator-http.js';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('emulator OAuth', () => {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({ tokenTtlSeconds: 60 });
  });
  after(() => t.close());

  const tokenRequest = (headers: Record<string, string>, body: string) =>
    fetch(`${t.emulator.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });

  it('issues a bearer token for Basic credentials, with its lifetime', async () => {
    const response = await tokenRequest({ authorization: basic(t.emulator.clientId, t.emulator.clientSecret) }, 'grant_type=client_credentials');
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.token_type, 'bearer');
    assert.equal(body.expires_in, 60);
    assert.equal(typeof body.access_token, 'string');
  });

  it('accepts the credentials as form fields, as the seed document sends them', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: t.emulator.clientId, client_secret: t.emulator.clientSecret });
    const response = await tokenRequest({}, form.toString());
    assert.equal(response.status, 200);
  });

  it('accepts a secret holding %, + and : both raw (as Genesys SDKs send it) and form-encoded (RFC 6749)', async () => {
    const odd = await startTestEmulator({ clientSecret: 'p%zz+a:b%41' });
    try {
      const raw = await fetch(`${odd.emulator.url}/oauth/token`, {
        method: 'POST',
        headers: { authorization: basic(odd.emulator.clientId, 'p%zz+a:b%41'), 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      assert.equal(raw.status, 200);
      const encoded = await fetch(`${odd.emulator.url}/oauth/token`, {
        method: 'POST',
        headers: { authorization: basic(odd.emulator.clientId, encodeURIComponent('p%zz+a:b%41')), 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      assert.equal(encoded.status, 200);
      const wrong = await fetch(`${odd.emulator.url}/oauth/token`, {
        method: 'POST',
        headers: { authorization: basic(odd.emulator.clientId, 'p%zz+a:b%42'), 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      assert.equal(wrong.status, 401);
    } finally {
      await odd.close();
    }
  });

  const refusals: Array<{ name: string; headers: () => Record<string, string>; body: string; status: number; error: string }> = [
    { name: 'a wrong secret', headers: () => ({ authorization: basic(t.emulator.clientId, 'wrong') }), body: 'grant_type=client_credentials', status: 401, error: 'invalid_client' },
    { name: 'an unknown client', headers: () => ({ authorization: basic('nobody', 'x') }), body: 'grant_type=client_credentials', status: 401, error: 'invalid_client' },
    { name: 'no credentials', headers: () => ({}), body: 'grant_type=client_credentials', status: 401, error: 'invalid_client' },
    { name: 'another grant type', headers: () => ({ authorization: basic(t.emulator.clientId, t.emulator.clientSecret) }), body: 'grant_type=password', status: 400, error: 'unsupported_grant_type' },
    { name: 'no grant type', headers: () => ({ authorization: basic(t.emulator.clientId, t.emulator.clientSecret) }), body: '', status: 400, error: 'invalid_request' },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name} with an OAuth error body`, async () => {
      const response = await tokenRequest(c.headers(), c.body);
      assert.equal(response.status, c.status);
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body.error, c.error);
      assert.equal(typeof body.description, 'string');
      assert.equal(body.error_description, body.description);
    });
  }

  it('answers 401 with a Genesys error body without a token or with an unknown one', async () => {
    for (const authorization of [undefined, 'Bearer not-a-token', 'Basic abc']) {
      const response = await fetch(`${t.emulator.url}/api/v2/tokens/me`, { headers: authorization ? { authorization } : {} });
      assert.equal(response.status, 401);
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body.code, 'authentication.required');
      assert.equal(body.status, 401);
      assert.equal(body.contextId, response.headers.get('inin-correlation-id'));
      assert.deepEqual(body.details, []);
      assert.deepEqual(body.errors, []);
    }
  });

  it('expires tokens after their lifetime', async () => {
    const e = await startTestEmulator({ tokenTtlSeconds: 5 });
    try {
      const token = await e.token();
      assert.equal((await e.api('GET', '/api/v2/tokens/me', { token })).status, 200);
      e.clock.advance(4_999);
      assert.equal((await e.api('GET', '/api/v2/tokens/me', { token })).status, 200);
      e.clock.advance(1);
      const expired = await e.api('GET', '/api/v2/tokens/me', { token });
      assert.equal(expired.status, 401);
      assert.equal(expired.body.code, 'authentication.required');
    } finally {
      await e.close();
    }
  });

  it('puts a fresh inin-correlation-id on every response, and keeps one the client sends', async () => {
    const a = await t.api('GET', '/api/v2/tokens/me');
    const b = await t.api('GET', '/api/v2/tokens/me');
    assert.match(a.headers.get('inin-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.notEqual(a.headers.get('inin-correlation-id'), b.headers.get('inin-correlation-id'));
    const token = await fetch(`${t.emulator.url}/oauth/token`, { method: 'POST' });
    assert.ok(token.headers.get('inin-correlation-id'));
    const given = await t.api('GET', '/api/v2/tokens/me', { headers: { 'inin-correlation-id': 'my-trace-123' } });
    assert.equal(given.headers.get('inin-correlation-id'), 'my-trace-123');
  });

  it('tells who the token belongs to at /api/v2/tokens/me (OAuthClient key, roleDivisions)', async () => {
    const me = await t.api<{ OAuthClient: { id: string; roleDivisions: Array<{ roleId: string }> } }>('GET', '/api/v2/tokens/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.OAuthClient.id, t.emulator.clientId);
    assert.deepEqual(me.body.OAuthClient.roleDivisions.map((rd) => rd.roleId), [t.emulator.roles.deployer]);
  });

  it('counts token requests in stats()', async () => {
    const e = await startTestEmulator();
    try {
      await e.token();
      await e.api('GET', '/api/v2/tokens/me');
      const stats = e.emulator.stats();
      assert.equal(stats.tokenRequests, 1);
      assert.equal(stats.tokensIssued, 1);
      assert.equal(stats.byRoute['GET /api/v2/tokens/me']['200'], 1);
    } finally {
      await e.close();
    }
  });
});
