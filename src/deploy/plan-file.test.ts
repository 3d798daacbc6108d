import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWebMessagingFlow } from '../flow/builder.js';
import { GcflowError } from '../flow/diagnostic.js';
import { createPlan } from './plan.js';
import { createPlanFile, readPlanFile, PlanFileErrorCode } from './plan-file.js';

const secret = { name: 'CRM_TOKEN', value: 'tok-123456789' };
const flow = { ...createWebMessagingFlow('flow-1', 1), environmentVariables: { billing_queue_id: 'q-billing', tech_queue_id: 'q-tech', crm: 'tok-123456789' } };
const deployed = { flowId: 'flow-1', version: 3, status: 'published', definition: { ...flow, name: 'Old', version: 3, status: 'published' as const } };
const plan = createPlan(flow, deployed);
const text = JSON.stringify(createPlanFile({ createdAt: '2024-01-01T00:00:00.000Z', target: 'emulator', flows: [{ file: 'a.flow.json', plan }], secrets: [secret] }));

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof GcflowError ? error.code : 'other';
  }
  return undefined;
}

test('a saved plan reads back as exactly the same plan, with no secret value in the file', () => {
  assert.ok(!text.includes(secret.value));
  const { flows } = readPlanFile(text, 'plan.json', { CRM_TOKEN: secret.value });
  assert.deepEqual(flows[0].plan, plan);
  assert.equal(flows[0].file, 'a.flow.json');
});

const refusals: Array<{ name: string; text: string; values: Record<string, string>; code: string }> = [
  { name: 'an edited desired flow', text: text.replace('"q-billing"', '"q-other"'), values: { CRM_TOKEN: secret.value }, code: PlanFileErrorCode.tampered },
  { name: 'an edited base version', text: text.replace('"version":3', '"version":4'), values: { CRM_TOKEN: secret.value }, code: PlanFileErrorCode.tampered },
  { name: 'a secret that changed since', text, values: { CRM_TOKEN: 'tok-different' }, code: PlanFileErrorCode.tampered },
  { name: 'a secret that is not given', text, values: {}, code: PlanFileErrorCode.missingSecret },
  { name: 'not JSON', text: '{', values: {}, code: PlanFileErrorCode.malformed },
  { name: 'another format', text: '{"format":"terraform"}', values: {}, code: PlanFileErrorCode.malformed },
];
for (const r of refusals) {
  test(`a plan file is refused: ${r.name}`, () => assert.equal(codeOf(() => readPlanFile(r.text, 'plan.json', r.values)), r.code));
}
