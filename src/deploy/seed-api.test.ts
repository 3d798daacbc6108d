// The seed's function names against the emulator over real HTTP: safe locking, adaptive monitoring, scope mapping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWebMessagingFlow } from '../flow/builder.js';
import { VersionConflictError } from '../platform/errors.js';
import { monitorDeployment, pushFlowUpdate, validateFlow, verifyRoleScopes } from './seed-api.js';
import { startHarness } from './testdata/harness.js';

const flow = createWebMessagingFlow('seed-flow', 1);

test('pushFlowUpdate writes exactly expected+1 and rejects a stale write with VersionConflictError, never bumping', async () => {
  const h = await startHarness();
  try {
    const { client } = h.deployer();
    const first = await pushFlowUpdate(client, flow);
    assert.deepEqual([first.previousVersion, first.version], [0, 1]);
    await pushFlowUpdate(client, { ...flow, name: 'Theirs' }, { expectedVersion: 1 });
    const stale = pushFlowUpdate(client, { ...flow, name: 'Ours' }, { expectedVersion: 1 });
    await assert.rejects(stale, (error: unknown) => error instanceof VersionConflictError && error.currentVersion === 2);
    const record = h.emulator.snapshot().flows['seed-flow'];
    assert.equal(record.version, 2, 'the stale write was not retried on top');
    assert.equal(record.document?.name, 'Theirs');
  } finally {
    await h.close();
  }
});

test('monitorDeployment waits for publication with a handful of checks and reports the outcome', async () => {
  const h = await startHarness({ publishDelayMs: 150 });
  try {
    const { client } = h.deployer();
    const pushed = await pushFlowUpdate(client, flow);
    const seen: string[] = [];
    const result = await monitorDeployment(client, flow.id, { version: pushed.version, onProgress: (p) => seen.push(p.status) });
    assert.equal(result.outcome, 'published');
    assert.equal(result.version, 1);
    assert.ok(result.checks >= 2 && result.checks <= 5, `${result.checks} checks`);
    assert.equal(seen.at(-1), 'published');
    assert.equal(seen[0], 'draft', 'the first check comes before the publication is done');
    const broken = { ...flow, nodes: { ...flow.nodes, start: { type: 'start' as const, transition: 'nowhere' } } };
    const failed = await pushFlowUpdate(client, broken, { expectedVersion: 1 });
    const outcome = await monitorDeployment(client, flow.id, { version: failed.version });
    assert.equal(outcome.outcome, 'failed');
    assert.match(outcome.reason ?? '', /nowhere/);
  } finally {
    await h.close();
  }
});

test('verifyRoleScopes maps the seed scopes onto the permissions of the client or of one role', async () => {
  const h = await startHarness();
  try {
    const { client } = h.deployer();
    const deployer = await verifyRoleScopes(client);
    assert.equal(deployer.ok, true);
    assert.equal(deployer.source.kind, 'client');
    const readOnly = await verifyRoleScopes(client, undefined, { roleId: h.emulator.roles.readOnly });
    assert.equal(readOnly.ok, false);
    assert.deepEqual(readOnly.scopes.filter((s) => !s.granted).map((s) => s.scope), ['flow:edit']);
    assert.deepEqual(readOnly.scopes.find((s) => s.scope === 'flow:edit')?.missing, ['architect:flow:edit', 'architect:flow:publish']);
  } finally {
    await h.close();
  }
});

test('validateFlow checks locally, then asks the server when given a client', async () => {
  const h = await startHarness();
  try {
    const { client } = h.deployer();
    const local = await validateFlow(flow);
    assert.equal(local.valid, true);
    assert.equal(local.server, undefined);
    assert.ok(local.local.findings.some((f) => f.severity === 'warning'), 'the seed flow has its warning (nothing sets intent)');
    const both = await validateFlow(flow, { client });
    assert.equal(both.server?.valid, true);
    const broken = await validateFlow({ ...flow, nodes: { ...flow.nodes, start: { type: 'start', transition: 'nowhere' } } }, { client });
    assert.equal(broken.valid, false);
    assert.equal(broken.server, undefined, 'the server is not asked when the local checks already fail');
  } finally {
    await h.close();
  }
});
