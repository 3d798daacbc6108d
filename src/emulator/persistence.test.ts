// The state file: survives a restart, is written atomically, holds no secrets; preloading flows from files.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startEmulator } from './index.js';
import { SEED_FLOW_PATH, seedFlow, startTestEmulator } from './testdata/emulator-http.js';

const FLOW_ID = '6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23';

describe('emulator persistence', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gcflow-emulator-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('keeps flows, versions, locks and web deployments across a restart; tokens and secrets stay out of the file', async () => {
    const statePath = join(dir, 'restart', 'state.json');
    const first = await startTestEmulator({ statePath, publishDelayMs: 0 });
    await first.api('PUT', `/api/v2/flows/${FLOW_ID}`, { body: { ...seedFlow(), status: 'published' } });
    await first.api('PUT', `/api/v2/flows/${FLOW_ID}`, { body: { ...seedFlow(), version: 2 } });
    await first.api('POST', `/api/v2/flows/actions/checkout?flow=${FLOW_ID}`);
    const deployments = await first.api<{ entities: Array<{ id: string; name: string; configuration: { id: string; version: string } }> }>('GET', '/api/v2/webdeployments/deployments');
    const deployment = deployments.body.entities[0];
    await first.api('PUT', `/api/v2/webdeployments/deployments/${deployment.id}`, { body: { ...deployment, flow: { id: FLOW_ID } } });
    const oldToken = await first.token();
    const secret = first.emulator.clientSecret;
    await first.close();

    const text = await readFile(statePath, 'utf8');
    assert.ok(!text.includes(secret), 'no client secret in the state file');
    assert.ok(!text.includes(oldToken), 'no token in the state file');
    assert.deepEqual((await readdir(join(dir, 'restart'))).filter((f) => f.endsWith('.tmp')), [], 'no temp files left');

    const second = await startTestEmulator({ statePath, clientId: first.emulator.clientId, clientSecret: secret });
    try {
      assert.equal((await second.api('GET', '/api/v2/tokens/me', { token: oldToken })).status, 401, 'tokens do not survive a restart');
      const flow = await second.api<Record<string, unknown> & { publishedVersion: { id: string }; lockedClient: { id: string } }>('GET', `/api/v2/flows/${FLOW_ID}`);
      assert.equal(flow.body.version, 2);
      assert.equal(flow.body.publishedVersion.id, '1');
      assert.equal(flow.body.lockedClient.id, first.emulator.clientId);
      const versions = await second.api<{ total: number }>('GET', `/api/v2/flows/${FLOW_ID}/versions`);
      assert.equal(versions.body.total, 2);
      const bound = await second.api<{ flow: { id: string } }>('GET', `/api/v2/webdeployments/deployments/${deployment.id}`);
      assert.equal(bound.body.flow.id, FLOW_ID);
      assert.equal((await second.api('PUT', `/api/v2/flows/${FLOW_ID}`, { body: { ...seedFlow(), version: 2 } })).status, 409);
    } finally {
      await second.close();
    }
  });

  it('finishes a publication that was still pending when it stopped', async () => {
    const statePath = join(dir, 'pending.json');
    const first = await startTestEmulator({ statePath, publishDelayMs: 1_000 });
    await first.api('PUT', `/api/v2/flows/${FLOW_ID}`, { body: { ...seedFlow(), status: 'published' } });
    await first.close();
    const second = await startTestEmulator({ statePath });
    try {
      second.clock.advance(1_000);
      assert.equal((await second.api('GET', `/api/v2/flows/${FLOW_ID}`)).body.status, 'published');
    } finally {
      await second.close();
    }
  });

  it('refuses a state file that is not one, with a clear error', async () => {
    const statePath = join(dir, 'bad.json');
    await writeFile(statePath, '{"hello": 1}');
    await assert.rejects(startEmulator({ statePath }), /not a gcflow emulator state file/);
    await writeFile(statePath, '{not json');
    await assert.rejects(startEmulator({ statePath }), /not valid JSON/);
  });

  it('preloads flow files and objects; a published one is published at once', async () => {
    const yamlPath = join(dir, 'other.flow.json');
    await writeFile(yamlPath, JSON.stringify({ ...seedFlow(), id: 'from-file', name: 'From file', version: 3, status: 'published' }));
    const t = await startTestEmulator({ flows: [fileURLToPath(SEED_FLOW_PATH), yamlPath, { ...seedFlow(), id: 'inline', name: 'Inline' }] });
    try {
      const seed = await t.api('GET', `/api/v2/flows/${FLOW_ID}`);
      assert.equal(seed.body.version, 1);
      assert.equal(seed.body.status, 'draft');
      const fromFile = await t.api('GET', '/api/v2/flows/from-file');
      assert.equal(fromFile.body.version, 3);
      assert.equal(fromFile.body.status, 'published');
      assert.equal((await t.api('PUT', '/api/v2/flows/from-file', { body: { ...seedFlow(), id: 'from-file', version: 4 } })).status, 200);
      assert.equal((await t.api('GET', '/api/v2/flows/inline')).body.name, 'Inline');
    } finally {
      await t.close();
    }
    await assert.rejects(startEmulator({ flows: [join(dir, 'missing.flow.json')] }), /no such file/);
  });
});

describe('emulator web deployments', () => {
  it('lists the default deployment, binds a flow with PUT and refuses unknown flows and bad bodies', async () => {
    const t = await startTestEmulator();
    try {
      const list = await t.api<{ entities: Array<Record<string, unknown> & { id: string; configuration: { id: string } }>; total: number }>('GET', '/api/v2/webdeployments/deployments');
      assert.equal(list.status, 200);
      assert.equal(list.body.total, 1);
      const deployment = list.body.entities[0];
      assert.equal(deployment.flow, undefined);
      const path = `/api/v2/webdeployments/deployments/${deployment.id}`;
      assert.equal((await t.api('PUT', path, { body: { ...deployment, flow: { id: FLOW_ID } } })).status, 400, 'the flow does not exist yet');
      await t.api('PUT', `/api/v2/flows/${FLOW_ID}`, { body: seedFlow() });
      const bound = await t.api<{ flow: { id: string; name: string } }>('PUT', path, { body: { ...deployment, flow: { id: FLOW_ID } } });
      assert.equal(bound.status, 200);
      assert.deepEqual([bound.body.flow.id, bound.body.flow.name], [FLOW_ID, 'WebChat Support Flow']);
      assert.equal((await t.api<{ flow: { id: string } }>('GET', path)).body.flow.id, FLOW_ID);
      assert.equal((await t.api('DELETE', `/api/v2/flows/${FLOW_ID}`)).status, 409, 'a bound flow cannot be deleted');
      assert.equal((await t.api('PUT', path, { body: { name: 'no configuration' } })).status, 400);
      assert.equal((await t.api('PUT', path, { body: { ...deployment, allowAllDomains: true, allowedDomains: ['example.com'] } })).status, 400);
      assert.equal((await t.api('GET', '/api/v2/webdeployments/deployments/nope')).status, 404);
    } finally {
      await t.close();
    }
  });
});
