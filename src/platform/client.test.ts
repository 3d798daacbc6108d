// The client against the emulator over real HTTP: every endpoint group, with the paths, queries and fields of the real API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FlowDefinition } from '../flow/schema.js';
import { GenesysAuth } from './auth.js';
import { ApiError, PermissionError, VersionConflictError } from './errors.js';
import { clientFor, emulator, type RunningEmulator } from './testdata/emulator.js';
import type { PlatformClient } from './client.js';

const SEED = JSON.parse(readFileSync(new URL('../../../shared/examples/seed-webchat.flow.json', import.meta.url), 'utf8')) as FlowDefinition;

let running: RunningEmulator;
let client: PlatformClient;

before(async () => {
  running = await emulator({ clients: [{ id: 'reader', secret: 'reader-secret-1234', roles: ['readOnly'] }] });
  client = clientFor(running);
});
after(() => running.close());

const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition never reached');
};

test("GenesysAuth keeps the seed's constructor and getToken()", async () => {
  const auth = new GenesysAuth(running.url, running.clientId, running.clientSecret);
  const token = await auth.getToken();
  assert.match(token, /^\S{16,}$/);
  assert.equal(await auth.getToken(), token, 'cached');
});

test('documents: PUT with version, GET, validate, publish asynchronously (seed names too)', async () => {
  const id = 'doc-flow-1';
  const v1 = await client.putFlowDocument(id, { ...SEED, id, version: 1, status: 'draft' });
  assert.equal(v1.version, 1);
  assert.equal(v1.status, 'draft');
  const got = await client.documents.get(id);
  assert.equal(got.id, id);
  assert.equal(got.name, SEED.name);
  assert.deepEqual(Object.keys(got.nodes).sort(), Object.keys(SEED.nodes).sort());

  const validation = await client.validateFlowDocument(id);
  assert.equal(validation.valid, true);
  const broken = { ...SEED, id, nodes: { ...SEED.nodes, start: { type: 'start', transition: 'nowhere' } } } as FlowDefinition;
  const invalid = await client.documents.validate(id, broken);
  assert.equal(invalid.valid, false);

  const v2 = await client.documents.put(id, { ...SEED, id, version: 2, status: 'published' });
  assert.equal(v2.version, 2);
  const published = await until(() => client.documents.get(id), (d) => d.status !== 'draft');
  assert.equal(published.status, 'published');
});

test('documents: simulate runs a conversation through the stored flow', async () => {
  const id = 'doc-flow-simulate';
  await client.documents.put(id, { ...SEED, id, version: 1 });
  const trace = await client.simulateFlowDocument(id, { messages: ['I have a billing question'] });
  assert.ok(Array.isArray(trace.path) && trace.path[0] === 'start', JSON.stringify(trace).slice(0, 200));
  assert.ok(trace.end && typeof trace.end === 'object', 'a trace has an end');
});

test('documents: a stale version is a VersionConflictError that names the current version', async () => {
  const id = 'doc-flow-conflict';
  await client.documents.put(id, { ...SEED, id, version: 1 });
  await client.documents.put(id, { ...SEED, id, version: 2 });
  const error = await client.documents.put(id, { ...SEED, id, version: 2 }).catch((e: unknown) => e);
  assert.ok(error instanceof VersionConflictError, String(error));
  assert.equal(error.status, 409);
  assert.equal(error.currentVersion, 2);
  assert.equal(error.method, 'PUT');
  assert.equal(error.path, `/api/v2/flows/${id}`);
  assert.ok(error.correlationId && error.correlationId === error.contextId);
  assert.equal(error.exitCode, 1);
});

test('flows: create, list with a lowercase type filter, get, checkout, checkin, publish, unlock, delete', async () => {
  const created = await client.flows.create({ name: 'Shell flow', type: 'inboundshortmessage', description: 'made by a test' });
  assert.ok(created.id);
  const flowId = created.id;
  assert.equal(created.name, 'Shell flow');

  const listing = await client.flows.list({ type: ['inboundshortmessage'], name: 'Shell*', pageSize: 10 });
  assert.ok(listing.entities.some((f) => f.id === flowId));
  assert.equal(listing.pageSize, 10);
  assert.equal(listing.pageNumber, 1);
  const none = await client.flows.list({ type: 'inboundcall', name: 'Shell*' });
  assert.equal(none.entities.length, 0);

  assert.equal((await client.flows.get(flowId)).id, flowId);

  await client.documents.put(flowId, { ...SEED, id: flowId, version: 1 });
  const checkedOut = await client.flows.checkout(flowId);
  assert.equal(checkedOut.lockedClient?.id, running.clientId);
  const checkin = await client.flows.checkin(flowId);
  assert.ok(checkin.id && typeof checkin.actionName === 'string');
  const publishing = await client.flows.publish(flowId);
  assert.equal(publishing.actionName, 'PUBLISH');
  await client.flows.checkout(flowId);
  const unlocked = await client.flows.unlock(flowId);
  assert.equal(unlocked.lockedClient, undefined);

  await client.flows.delete(flowId);
  const gone = await client.flows.get(flowId).catch((e: unknown) => e);
  assert.ok(gone instanceof ApiError && gone.status === 404 && gone.code === 'not.found', String(gone));
});

test('versions: list (newest first), get, create', async () => {
  const id = 'versions-flow';
  await client.documents.put(id, { ...SEED, id, version: 1 });
  await client.documents.put(id, { ...SEED, id, version: 2, name: 'Renamed' });
  const listing = await client.versions.list(id, { pageSize: 5 });
  assert.deepEqual(listing.entities.map((v) => v.id), ['2', '1']);
  const one = await client.versions.get(id, '1');
  assert.equal(one.id, '1');
  assert.equal(typeof one.dateCreated, 'number');
  const saved = await client.versions.create(id, { ...SEED, id, version: 3 });
  assert.equal(saved.id, '3');
});

test('Architect jobs: register, upload with exactly the signed headers, poll with expand=messages', async () => {
  const job = await client.jobs.register();
  assert.ok(job.id && job.presignedUrl.startsWith(running.url));
  assert.ok(Object.keys(job.headers).length > 0);
  await client.jobs.upload(job, 'inboundShortMessage:\n  name: From a test\n');
  const final = await client.jobs.waitFor(job.id, { intervalMs: 10, timeoutMs: 5_000 });
  assert.ok(final.status === 'Success' || final.status === 'Failure', final.status);
  if (final.status === 'Failure') assert.ok((final.messages ?? []).length > 0 && final.messages?.[0].text, 'a failed job explains itself');
  const plain = await client.jobs.get(job.id, { expandMessages: false });
  assert.equal(plain.messages, undefined);
});

test('Architect jobs: an upload without the signed headers is refused by the presigned URL', async () => {
  const job = await client.jobs.register();
  const error = await client.jobs.upload({ presignedUrl: job.presignedUrl, headers: {} }, 'x: 1').catch((e: unknown) => e);
  assert.ok(error instanceof ApiError && error.status === 403, String(error));
  assert.ok(!error.path.includes('?'));
});

test('validate jobs: register flows by id, poll to a final status with messages', async () => {
  const id = 'validate-job-flow';
  await client.documents.put(id, { ...SEED, id, version: 1 });
  const registered = await client.validateJobs.register({ flows: [{ flow: { id } }, { flow: { id: 'no-such-flow' } }] });
  assert.equal(registered.totalFlows, 2);
  const final = await client.validateJobs.waitFor(registered.id, { intervalMs: 10, timeoutMs: 5_000 });
  assert.equal(final.status, 'Failure');
  assert.ok(final.messages?.some((m) => m.type === 'Error' && /no-such-flow/.test(m.text ?? '')));
});

test('identity: tokens/me (OAuthClient), oauth/clients/{id}, roles get and list', async () => {
  const me = await client.tokens.me();
  assert.equal(me.OAuthClient?.id, running.clientId);
  const oauthClient = await client.oauthClients.get(running.clientId);
  assert.equal(oauthClient.id, running.clientId);
  assert.equal(oauthClient.secret, undefined, 'never the secret');
  assert.deepEqual(oauthClient.roleDivisions?.map((rd) => rd.roleId), [running.roles.deployer]);
  const role = await client.roles.get(running.roles.deployer);
  assert.ok(role.permissions?.includes('architect:flow:publish'));
  const roles = await client.roles.list({ permission: ['architect:flow:view'], pageSize: 50 });
  const ids = roles.entities.map((r) => r.id);
  assert.ok(ids.includes(running.roles.deployer) && ids.includes(running.roles.readOnly));
  const deployersOnly = await client.roles.list({ permission: ['architect:flow:view', 'architect:flow:publish'] });
  assert.deepEqual(deployersOnly.entities.map((r) => r.id), [running.roles.deployer]);
});

test('granted permissions: tokens/me → client → roleDivisions → roles, for a deployer and a reader', async () => {
  const granted = await client.permissions.discover();
  assert.equal(granted.clientId, running.clientId);
  assert.deepEqual(granted.roles.map((r) => r.roleId), [running.roles.deployer]);
  for (const p of ['architect:flow:edit', 'architect:flow:publish', 'architect:job:create']) assert.ok(granted.permissions.includes(p), p);

  const reader = clientFor(running, { clientId: 'reader', clientSecret: 'reader-secret-1234' });
  const read = await reader.permissions.discover();
  assert.equal(read.clientId, 'reader');
  assert.ok(read.permissions.includes('architect:flow:view'));
  assert.ok(!read.permissions.includes('architect:flow:edit'));
});

test('403: a read-only client cannot write; PermissionError names the missing permission', async () => {
  const reader = clientFor(running, { clientId: 'reader', clientSecret: 'reader-secret-1234' });
  const error = await reader.documents.put('reader-flow', { ...SEED, id: 'reader-flow', version: 1 }).catch((e: unknown) => e);
  assert.ok(error instanceof PermissionError, String(error));
  assert.equal(error.status, 403);
  assert.deepEqual(error.missingPermissions, ['architect:flow:edit']);
  assert.match(error.code, /^missing\.(any|all)\.permissions$/);
});

test('web deployments: list (cursor listing), get, update binding a flow', async () => {
  const listing = await client.webDeployments.list({ pageSize: '10' });
  assert.ok(listing.entities.length >= 1);
  const deployment = await client.webDeployments.get(listing.entities[0].id as string);
  const flowId = 'bound-flow';
  await client.documents.put(flowId, { ...SEED, id: flowId, version: 1 });
  const updated = await client.webDeployments.update(deployment.id as string, { ...deployment, flow: { id: flowId } });
  assert.equal(updated.flow?.id, flowId);
  assert.equal((await client.webDeployments.get(deployment.id as string)).flow?.id, flowId);
});

test('the raw pipeline: ids are percent-encoded into one path segment', async () => {
  const error = await client.flows.get('a/b?c').catch((e: unknown) => e);
  assert.ok(error instanceof ApiError && error.status === 404, String(error));
  assert.equal(error.path, '/api/v2/flows/a%2Fb%3Fc');
});
