// validate(): the seed flow's one warning, line:column from JSON and YAML sources, stable order, robustness on odd input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseJsonFlow, parseYamlFlow } from '../flow/load.js';
import { createWebMessagingFlow } from '../flow/builder.js';
import { generateSchemaValidatorSource, GENERATED_VALIDATOR_FILE } from './schema-validator.generator.js';
import { validate } from './validate.js';

const SEED = new URL('../../../shared/examples/seed-webchat.flow.json', import.meta.url);

test('the seed flow has exactly one finding: a warning that nothing sets intent', () => {
  const source = parseJsonFlow(readFileSync(SEED, 'utf8'), 'seed-webchat.flow.json');
  const result = validate(source.data, { source });
  assert.equal(result.valid, true);
  assert.equal(result.errorCount, 0);
  assert.equal(result.warningCount, 1);
  assert.deepEqual(result.findings, [
    {
      code: 'GCF014',
      severity: 'warning',
      message: result.findings[0].message,
      pointer: '/nodes/route_intent/conditions/0/variable',
      file: 'seed-webchat.flow.json',
      line: 31,
      column: 23,
    },
  ]);
  assert.match(result.findings[0].message, /"intent"/);
  assert.deepEqual(validate(createWebMessagingFlow('x', 3)).findings.map((f) => f.code), ['GCF014'], 'the builder makes the same flow');
});

test('with a profile the seed flow needs both queue ids', () => {
  const seed = JSON.parse(readFileSync(SEED, 'utf8')) as unknown;
  const missing = validate(seed, { env: { BILLING_QUEUE_ID: 'q1' } }).findings.filter((f) => f.code === 'GCF016');
  assert.deepEqual(missing.map((f) => f.pointer), ['/environmentVariables/tech_queue_id']);
  assert.equal(validate(seed, { env: { BILLING_QUEUE_ID: 'q1', TECH_QUEUE_ID: 'q2' } }).errorCount, 0);
});

const jsonText = `{
  "id": "f",
  "version": 1,
  "name": "Located",
  "status": "draft",
  "nodes": {
    "start": { "type": "start", "transition": "ask" },
    "ask": {
      "type": "webchat",
      "waitForInput": { "variable": "answer" },
      "transition": "nowhere"
    },
    "done": { "type": "end", "transition": "start" }
  }
}
`;

test('findings from a JSON file carry file:line:column of the offending value', () => {
  const source = parseJsonFlow(jsonText, 'flows/located.flow.json');
  const found = validate(source.data, { source }).findings.map((f) => `${f.code} ${f.file}:${f.line}:${f.column} ${f.pointer}`);
  assert.deepEqual(found, [
    'GCF003 flows/located.flow.json:11:21 /nodes/ask/transition',
    'GCF004 flows/located.flow.json:13:13 /nodes/done',
    'GCF007 flows/located.flow.json:13:44 /nodes/done/transition',
  ]);
});

const yamlText = `id: f
version: 1
name: Located
status: draft
nodes:
  start:
    type: start
    transition: act
  act:
    type: action
    actions:
      - name: route
        queueName: Billing
      - name: sendMessage
        text: "Hello {custmer}"
    transition: done
  done:
    type: end
`;

test('findings from a YAML file carry line:column, a missing field pointing at its parent', () => {
  const source = parseYamlFlow(yamlText, 'located.flow.yaml');
  const found = validate(source.data, { source }).findings.map((f) => `${f.code} ${f.line}:${f.column} ${f.pointer}`);
  assert.deepEqual(found, ['GCF010 12:9 /nodes/act/actions/0/queueId', 'GCF015 15:15 /nodes/act/actions/1/text']);
});

test('findings come in the same order every time, whatever order the checks report in', () => {
  const flow = JSON.parse(jsonText) as unknown;
  const first = JSON.stringify(validate(flow));
  for (let i = 0; i < 3; i++) assert.equal(JSON.stringify(validate(structuredClone(flow))), first);
});

test('never throws on values that are not flows at all', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      const result = validate(value);
      assert.equal(result.valid, result.errorCount === 0);
    }),
    { numRuns: 300 },
  );
});

test('never throws on flows whose nodes have odd shapes', () => {
  const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null));
  const odd = fc.oneof(scalar, fc.array(scalar, { maxLength: 2 }), fc.constantFrom('start', 'end', 'action', 'transition', 'webchat', 'matches', 'route', '{x}', '{env.X}', '(', 'a', 'b'));
  const item = fc.dictionary(fc.constantFrom('name', 'variable', 'condition', 'value', 'transition', 'intents', 'queueId', 'timeoutTransition'), odd, { maxKeys: 5 });
  const node = fc.dictionary(fc.constantFrom('type', 'transition', 'actions', 'conditions', 'waitForInput', 'message', 'name', 'variable'), fc.oneof(odd, item, fc.array(item, { maxLength: 3 })), { maxKeys: 6 });
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom('start', 'a', 'b', 'c', 'end', '__proto__', 'constructor', 'x/y~z'), fc.oneof(node, node, odd), { maxKeys: 6 }), (nodes) => {
      validate({ id: 'f', version: 1, name: 'n', status: 'draft', nodes }, { env: {} });
    }),
    { numRuns: 200 },
  );
});

test('a long chain of nodes is checked without recursion (no stack overflow)', () => {
  const nodes: Record<string, unknown> = { start: { type: 'start', transition: 'n0' } };
  const length = 20_000;
  for (let i = 0; i < length; i++) nodes[`n${i}`] = { type: 'action', actions: [], transition: i + 1 < length ? `n${i + 1}` : 'n0' };
  const result = validate({ id: 'f', version: 1, name: 'chain', status: 'draft', nodes });
  assert.deepEqual([...new Set(result.findings.map((f) => f.code))], ['GCF005', 'GCF006']);
  const cycle = result.findings.find((f) => f.code === 'GCF006');
  assert.equal(cycle?.pointer, '/nodes/n0');
  assert.match(cycle?.message ?? '', /n0 → n1 → n2 → n3 → n4 → \.\.\. → n0/);
});

test('the generated schema validator is up to date with src/flow/schema.ts', () => {
  assert.equal(
    readFileSync(GENERATED_VALIDATOR_FILE, 'utf8'),
    generateSchemaValidatorSource(),
    'regenerate it: node --import tsx src/validate/schema-validator.generator.ts',
  );
});
