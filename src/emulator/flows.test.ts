// Architect flows: listing with filters and paging, shells, deletion, checkout locks, check-in, publish, revert, unlock.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { OTHER_CLIENT, seedFlow, startTestEmulator, type TestEmulator } from './testdata/emulator-http.js';

type Listing = { entities: Array<Record<string, unknown> & { id: string; name: string; type: string }>; total: number; pageNumber: number; pageCount: number; nextUri?: string };

const FLOW_ID = '6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23';
const flowPath = `/api/v2/flows/${FLOW_ID}`;

describe('emulator Architect flows', () => {
  let t: TestEmulator;
  let other: string;
  beforeEach(async () => {
    t = await startTestEmulator({ publishDelayMs: 100 });
    other = await t.token(OTHER_CLIENT.id, OTHER_CLIENT.secret);
  });
  afterEach(() => t.close());

  const createShell = (name: string, type: string) => t.api<{ id: string; type: string; name: string }>('POST', '/api/v2/flows', { body: { name, type } });

  it('creates shells and lists them with type (lowercase, comma-joined or repeated), name filters and paging', async () => {
    assert.equal((await createShell('Alpha chat', 'inboundshortmessage')).status, 200);
    await createShell('Beta call', 'INBOUNDCALL');
    await createShell('Gamma chat', 'inboundshortmessage');
    await createShell('Delta bot', 'bot');
    const all = await t.api<Listing>('GET', '/api/v2/flows');
    assert.equal(all.body.total, 4);
    const chats = await t.api<Listing>('GET', '/api/v2/flows?type=inboundshortmessage&sortBy=name');
    assert.deepEqual(chats.body.entities.map((f) => f.name), ['Alpha chat', 'Gamma chat']);
    assert.equal(chats.body.entities[0].type, 'INBOUNDSHORTMESSAGE');
    for (const query of ['type=inboundcall,bot', 'type=inboundcall&type=bot']) {
      const two = await t.api<Listing>('GET', `/api/v2/flows?${query}`);
      assert.deepEqual(two.body.entities.map((f) => f.name).sort(), ['Beta call', 'Delta bot'], query);
    }
    const named = await t.api<Listing>('GET', '/api/v2/flows?name=gamma*');
    assert.deepEqual(named.body.entities.map((f) => f.name), ['Gamma chat']);
    const page = await t.api<Listing>('GET', '/api/v2/flows?pageSize=3&pageNumber=2&sortBy=name&sortOrder=desc');
    assert.equal(page.body.pageCount, 2);
    assert.deepEqual(page.body.entities.map((f) => f.name), ['Alpha chat']);
    const first = await t.api<Listing>('GET', '/api/v2/flows?pageSize=3');
    assert.match(first.body.nextUri ?? '', /pageNumber=2/);
  });

  it('refuses bad shells and bad list parameters with 400, and a duplicate name of the same type with 409', async () => {
    assert.equal((await t.api('POST', '/api/v2/flows', { body: { type: 'bot' } })).status, 400);
    assert.equal((await t.api('POST', '/api/v2/flows', { body: { name: 'x', type: 'teleport' } })).status, 400);
    assert.equal((await createShell('Same', 'bot')).status, 200);
    assert.equal((await createShell('same', 'bot')).status, 409);
    assert.equal((await createShell('Same', 'workflow')).status, 200);
    assert.equal((await t.api('GET', '/api/v2/flows?pageSize=0')).status, 400);
    assert.equal((await t.api('GET', '/api/v2/flows?sortBy=colour')).status, 400);
  });

  it('a shell reads as version 0; the first document PUT is version 1', async () => {
    const shell = await createShell('Shell', 'inboundshortmessage');
    const path = `/api/v2/flows/${shell.body.id}`;
    const got = await t.api('GET', path);
    assert.equal(got.body.version, 0);
    assert.equal(got.body.name, 'Shell');
    const put = await t.api('PUT', path, { body: { ...seedFlow(), id: shell.body.id, version: 1 } });
    assert.equal(put.status, 200);
    assert.equal(put.body.version, 1);
  });

  it('deletes a flow (204, then 404)', async () => {
    await t.api('PUT', flowPath, { body: seedFlow() });
    assert.equal((await t.api('DELETE', flowPath)).status, 204);
    assert.equal((await t.api('GET', flowPath)).status, 404);
    assert.equal((await t.api('DELETE', flowPath)).status, 404);
  });

  it('checkout locks the flow to the caller: changes by another client fail with 409 "locked by another entity"', async () => {
    await t.api('PUT', flowPath, { body: seedFlow() });
    const checkout = await t.api<{ lockedClient: { id: string } }>('POST', `/api/v2/flows/actions/checkout?flow=${FLOW_ID}`);
    assert.equal(checkout.status, 200);
    assert.equal(checkout.body.lockedClient.id, t.emulator.clientId);
    const attempts: Array<[string, string, unknown?]> = [
      ['PUT', flowPath, { ...seedFlow(), version: 2 }],
      ['POST', `/api/v2/flows/actions/checkout?flow=${FLOW_ID}`],
      ['POST', `/api/v2/flows/actions/checkin?flow=${FLOW_ID}`],
      ['POST', `/api/v2/flows/actions/publish?flow=${FLOW_ID}`],
      ['POST', `/api/v2/flows/actions/revert?flow=${FLOW_ID}`],
      ['POST', `${flowPath}/versions`, seedFlow()],
      ['DELETE', flowPath],
    ];
    for (const [method, path, body] of attempts) {
      const response = await t.api(method, path, { token: other, body });
      assert.equal(response.status, 409, `${method} ${path}`);
      assert.equal(response.body.code, 'flow.locked');
      assert.match(String(response.body.message), /locked by another entity/);
    }
    // The lock holder itself may still edit.
    assert.equal((await t.api('PUT', flowPath, { body: { ...seedFlow(), version: 2 } })).status, 200);
  });

  it('checkin answers an Operation, records the checked-in version and releases the lock', async () => {
    await t.api('PUT', flowPath, { body: seedFlow() });
    await t.api('POST', `/api/v2/flows/actions/checkout?flow=${FLOW_ID}`);
    const checkin = await t.api('POST', `/api/v2/flows/actions/checkin?flow=${FLOW_ID}`);
    assert.equal(checkin.status, 200);
    assert.equal(checkin.body.actionName, 'CHECKIN');
    assert.equal(checkin.body.complete, true);
    const got = await t.api<Record<string, unknown> & { checkedInVersion: { id: string; type: string } }>('GET', flowPath);
    assert.equal(got.body.lockedClient, undefined);
    assert.equal(got.body.checkedInVersion.id, '1');
    assert.equal(got.body.checkedInVersion.type, 'CHECKIN');
    assert.equal((await t.api('PUT', flowPath, { token: other, body: { ...seedFlow(), version: 2 } })).status, 200);
  });

  it('publish answers an unfinished Operation, then the flow shows the published version', async () => {
    await t.api('PUT', flowPath, { body: seedFlow() });
    const publish = await t.api('POST', `/api/v2/flows/actions/publish?flow=${FLOW_ID}`);
    assert.equal(publish.status, 200);
    assert.equal(publish.body.actionName, 'PUBLISH');
    assert.equal(publish.body.complete, false);
    t.clock.advance(100);
    const got = await t.api<Record<string, unknown> & { publishedVersion: { id: string }; currentOperation: { actionStatus: string; complete: boolean } }>('GET', flowPath);
    assert.equal(got.body.publishedVersion.id, '1');
    assert.equal(got.body.currentOperation.actionStatus, 'SUCCESS');
    assert.equal(got.body.status, 'published');
    const listed = await t.api<Listing>('GET', '/api/v2/flows');
    assert.equal(listed.body.entities[0].active, true);
  });

  it('publish of a named version that does not exist is 404; actions without ?flow= are 400; unknown flows 404', async () => {
    await t.api('PUT', flowPath, { body: seedFlow() });
    assert.equal((await t.api('POST', `/api/v2/flows/actions/publish?flow=${FLOW_ID}&version=7`)).status, 404);
    const missing = await t.api('POST', '/api/v2/flows/actions/checkout');
    assert.equal(missing.status, 400);
    assert.equal(missing.body.code, 'missing.request.parameter');
    assert.equal((await t.api('POST', '/api/v2/flows/actions/checkout?flow=nope')).status, 404);
  });

  it('unlock forces a lock held by another client open', async () => {
    await t.api('PUT', flowPath, { body: seedFlow() });
    await t.api('POST', `/api/v2/flows/actions/checkout?flow=${FLOW_ID}`, { token: other });
    assert.equal((await t.api('PUT', flowPath, { body: { ...seedFlow(), version: 2 } })).status, 409);
    const unlocked = await t.api('POST', `/api/v2/flows/actions/unlock?flow=${FLOW_ID}`);
    assert.equal(unlocked.status, 200);
    assert.equal(unlocked.body.lockedClient, undefined);
    assert.equal((await t.api('PUT', flowPath, { body: { ...seedFlow(), version: 2 } })).status, 200);
  });

  it('revert saves the checked-in configuration as the next version (the counter never goes back)', async () => {
    await t.api('PUT', flowPath, { body: { ...seedFlow(), name: 'good' } });
    await t.api('POST', `/api/v2/flows/actions/checkin?flow=${FLOW_ID}`);
    await t.api('PUT', flowPath, { body: { ...seedFlow(), version: 2, name: 'unwanted' } });
    const reverted = await t.api('POST', `/api/v2/flows/actions/revert?flow=${FLOW_ID}`);
    assert.equal(reverted.status, 200);
    const got = await t.api('GET', flowPath);
    assert.equal(got.body.version, 3);
    assert.equal(got.body.name, 'good');
  });

  it('POST .../versions saves a configuration as the next version without a version check', async () => {
    await t.api('PUT', flowPath, { body: seedFlow() });
    const saved = await t.api<{ id: string; configuration: { version: number } }>('POST', `${flowPath}/versions`, { body: { ...seedFlow(), version: 99 } });
    assert.equal(saved.status, 200);
    assert.equal(saved.body.id, '2');
    assert.equal(saved.body.configuration.version, 2);
    assert.equal((await t.api('POST', '/api/v2/flows/none/versions', { body: seedFlow() })).status, 404);
  });
});
