import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillTemplate, parseTemplate } from './placeholder.js';

const cases: Array<{ text: string; parts: ReturnType<typeof parseTemplate> }> = [
  { text: 'plain', parts: [{ kind: 'text', text: 'plain' }] },
  { text: '{now}', parts: [{ kind: 'variable', name: 'now', raw: '{now}' }] },
  { text: 'q={env.QUEUE_ID}!', parts: [{ kind: 'text', text: 'q=' }, { kind: 'env', name: 'QUEUE_ID', raw: '{env.QUEUE_ID}' }, { kind: 'text', text: '!' }] },
  { text: '{ "json": 1 }', parts: [{ kind: 'text', text: '{ "json": 1 }' }] },
  { text: '{}', parts: [{ kind: 'text', text: '{}' }] },
];

for (const { text, parts } of cases) {
  test(`parseTemplate(${JSON.stringify(text)})`, () => assert.deepEqual(parseTemplate(text), parts));
}

test('fillTemplate substitutes once: a value holding a placeholder stays data', () => {
  const values: Record<string, string> = { A: '{env.B}', B: 'secret' };
  const filled = fillTemplate('x={env.A}', (part) => (part.kind === 'env' ? values[part.name] : undefined));
  assert.equal(filled, 'x={env.B}');
});

test('fillTemplate leaves unknown placeholders as written', () => {
  assert.equal(fillTemplate('{a}{b}', (part) => (part.name === 'a' ? '1' : undefined)), '1{b}');
});
