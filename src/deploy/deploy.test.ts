// Reliability of deploys over real HTTP against the emulator: races, faults, expiring tokens, failed publications.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWebMessagingFlow } from '../flow/builder.js';
import type { FlowDefinition } from '../flow/schema.js';
import { sameContent } from './definition.js';
import { applyDeploy, checkPlanStillApplies, prepareDeploy, type DeployOutcome } from './deploy.js';
import { NoDocumentApiError } from './no-document-api.js';
import { createPlan } from './plan.js';
import { createPlanFile, readPlanFile } from './plan-file.js';
import { rollbackFlow } from './rollback.js';
import { mapBounded } from './bounded-concurrency.js';
import { startHarness, type Harness } from './testdata/harness.js';

const base = createWebMessagingFlow('flow-race', 1);
const variant = (flow: FlowDefinition, name: string): FlowDefinition => ({ ...flow, name });

/** What the server holds for a flow: its version, status, and the content of the version last published. */
function serverView(h: Harness, flowId: string) {
  const record = h.emulator.snapshot().flows[flowId];
  const published = record.versions.find((v) => v.version === record.publishedVersion);
  return { version: record.version, status: record.status, versions: record.versions.length, published: published?.document as unknown as FlowDefinition | undefined };
}

async function deployOnce(h: Harness, flow: FlowDefinition, extra = {}): Promise<DeployOutcome> {
  const { context } = h.deployer();
  const ctx = context(extra);
  return applyDeploy(ctx, await prepareDeploy(ctx, flow));
}

test('two deployers racing from the same base version: exactly one wins, the loser writes nothing and reports the conflict', async () => {
  const h = await startHarness();
  try {
    assert.equal((await deployOnce(h, base)).status, 'deployed');
    const a = h.deployer();
    const b = h.deployer();
    const ours = variant(base, 'Ours');
    const theirs = variant(base, 'Theirs');
    const [preparedA, preparedB] = await Promise.all([prepareDeploy(a.context(), ours), prepareDeploy(b.context(), theirs)]);
    assert.equal(preparedA.plan.base?.version, 1);
    assert.equal(preparedB.plan.base?.version, 1);
    const outcomes = await Promise.all([applyDeploy(a.context(), preparedA), applyDeploy(b.context(), preparedB)]);
    const winners = outcomes.filter((o) => o.status === 'deployed');
    const losers = outcomes.filter((o) => o.status === 'conflict');
    assert.equal(winners.length, 1, JSON.stringify(outcomes.map((o) => o.message)));
    assert.equal(losers.length, 1);
    const winnerFlow = winners[0] === outcomes[0] ? ours : theirs;
    const loserFlow = winners[0] === outcomes[0] ? theirs : ours;
    const view = serverView(h, base.id);
    assert.equal(view.version, 2, 'one new version only: the loser wrote nothing');
    assert.equal(view.versions, 2);
    assert.ok(view.published && sameContent(view.published, winnerFlow), "the winner's update is live, not lost");
    const conflict = losers[0].conflict;
    assert.equal(conflict?.baseVersion, 1);
    assert.equal(conflict?.theirVersion, 2);
    assert.ok(conflict?.theirs && sameContent(conflict.theirs, winnerFlow), 'the loser is shown what the winner deployed');
    assert.ok(conflict && sameContent(conflict.ours, loserFlow), 'and what it meant to push');
  } finally {
    await h.close();
  }
});

test('with --force the loser re-plans on top of the winner (their version as base), never a blind bump', async () => {
  const h = await startHarness();
  try {
    await deployOnce(h, base);
    const a = h.deployer();
    const stale = await prepareDeploy(a.context(), variant(base, 'Ours'));
    await deployOnce(h, variant(base, 'Theirs'));
    const events: string[] = [];
    const outcome = await applyDeploy(a.context({ force: true, onEvent: (e) => events.push(e.type) }), stale);
    assert.equal(outcome.status, 'deployed');
    assert.equal(outcome.toVersion, 3);
    assert.ok(events.includes('conflict'));
    assert.equal(serverView(h, base.id).versions, 3);
    assert.equal(serverView(h, base.id).published?.name, 'Ours');
  } finally {
    await h.close();
  }
});

test('deploying the same flow twice makes no second version', async () => {
  const h = await startHarness();
  try {
    assert.equal((await deployOnce(h, base)).status, 'deployed');
    const again = await deployOnce(h, { ...base, version: 7 });
    assert.equal(again.status, 'unchanged');
    assert.equal(again.ok, true);
    assert.equal(serverView(h, base.id).versions, 1);
  } finally {
    await h.close();
  }
});

const faultCases = [
  { name: '429s', faults: { unavailable: 0, tooManyRequests: 0.25, reset: 0, retryAfterSeconds: 0 } },
  { name: '503s', faults: { unavailable: 0.25, tooManyRequests: 0, reset: 0, retryAfterSeconds: 0 } },
  { name: 'latency and dropped connections', faults: { latencyMs: { min: 1, max: 15 }, unavailable: 0.1, tooManyRequests: 0.1, reset: 0.1, retryAfterSeconds: 0 } },
  // Heavy enough that some deploys outlast the client's retries and fail: those must leave the old version live.
  { name: 'heavy faults', faults: { latencyMs: { min: 1, max: 5 }, unavailable: 0.35, tooManyRequests: 0.1, reset: 0.15, retryAfterSeconds: 0 } },
];

for (const { name, faults } of faultCases) {
  test(`under injected ${name}, each deploy either succeeds or fails cleanly with the previous version intact`, async () => {
    for (const seed of [1, 2, 3]) {
      const h = await startHarness({ faults, seed, flows: [{ ...base, status: 'published' }] });
      try {
        for (let round = 0; round < 3; round++) {
          const next = variant(base, `Round ${seed}.${round}`);
          const before = serverView(h, base.id).published;
          let outcome: DeployOutcome | undefined;
          try {
            outcome = await deployOnce(h, next);
          } catch {
            outcome = undefined; // failed before writing anything
          }
          await new Promise((resolve) => setTimeout(resolve, 60)); // let any publication in flight settle
          const view = serverView(h, base.id);
          if (outcome?.ok) {
            assert.ok(view.published && sameContent(view.published, next), `seed ${seed}: the deployed content is live`);
            assert.equal(view.status, 'published');
          } else {
            assert.ok(view.published && before && sameContent(view.published, before), `seed ${seed}: ${outcome?.message ?? 'thrown'}; the previous version stays live`);
          }
        }
      } finally {
        await h.close();
      }
    }
  });
}

test('a token that expires mid-deploy is renewed and the deploy completes', async () => {
  let offsetMs = 0;
  const h = await startHarness({ clock: () => Date.now() + offsetMs, tokenTtlSeconds: 3600, publishDelayMs: 50 });
  try {
    await deployOnce(h, base);
    h.emulator.resetStats();
    const { context } = h.deployer();
    // Jump the server's clock past the token's life once the write has been sent: every later call meets a 401.
    const ctx = context({ onEvent: (e) => void (e.type === 'push' ? (offsetMs += 2 * 3600_000) : undefined) });
    const outcome = await applyDeploy(ctx, await prepareDeploy(ctx, variant(base, 'After expiry')));
    assert.equal(outcome.status, 'deployed', outcome.message);
    const stats = h.emulator.stats();
    assert.equal(stats.tokensIssued, 2, 'the deployer fetched a second token after the first expired');
    const refused = Object.values(stats.byRoute).reduce((sum, counts) => sum + (counts['401'] ?? 0), 0);
    assert.ok(refused >= 1, 'the expired token was refused at least once');
  } finally {
    await h.close();
  }
});

test('a failed publication leaves the previous published version live (rolled back and said so)', async () => {
  const h = await startHarness();
  try {
    await deployOnce(h, base);
    const broken: FlowDefinition = { ...base, name: 'Broken', nodes: { ...base.nodes, start: { type: 'start', transition: 'nowhere' } } };
    const { target, context } = h.deployer();
    const deployed = await target.fetchDeployed(base.id);
    // Skips the server validation preflight on purpose: the publication itself must fail.
    const outcome = await applyDeploy(context(), { plan: createPlan(broken, deployed) });
    assert.equal(outcome.status, 'rolled-back', outcome.message);
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /publishing version 2 failed/);
    assert.match(outcome.message, /rolled back/);
    const view = serverView(h, base.id);
    assert.equal(view.version, 3, 'the backup went back on top as a new version');
    assert.equal(view.status, 'published');
    assert.ok(view.published && sameContent(view.published, base));
  } finally {
    await h.close();
  }
});

test('a new flow whose first publication fails is removed again: the server is left as it was', async () => {
  const h = await startHarness();
  try {
    const fresh = createWebMessagingFlow('flow-new-broken', 1);
    const broken: FlowDefinition = { ...fresh, nodes: { ...fresh.nodes, start: { type: 'start', transition: 'nowhere' } } };
    const { target, context } = h.deployer();
    const events: string[] = [];
    const outcome = await applyDeploy(context({ onEvent: (e: { type: string }) => events.push(e.type) }), { plan: createPlan(broken, undefined) });
    assert.equal(outcome.status, 'rolled-back', outcome.message);
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /publishing version 1 failed: .*removed again/);
    assert.ok(events.includes('remove'));
    assert.equal(h.emulator.snapshot().flows[fresh.id], undefined, 'nothing is left on the server');
    assert.equal(await target.fetchDeployed(fresh.id), undefined);
    const fixed = await deployOnce(h, fresh);
    assert.equal(fixed.status, 'deployed', 'the fixed flow deploys as a new flow again');
    assert.equal(serverView(h, fresh.id).version, 1);
  } finally {
    await h.close();
  }
});

test('a created flow is not removed once someone has written on top of it', async () => {
  const h = await startHarness();
  try {
    const fresh = createWebMessagingFlow('flow-new-taken', 1);
    const { target } = h.deployer();
    await target.push(createPlan(fresh, undefined));
    await target.push(createPlan({ ...fresh, name: 'Theirs' }, await target.fetchDeployed(fresh.id)));
    assert.equal(await target.removeCreated(fresh.id, 1), false);
    assert.equal(serverView(h, fresh.id).version, 2, 'their version stands');
  } finally {
    await h.close();
  }
});

test('the server validation refuses a broken flow before anything is written', async () => {
  const h = await startHarness();
  try {
    await deployOnce(h, base);
    const broken: FlowDefinition = { ...base, name: 'Broken', nodes: { ...base.nodes, start: { type: 'start', transition: 'nowhere' } } };
    const outcome = await deployOnce(h, broken);
    assert.equal(outcome.status, 'invalid');
    assert.equal(serverView(h, base.id).versions, 1);
  } finally {
    await h.close();
  }
});

test('a saved plan is refused, changing nothing, when the deployed flow moved since', async () => {
  const h = await startHarness();
  try {
    await deployOnce(h, base);
    const { target } = h.deployer();
    const plan = (await prepareDeploy({ target }, variant(base, 'Planned'))).plan;
    const text = JSON.stringify(createPlanFile({ createdAt: new Date().toISOString(), target: target.description, flows: [{ plan }], secrets: [] }));
    await deployOnce(h, variant(base, 'Someone else'));
    const { flows } = readPlanFile(text, 'plan.json', {});
    const refused = await checkPlanStillApplies(target, flows[0].plan);
    assert.equal(refused?.status, 'stale-plan');
    assert.match(refused?.message ?? '', /made at version 1 and it is now at version 2/);
    assert.equal(serverView(h, base.id).published?.name, 'Someone else');
    const fresh = (await prepareDeploy({ target }, variant(base, 'Planned'))).plan;
    assert.equal(await checkPlanStillApplies(target, fresh), undefined, 'a fresh plan applies');
  } finally {
    await h.close();
  }
});

test('publication that outlasts the timeout is reported and the flow is left as it is', async () => {
  const h = await startHarness({ publishDelayMs: 5_000 });
  try {
    const outcome = await deployOnce(h, base, { timeoutMs: 150 });
    assert.equal(outcome.status, 'timeout');
    assert.equal(outcome.ok, false);
    assert.equal(serverView(h, base.id).versions, 1, 'no rollback was attempted');
  } finally {
    await h.close();
  }
});

test('a server without the document API is named plainly and nothing is changed', async () => {
  const h = await startHarness();
  try {
    const { client, target } = h.deployer();
    const shell = await client.flows.create({ name: 'Architect flow', type: 'inboundshortmessage' });
    const flowId = String(shell.id);
    await assert.rejects(target.plan({ ...base, id: flowId }), NoDocumentApiError);
    assert.equal(serverView(h, flowId).version, 0);
  } finally {
    await h.close();
  }
});

test('rollback puts the previous version back from the backup, as a new version', async () => {
  const h = await startHarness();
  try {
    await deployOnce(h, base);
    const second = await deployOnce(h, variant(base, 'Second'));
    assert.match(second.backupPath ?? '', /\.gcflow\/backups\/flow-race\/v1\.json$/);
    const { context } = h.deployer();
    const outcome = await rollbackFlow({ ...context(), envValues: {} }, base.id);
    assert.equal(outcome.status, 'rolled-back', outcome.message);
    assert.equal(outcome.source.version, 1);
    assert.equal(outcome.source.from, 'backup');
    assert.equal(outcome.toVersion, 3);
    assert.equal(serverView(h, base.id).published?.name, base.name);
    const fromServer = await rollbackFlow({ ...context(), envValues: {} }, base.id, 2);
    assert.equal(fromServer.status, 'rolled-back', fromServer.message);
    assert.equal(serverView(h, base.id).published?.name, 'Second');
  } finally {
    await h.close();
  }
});

test('several flows deploy a few at a time under one client rate limiter; each ends deployed', async () => {
  const h = await startHarness({ rateLimit: { requests: 30, windowMs: 1_000 } });
  try {
    const { context } = h.deployer({ rateLimit: { requests: 30, perMs: 1_000, burst: 2 } });
    const flows = Array.from({ length: 6 }, (_, i) => ({ ...base, id: `many-${i}`, name: `Flow ${i}` }));
    let inFlight = 0;
    let most = 0;
    const outcomes = await mapBounded(flows, 3, async (flow) => {
      most = Math.max(most, ++inFlight);
      try {
        return await deployOnce(h, flow, { target: context().target });
      } finally {
        inFlight--;
      }
    });
    assert.deepEqual(outcomes.map((o) => o.status), Array(6).fill('deployed'));
    assert.equal(most, 3, 'never more than the concurrency at once');
    assert.equal(h.emulator.stats().rateLimited, 0, 'the client kept under the server limit');
  } finally {
    await h.close();
  }
});
