import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { flowJsonSchema, CONDITION_OPERATORS, ACTION_NAMES, NODE_TYPES } from './schema.js';

const written = JSON.parse(readFileSync(new URL('../../schema/flow.schema.json', import.meta.url), 'utf8'));

test('schema/flow.schema.json is the schema the types come from (regenerate with npm run build)', () => {
  assert.deepEqual(written, flowJsonSchema());
});

test('the schema lists every node type, action name and condition operator for editors', () => {
  const schema = JSON.stringify(written);
  for (const name of [...CONDITION_OPERATORS, ...ACTION_NAMES, ...NODE_TYPES]) assert.ok(schema.includes(`"const":"${name}"`), name);
});
