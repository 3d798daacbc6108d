import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import jsonpatch from 'fast-json-patch';
import type { FlowDefinition } from '../flow/schema.js';
import { diffFlows, flowPatch, generateFlowDiff } from './index.js';

interface Fixture {
  description: string;
  expected: string[];
  old: FlowDefinition;
  new: FlowDefinition;
}

const testdata = new URL('./testdata/', import.meta.url);
const fixtures = readdirSync(testdata)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, fixture: JSON.parse(readFileSync(new URL(file, testdata), 'utf8')) as Fixture }));

const seed = JSON.parse(readFileSync(new URL('../../../shared/examples/seed-webchat.flow.json', import.meta.url), 'utf8')) as FlowDefinition;

for (const { file, fixture } of fixtures) {
  test(`${file}: ${fixture.description}`, () => {
    assert.deepEqual(generateFlowDiff(fixture.old, fixture.new), fixture.expected);
    const patched = jsonpatch.applyPatch(structuredClone(fixture.old), flowPatch(fixture.old, fixture.new), true, true).newDocument;
    assert.deepEqual(patched, fixture.new, 'the JSON Patch turns old into new');
    assert.deepEqual(diffFlows(fixture.new, fixture.new), []);
  });
}

test('the seed flow diffs cleanly against itself and against its published release', () => {
  assert.deepEqual(generateFlowDiff(seed, structuredClone(seed)), []);
  assert.deepEqual(flowPatch(seed, structuredClone(seed)), []);
  const release = { ...structuredClone(seed), version: 2, status: 'published' as const };
  assert.deepEqual(generateFlowDiff(seed, release), ['Version updated: 1 -> 2', 'Status changed: draft -> published']);
  assert.deepEqual(flowPatch(seed, release), [
    { op: 'replace', path: '/version', value: 2 },
    { op: 'replace', path: '/status', value: 'published' },
  ]);
});

test('changes carry their kind, node, pointers on both sides and before/after', () => {
  const edited = structuredClone(seed);
  edited.nodes.route_intent = {
    type: 'transition',
    conditions: [
      { variable: 'intent', condition: 'equals', value: 'sales', transition: 'tech_queue' },
      { variable: 'intent', condition: 'equals', value: 'billing', transition: 'billing_queue' },
      { variable: 'intent', condition: 'equals', value: 'tech', transition: 'tech_queue' },
    ],
    transition: 'default_end',
  };
  assert.deepEqual(diffFlows(seed, edited), [
    {
      kind: 'condition-added',
      nodeId: 'route_intent',
      index: 0,
      newPointer: '/nodes/route_intent/conditions/0',
      after: { variable: 'intent', condition: 'equals', value: 'sales', transition: 'tech_queue' },
    },
    {
      kind: 'condition-changed',
      nodeId: 'route_intent',
      index: 2,
      fromIndex: 1,
      oldPointer: '/nodes/route_intent/conditions/1',
      newPointer: '/nodes/route_intent/conditions/2',
      before: seed.nodes.route_intent.type === 'transition' ? seed.nodes.route_intent.conditions[1] : undefined,
      after: { variable: 'intent', condition: 'equals', value: 'tech', transition: 'tech_queue' },
      fields: [{ field: 'value', oldPointer: '/nodes/route_intent/conditions/1/value', newPointer: '/nodes/route_intent/conditions/2/value', before: 'technical', after: 'tech' }],
    },
  ]);
});

test('a rename is one change with both ids and pointers, and its patch is one move plus the referrers', () => {
  const renamed = structuredClone(seed);
  renamed.nodes = Object.fromEntries(Object.entries(renamed.nodes).map(([id, node]) => [id === 'default_end' ? 'finish' : id, node]));
  for (const node of Object.values(renamed.nodes)) if ('transition' in node && node.transition === 'default_end') node.transition = 'finish';
  assert.deepEqual(diffFlows(seed, renamed), [
    { kind: 'node-renamed', nodeId: 'finish', fromId: 'default_end', oldPointer: '/nodes/default_end', newPointer: '/nodes/finish', before: 'default_end', after: 'finish' },
  ]);
  const ops = flowPatch(seed, renamed);
  assert.deepEqual(ops[0], { op: 'move', from: '/nodes/default_end', path: '/nodes/finish' });
  assert.equal(ops.length, 4, 'the move, then route_intent, billing_queue and tech_queue pointed at the new id');
});

test('the order of keys in the files does not change the result', () => {
  const edited = JSON.parse(readFileSync(new URL('node-added-and-removed.json', testdata), 'utf8')) as Fixture;
  const reversed = (flow: FlowDefinition): FlowDefinition => {
    const text = JSON.stringify(flow, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    );
    return JSON.parse(text) as FlowDefinition;
  };
  assert.deepEqual(diffFlows(reversed(edited.old), reversed(edited.new)), diffFlows(edited.old, edited.new));
});

test('node ids with slashes and tildes are escaped in pointers', () => {
  const before = { id: 'f', version: 1, name: 'f', status: 'draft', nodes: { start: { type: 'start', transition: 'a/b~c' }, 'a/b~c': { type: 'end' } } } as FlowDefinition;
  const after = structuredClone(before);
  after.nodes['x/y'] = { type: 'end' };
  assert.deepEqual(diffFlows(before, after), [{ kind: 'node-added', nodeId: 'x/y', newPointer: '/nodes/x~1y', after: { type: 'end' } }]);
  const removed = diffFlows(before, { ...before, nodes: { start: { type: 'start', transition: 'a/b~c' } } });
  assert.equal(removed[0].oldPointer, '/nodes/a~1b~0c');
});
