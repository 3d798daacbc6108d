// Error bodies in Genesys' shape for requests no route or parser accepts: unknown paths, bad media types, bad JSON.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestEmulator, type TestEmulator } from './testdata/emulator-http.js';

describe('emulator error bodies', () => {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator();
  });
  after(() => t.close());

  const cases: Array<{ name: string; method: string; path: string; body?: string; contentType?: string; status: number; code: string }> = [
    { name: 'an unknown /api/v2 path', method: 'GET', path: '/api/v2/no/such/thing', status: 404, code: 'not.found' },
    { name: 'an unknown path outside /api/v2', method: 'GET', path: '/elsewhere', status: 404, code: 'not.found' },
    { name: 'a body that is not JSON', method: 'PUT', path: '/api/v2/flows/x', body: '{"version":', contentType: 'application/json', status: 400, code: 'bad.request' },
    { name: 'a body of another media type', method: 'PUT', path: '/api/v2/flows/x', body: 'version: 1', contentType: 'text/yaml', status: 415, code: 'unsupported.media.type' },
    { name: 'a bad page number', method: 'GET', path: '/api/v2/flows?pageNumber=-1', status: 400, code: 'invalid.value' },
  ];
  for (const c of cases) {
    it(`answers ${c.status} ${c.code} for ${c.name}`, async () => {
      const response = await t.api(c.method, c.path, { body: c.body, headers: c.contentType ? { 'content-type': c.contentType } : {} });
      assert.equal(response.status, c.status);
      assert.equal(response.body.code, c.code);
      assert.equal(response.body.status, c.status);
      assert.equal(typeof response.body.message, 'string');
      assert.equal(response.body.contextId, response.headers.get('inin-correlation-id'));
      assert.ok(Array.isArray(response.body.details));
      assert.ok(Array.isArray(response.body.errors));
    });
  }
});
