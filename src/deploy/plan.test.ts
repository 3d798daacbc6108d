import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWebMessagingFlow } from '../flow/builder.js';
import type { FlowDefinition } from '../flow/schema.js';
import { createPlan, planStillApplies, replanOnTop } from './plan.js';
import type { DeployedFlow } from './target.js';

const flow = createWebMessagingFlow('flow-1', 1);
const deployed = (version: number, definition: FlowDefinition, status = 'published'): DeployedFlow => ({
  flowId: definition.id,
  version,
  status,
  definition: { ...definition, version, status: status === 'failed' ? 'draft' : (status as FlowDefinition['status']) },
});
const renamed: FlowDefinition = { ...flow, name: 'Renamed' };

const cases: Array<{ name: string; deployed: DeployedFlow | undefined; action: string; version: number }> = [
  { name: 'a new flow is created as version 1', deployed: undefined, action: 'create', version: 1 },
  { name: 'changed content is an update on top of the deployed version', deployed: deployed(4, renamed), action: 'update', version: 5 },
  { name: 'the same content already published is nothing to do', deployed: deployed(4, flow), action: 'none', version: 5 },
  { name: 'the same content whose publication failed is published again', deployed: deployed(4, flow, 'failed'), action: 'publish', version: 5 },
  { name: 'the same content with a server-added type is still the same', deployed: deployed(2, { ...flow, type: 'INBOUNDSHORTMESSAGE' }), action: 'none', version: 3 },
];

for (const c of cases) {
  test(`plan: ${c.name}`, () => {
    const plan = createPlan(flow, c.deployed);
    assert.equal(plan.action, c.action);
    assert.equal(plan.desired.version, c.version);
    assert.equal(plan.desired.status, 'published');
    assert.equal(plan.base?.version, c.deployed?.version);
  });
}

test('a plan still applies only while the deployed version and content are the ones it was made against', () => {
  const plan = createPlan(flow, deployed(4, renamed));
  assert.equal(planStillApplies(plan, deployed(4, renamed)), true);
  assert.equal(planStillApplies(plan, deployed(5, renamed)), false, 'someone pushed a new version');
  assert.equal(planStillApplies(plan, deployed(4, flow)), false, 'same version, different content');
  assert.equal(planStillApplies(plan, undefined), false, 'the flow was deleted');
  assert.equal(planStillApplies(createPlan(flow, undefined), undefined), true);
  assert.equal(planStillApplies(createPlan(flow, undefined), deployed(1, flow)), false, 'someone created it meanwhile');
});

test('the plan hash changes with the base version and with the desired flow, never with the file version', () => {
  const a = createPlan(flow, deployed(4, renamed));
  assert.equal(createPlan({ ...flow, version: 99 }, deployed(4, renamed)).hash, a.hash);
  assert.notEqual(createPlan(flow, deployed(5, renamed)).hash, a.hash);
  assert.notEqual(createPlan({ ...flow, name: 'Other' }, deployed(4, renamed)).hash, a.hash);
});

test('re-planning on top of their version takes their version as the base, never a blind bump', () => {
  const plan = createPlan(flow, deployed(4, renamed));
  const theirs = deployed(6, { ...renamed, description: 'theirs' });
  const again = replanOnTop(plan, theirs);
  assert.equal(again.base?.version, 6);
  assert.equal(again.desired.version, 7);
  assert.deepEqual(again.desired.nodes, flow.nodes);
});
