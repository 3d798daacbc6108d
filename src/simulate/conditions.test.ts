// Each condition operator as a table (testdata/operators.json), run through a real transition node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONDITION_OPERATORS, type Condition, type FlowDefinition } from '../flow/schema.js';
import { CONDITION_EVALUATORS, describeCondition } from './conditions.js';
import { simulate } from './simulate.js';

interface OperatorCase {
  condition: Condition['condition'];
  value?: string | number | boolean;
  actual?: string | number | boolean;
  ignoreCase?: boolean;
  result?: boolean;
  why?: string;
  error?: string;
}

const table = JSON.parse(readFileSync(new URL('./testdata/operators.json', import.meta.url), 'utf8')) as { cases: OperatorCase[] };

function branchFlow(c: OperatorCase): FlowDefinition {
  const condition: Condition = { variable: 'x', condition: c.condition, transition: 'yes' };
  if (c.value !== undefined) condition.value = c.value;
  if (c.ignoreCase) condition.ignoreCase = true;
  return {
    id: 'operator-test',
    version: 1,
    name: 'operator test',
    status: 'draft',
    nodes: { start: { type: 'start', transition: 'check' }, check: { type: 'transition', conditions: [condition], transition: 'no' }, yes: { type: 'end' }, no: { type: 'end' } },
  };
}

test('the table covers every operator', () => {
  assert.deepEqual([...new Set(table.cases.map((c) => c.condition))].sort(), [...CONDITION_OPERATORS].sort());
  assert.deepEqual(Object.keys(CONDITION_EVALUATORS).sort(), [...CONDITION_OPERATORS].sort());
});

for (const c of table.cases) {
  const name = `${describeCondition({ variable: 'x', condition: c.condition, value: c.value, ignoreCase: c.ignoreCase })} with x ${c.actual === undefined ? 'unset' : JSON.stringify(c.actual)}`;
  test(name, () => {
    const trace = simulate(branchFlow(c), { data: c.actual === undefined ? {} : { x: c.actual } });
    if (c.error) {
      assert.equal(trace.end.reason, 'error');
      assert.match(trace.end.message ?? '', new RegExp(c.error.slice(1, -1)));
      return;
    }
    assert.equal(trace.end.node, c.result ? 'yes' : 'no');
    const check = trace.steps[1].branch?.checks[0];
    assert.equal(check?.result, c.result);
    if (c.why) assert.equal(check?.why, c.why);
  });
}
