import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import jsonpatch from 'fast-json-patch';
import type { FlowDefinition } from '../flow/schema.js';
import { diffFlows, flowPatch, generateFlowDiff } from './index.js';

type AnyNode = Record<string, unknown> & { type: string };
type Flow = Omit<FlowDefinition, 'nodes'> & { nodes: Record<string, AnyNode> };

const words = ['billing', 'tech', 'sales', 'yes', 'no', 'help'];
const word = fc.constantFrom(...words);
const condition = (targets: string[]) =>
  fc.record(
    {
      variable: fc.constantFrom('intent', 'reply', 'topic'),
      condition: fc.constantFrom('equals', 'contains', 'startsWith'),
      value: word,
      ignoreCase: fc.boolean(),
      transition: fc.constantFrom(...targets),
    },
    { requiredKeys: ['variable', 'condition', 'value', 'transition'] },
  );
const action = fc.oneof(
  fc.record({ name: fc.constant('set'), variable: fc.constantFrom('a', 'b'), value: word }),
  fc.record({ name: fc.constant('route'), queueId: word }),
  fc.record({ name: fc.constant('sendMessage'), text: word }),
  fc.record({ name: fc.constant('classify'), intents: fc.dictionary(word, fc.array(word, { maxLength: 2 }), { maxKeys: 3 }) }),
  fc.record({ name: fc.constant('disconnect') }),
);
const node = (targets: string[]): fc.Arbitrary<AnyNode> =>
  fc.oneof(
    fc.record({ type: fc.constant('end') }),
    fc.record({ type: fc.constant('action'), actions: fc.array(action, { maxLength: 4 }), transition: fc.constantFrom(...targets) }),
    fc.record({ type: fc.constant('transition'), conditions: fc.array(condition(targets), { maxLength: 5 }), transition: fc.constantFrom(...targets) }),
    fc.record(
      {
        type: fc.constant('webchat'),
        message: word,
        waitForInput: fc.record({ variable: fc.constantFrom('reply', 'topic'), timeoutTransition: fc.constantFrom(...targets) }, { requiredKeys: ['variable'] }),
        transition: fc.constantFrom(...targets),
      },
      { requiredKeys: ['type', 'transition'] },
    ),
  );

const flowArbitrary: fc.Arbitrary<Flow> = fc.integer({ min: 1, max: 10 }).chain((count) => {
  const ids = Array.from({ length: count }, (_, i) => `n${i}`);
  return fc.record(
    {
      id: fc.constant('f'),
      version: fc.nat(5),
      name: word,
      status: fc.constantFrom('draft', 'published'),
      nodes: fc.tuple(...ids.map(() => node(ids))).map((nodes) => ({ start: { type: 'start', transition: 'n0' }, ...Object.fromEntries(ids.map((id, i) => [id, nodes[i]])) })),
      applicationSettings: fc.record({ webchat: fc.record({ title: word, showPoweredBy: fc.boolean() }, { requiredKeys: [] }) }),
      environmentVariables: fc.dictionary(fc.constantFrom('q1', 'q2', 'q3'), word),
    },
    { requiredKeys: ['id', 'version', 'name', 'status', 'nodes'] },
  ).map((flow) => JSON.parse(JSON.stringify(flow)) as Flow); // plain objects, as a flow file gives
});

const EDITS = ['add-node', 'remove-node', 'rename-node', 'edit-condition', 'insert-condition', 'remove-condition', 'swap-conditions', 'edit-action', 'insert-action', 'remove-action', 'swap-actions', 'change-type', 'rewire', 'flow-fields', 'settings', 'reorder-intents'] as const;
const edit = fc.record({ kind: fc.constantFrom(...EDITS), a: fc.nat(50), b: fc.nat(50), value: word });
const FLOW_LEVEL_EDITS: ReadonlySet<string> = new Set(['add-node', 'flow-fields', 'settings']);
type Edit = { kind: (typeof EDITS)[number]; a: number; b: number; value: string };

function rewrite(node: AnyNode, from: string, to: string): void {
  if (node.transition === from) node.transition = to;
  for (const c of (node.conditions as Array<{ transition: string }> | undefined) ?? []) if (c.transition === from) c.transition = to;
  const wait = node.waitForInput as { timeoutTransition?: string } | undefined;
  if (wait?.timeoutTransition === from) wait.timeoutTransition = to;
}

/** Applies an edit in place; indexes wrap around so every edit applies to some node. */
function applyEdit(flow: Flow, e: Edit, serial: number): void {
  const ids = Object.keys(flow.nodes);
  if (ids.length === 0 && !FLOW_LEVEL_EDITS.has(e.kind)) return; // every node was removed: only flow-level edits apply
  const id = ids[e.a % ids.length];
  const target = ids.length > 0 ? ids[e.b % ids.length] : `new${serial}`;
  const n = flow.nodes[id] ?? { type: 'end' };
  const conditions = n.conditions as unknown[] | undefined;
  const actions = n.actions as Array<Record<string, unknown>> | undefined;
  switch (e.kind) {
    case 'add-node':
      flow.nodes[`new${serial}`] = { type: 'webchat', message: e.value, transition: target };
      break;
    case 'remove-node':
      if (id !== 'start') delete flow.nodes[id];
      break;
    case 'rename-node': {
      const renamed = `renamed${serial}`;
      flow.nodes = Object.fromEntries(Object.entries(flow.nodes).map(([k, v]) => [k === id ? renamed : k, v]));
      for (const other of Object.values(flow.nodes)) rewrite(other, id, renamed);
      break;
    }
    case 'edit-condition':
      if (conditions?.length) (conditions[e.b % conditions.length] as Record<string, unknown>).value = e.value;
      break;
    case 'insert-condition':
      conditions?.splice(e.b % (conditions.length + 1), 0, { variable: 'intent', condition: 'equals', value: e.value, transition: target });
      break;
    case 'remove-condition':
      if (conditions?.length) conditions.splice(e.b % conditions.length, 1);
      break;
    case 'swap-conditions':
      if (conditions && conditions.length > 1) conditions.push(conditions.shift());
      break;
    case 'edit-action':
      if (actions?.length) actions[e.b % actions.length].text = e.value;
      break;
    case 'insert-action':
      actions?.splice(e.b % (actions.length + 1), 0, { name: 'route', queueId: e.value });
      break;
    case 'remove-action':
      if (actions?.length) actions.splice(e.b % actions.length, 1);
      break;
    case 'swap-actions':
      if (actions && actions.length > 1) actions.reverse();
      break;
    case 'change-type':
      if (id !== 'start') flow.nodes[id] = n.type === 'end' ? { type: 'action', actions: [{ name: 'disconnect' }], transition: target } : { type: 'end' };
      break;
    case 'rewire':
      if (n.type !== 'end') n.transition = target;
      break;
    case 'flow-fields':
      flow.version += 1;
      flow.status = flow.status === 'draft' ? 'published' : 'draft';
      break;
    case 'settings':
      flow.applicationSettings = { webchat: { title: e.value } };
      flow.environmentVariables = { ...flow.environmentVariables, [`q${e.b % 4}`]: e.value };
      break;
    case 'reorder-intents':
      for (const a of actions ?? []) if (a.name === 'classify') a.intents = Object.fromEntries(Object.entries(a.intents as object).reverse());
      break;
  }
}

function edited(flow: Flow, edits: Edit[]): Flow {
  const copy = structuredClone(flow);
  edits.forEach((e, serial) => applyEdit(copy, e, serial));
  return copy;
}

function applied(before: Flow, after: Flow): Flow {
  const ops = flowPatch(before as FlowDefinition, after as FlowDefinition);
  return jsonpatch.applyPatch(structuredClone(before), ops, true, true).newDocument;
}

function intentOrders(flow: Flow): string[][] {
  return Object.keys(flow.nodes).sort().flatMap((id) => ((flow.nodes[id].actions as Array<Record<string, unknown>> | undefined) ?? []).filter((a) => a.name === 'classify').map((a) => Object.keys(a.intents as object)));
}

/** The same flow with every object's keys in reverse order, except classify intents (their order is meaning). */
const reversedKeys = (flow: Flow): Flow =>
  JSON.parse(
    JSON.stringify(flow, (key, value: unknown) =>
      key !== 'intents' && value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    ),
  ) as Flow;

/** Found by CI: renaming start and then removing every node left edits with no node to apply to. */
const everyNodeRemoved: [Flow, Edit[]] = [
  { id: 'f', version: 0, name: 'billing', status: 'draft', nodes: { start: { type: 'start', transition: 'n0' }, n0: { type: 'webchat', transition: 'n0' } } },
  [
    { kind: 'remove-node', a: 31, b: 0, value: 'billing' },
    { kind: 'rename-node', a: 0, b: 0, value: 'billing' },
    { kind: 'remove-node', a: 0, b: 0, value: 'billing' },
    { kind: 'add-node', a: 0, b: 0, value: 'billing' },
    { kind: 'edit-condition', a: 3, b: 1, value: 'tech' },
  ],
];

test('applying flowPatch(old, new) to old gives new, for random flows and random edits', () => {
  fc.assert(
    fc.property(flowArbitrary, fc.array(edit, { maxLength: 6 }), (flow, edits) => {
      const after = edited(flow, edits);
      const result = applied(flow, after);
      assert.deepStrictEqual(result, after);
      assert.deepStrictEqual(intentOrders(result), intentOrders(after), 'classify intents keep their order (first match wins)');
    }),
    { numRuns: 300, examples: [everyNodeRemoved] },
  );
});

test('applying flowPatch between two unrelated random flows gives the second', () => {
  fc.assert(
    fc.property(flowArbitrary, flowArbitrary, (a, b) => {
      assert.deepStrictEqual(applied(a, b), b);
    }),
    { numRuns: 200 },
  );
});

test('a flow has no changes against itself, and diffFlows and flowPatch agree on whether there are changes', () => {
  fc.assert(
    fc.property(flowArbitrary, fc.array(edit, { maxLength: 4 }), (flow, edits) => {
      assert.deepEqual(diffFlows(flow as FlowDefinition, structuredClone(flow) as FlowDefinition), []);
      assert.deepEqual(flowPatch(flow as FlowDefinition, structuredClone(flow) as FlowDefinition), []);
      const after = edited(flow, edits);
      assert.equal(diffFlows(flow as FlowDefinition, after as FlowDefinition).length === 0, flowPatch(flow as FlowDefinition, after as FlowDefinition).length === 0);
    }),
    { numRuns: 300 },
  );
});

test('diffFlows is deterministic: the same flows in another key order give the same changes', () => {
  fc.assert(
    fc.property(flowArbitrary, fc.array(edit, { maxLength: 6 }), (flow, edits) => {
      const after = edited(flow, edits);
      const expected = diffFlows(flow as FlowDefinition, after as FlowDefinition);
      assert.deepStrictEqual(diffFlows(structuredClone(flow) as FlowDefinition, structuredClone(after) as FlowDefinition), expected);
      assert.deepStrictEqual(diffFlows(reversedKeys(flow) as FlowDefinition, reversedKeys(after) as FlowDefinition), expected);
    }),
    { numRuns: 300, examples: [everyNodeRemoved] },
  );
});

test('renaming one node (and its referrers) is exactly one rename', () => {
  fc.assert(
    fc.property(flowArbitrary, fc.nat(50), (flow, pick) => {
      const after = edited(flow, [{ kind: 'rename-node', a: pick, b: 0, value: '' }]);
      const changes = diffFlows(flow as FlowDefinition, after as FlowDefinition);
      assert.equal(changes.length, 1);
      assert.equal(changes[0].kind, 'node-renamed');
    }),
    { numRuns: 300 },
  );
});

/** Anything JSON in every field, as a half-written flow may hold; node ids include names Object.prototype has. */
const malformedFlow = fc
  .record(
    {
      id: fc.jsonValue({ maxDepth: 1 }),
      version: fc.jsonValue({ maxDepth: 1 }),
      nodes: fc.dictionary(
        fc.constantFrom('a', 'b', 'c', 'toString', 'constructor', 'x/y'),
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.record(
            {
              type: fc.constantFrom('end', 'action', 'webchat', 'transition'),
              transition: fc.constantFrom('a', 'b', 'toString'),
              conditions: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.array(fc.jsonValue({ maxDepth: 2 }))),
              actions: fc.jsonValue({ maxDepth: 3 }),
              waitForInput: fc.jsonValue({ maxDepth: 2 }),
              message: fc.jsonValue({ maxDepth: 1 }),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
      applicationSettings: fc.jsonValue({ maxDepth: 3 }),
      environmentVariables: fc.jsonValue({ maxDepth: 2 }),
      inputs: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: ['nodes'] },
  )
  // fast-json-patch refuses to touch a `__proto__` key (a safety rule of the applier, not of RFC 6902).
  .map((flow) => JSON.parse(JSON.stringify(flow), (key, value: unknown) => (key === '__proto__' ? undefined : value)) as FlowDefinition);

test('malformed flows (any JSON in any field) diff without throwing, and the patch still applies exactly', () => {
  fc.assert(
    fc.property(malformedFlow, malformedFlow, (a, b) => {
      generateFlowDiff(a, b);
      assert.deepEqual(diffFlows(a, structuredClone(a)), []);
      const result = jsonpatch.applyPatch(structuredClone(a), flowPatch(a, b), false, true).newDocument;
      assert.deepStrictEqual(result, b);
    }),
    { numRuns: 500 },
  );
});
