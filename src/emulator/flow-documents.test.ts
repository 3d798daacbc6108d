// The seed's document API: GET/PUT with version, 409 on a stale version, asynchronous publication, validate, versions.
import assert from 'node:assert/strict';
import { after, beforeEach, afterEach, describe, it } from 'node:test';
import { seedFlow, startTestEmulator, type TestEmulator } from './testdata/emulator-http.js';

const FLOW_ID = '6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23';
const path = `/api/v2/flows/${FLOW_ID}`;

describe('emulator flow document API', () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await startTestEmulator({ publishDelayMs: 300 });
  });
  afterEach(() => t.close());
  after(() => undefined);

  it('answers 404 with a Genesys body for a flow that does not exist', async () => {
    const response = await t.api('GET', path);
    assert.equal(response.status, 404);
    assert.equal(response.body.code, 'not.found');
    assert.equal(response.body.contextId, response.headers.get('inin-correlation-id'));
  });

  it('creates a flow with version 1 and reads back the same document', async () => {
    const flow = seedFlow();
    const put = await t.api('PUT', path, { body: flow });
    assert.equal(put.status, 200);
    const got = await t.api('GET', path);
    assert.equal(got.status, 200);
    assert.equal(got.body.version, 1);
    assert.equal(got.body.status, 'draft');
    assert.deepEqual(got.body.nodes, flow.nodes);
    assert.deepEqual(got.body.environmentVariables, flow.environmentVariables);
  });

  const conflicts = [
    { name: 'a new flow with version 2', first: undefined, given: 2, current: 0 },
    { name: 'the same version again', first: 1, given: 1, current: 1 },
    { name: 'a version that skips one', first: 1, given: 3, current: 1 },
    { name: 'an older version', first: 1, given: 0, current: 1 },
  ];
  for (const c of conflicts) {
    it(`answers 409 naming the current version for ${c.name}`, async () => {
      if (c.first !== undefined) assert.equal((await t.api('PUT', path, { body: { ...seedFlow(), version: c.first } })).status, 200);
      const response = await t.api<Record<string, unknown> & { messageParams: Record<string, string> }>('PUT', path, { body: { ...seedFlow(), version: c.given } });
      assert.equal(response.status, 409);
      assert.equal(response.body.status, 409);
      assert.equal(response.body.messageParams.currentVersion, String(c.current));
      assert.equal(response.body.message, `Flow version conflict: expected version ${c.current + 1}, got ${c.given}; current version is ${c.current}`);
    });
  }

  it('refuses a body without an integer version, a mismatched id or an unknown status (400)', async () => {
    for (const body of [{ ...seedFlow(), version: '1' }, { ...seedFlow(), id: 'other' }, { ...seedFlow(), status: 'live' }, [1, 2], 'text']) {
      const response = await t.api('PUT', path, { body: typeof body === 'string' ? JSON.stringify(body) : body });
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(response.body.status, 400);
    }
    const notJson = await t.api('PUT', path, { body: '{"version":', headers: { 'content-type': 'application/json' } });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.code, 'bad.request');
  });

  it('publishes asynchronously: draft until the delay has passed, then published', async () => {
    const put = await t.api('PUT', path, { body: { ...seedFlow(), status: 'published' } });
    assert.equal(put.body.status, 'draft');
    t.clock.advance(299);
    assert.equal((await t.api('GET', path)).body.status, 'draft');
    t.clock.advance(1);
    const published = await t.api<Record<string, unknown> & { publishedVersion: { id: string } }>('GET', path);
    assert.equal(published.body.status, 'published');
    assert.equal(published.body.datePublished, new Date(t.clock.time).toISOString());
    assert.equal(published.body.publishedVersion.id, '1');
    assert.equal(published.body.version, 1);
  });

  it('fails a publication with statusReason when the flow has validation errors', async () => {
    const broken = seedFlow();
    (broken.nodes as Record<string, Record<string, unknown>>).start.transition = 'nowhere';
    await t.api('PUT', path, { body: { ...broken, status: 'published' } });
    t.clock.advance(300);
    const got = await t.api('GET', path);
    assert.equal(got.body.status, 'failed');
    assert.match(String(got.body.statusReason), /Validation failed with \d+ error/);
    assert.match(String(got.body.statusReason), /nowhere/);
    assert.equal(got.body.publishedVersion, undefined);
  });

  it('keeps status scheduled as given', async () => {
    await t.api('PUT', path, { body: { ...seedFlow(), status: 'scheduled' } });
    t.clock.advance(1000);
    assert.equal((await t.api('GET', path)).body.status, 'scheduled');
  });

  it('a newer PUT supersedes a publication still in progress', async () => {
    await t.api('PUT', path, { body: { ...seedFlow(), status: 'published' } });
    await t.api('PUT', path, { body: { ...seedFlow(), version: 2, status: 'draft' } });
    t.clock.advance(1000);
    const got = await t.api('GET', path);
    assert.equal(got.body.status, 'draft');
    assert.equal(got.body.publishedVersion, undefined);
  });

  it('keeps every version for rollback: listing (newest first), one version with its configuration', async () => {
    await t.api('PUT', path, { body: { ...seedFlow(), name: 'first' } });
    await t.api('PUT', path, { body: { ...seedFlow(), version: 2, name: 'second' } });
    const list = await t.api<{ entities: Array<{ id: string; type: string }>; total: number }>('GET', `${path}/versions`);
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 2);
    assert.deepEqual(list.body.entities.map((v) => v.id), ['2', '1']);
    const one = await t.api<{ id: string; configuration: Record<string, unknown>; dateCreated: number }>('GET', `${path}/versions/1`);
    assert.equal(one.body.configuration.name, 'first');
    assert.equal(typeof one.body.dateCreated, 'number');
    const config = await t.api('GET', `${path}/versions/1/configuration`);
    assert.equal(config.body.name, 'first');
    assert.equal((await t.api('GET', `${path}/versions/9`)).status, 404);
  });

  it('validates the stored flow, or one sent in the body, with the project validator', async () => {
    await t.api('PUT', path, { body: seedFlow() });
    const stored = await t.api<{ valid: boolean; warningCount: number; findings: Array<{ code: string }> }>('POST', `${path}/validate`, { body: {} });
    assert.equal(stored.status, 200);
    assert.equal(stored.body.valid, true);
    assert.ok(stored.body.warningCount >= 1, 'the seed flow has a warning: nothing sets intent');
    const broken = seedFlow();
    delete broken.nodes;
    const sent = await t.api<{ valid: boolean; errorCount: number }>('POST', `/api/v2/flows/someother/validate`, { body: { flow: broken } });
    assert.equal(sent.body.valid, false);
    assert.ok(sent.body.errorCount > 0);
    assert.equal((await t.api('POST', `/api/v2/flows/missing/validate`, { body: {} })).status, 404);
  });

  it('simulates the stored flow with the project simulator; bad options and broken flows get 400', async () => {
    await t.api('PUT', path, { body: seedFlow() });
    const trace = await t.api<{ path: string[]; end: { reason: string; node: string }; routedTo: unknown }>('POST', `${path}/simulate`, {
      body: { transcript: [{ from: 'customer', text: 'I need help with my bill' }], initialData: {} },
    });
    assert.equal(trace.status, 200);
    assert.equal(trace.body.path[0], 'start');
    assert.equal(trace.body.end.node, 'default_end');
    assert.equal(trace.body.routedTo, null);
    const routed = await t.api<{ routedTo: unknown }>('POST', `${path}/simulate`, { body: { messages: ['bill'], data: { intent: 'billing' }, env: { BILLING_QUEUE_ID: 'q-1', TECH_QUEUE_ID: 'q-2' } } });
    assert.equal(routed.status, 200);
    assert.equal(routed.body.routedTo, 'q-1');
    const bad = await t.api('POST', `${path}/simulate`, { body: { messages: 'not a list' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'invalid.value');
    const broken = seedFlow();
    delete broken.nodes;
    assert.equal((await t.api('POST', `${path}/simulate`, { body: { flow: broken } })).status, 400);
  });
});
