// Each action's behaviour as a table (goflow style): testdata/actions/<action>.json lists cases of a flow, an input and what must follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { FlowDefinition, FlowNode } from '../flow/schema.js';
import { ACTION_NAMES } from '../flow/schema.js';
import { ACTION_RESOLVERS } from './actions/index.js';
import { fixedClock } from './clock.js';
import { simulate, type SimulateOptions } from './simulate.js';

interface ActionCase {
  description: string;
  /** The action under test, run in node `act` between `start` and `done`. */
  action?: Record<string, unknown>;
  /** Or the nodes besides start and done (start goes to `act`). */
  flow?: Record<string, unknown>;
  parameters?: Record<string, string>;
  input?: SimulateOptions & { now?: string };
  expected: {
    effects?: unknown[];
    variables?: Record<string, unknown>;
    unset?: string[];
    messages?: string[];
    routedTo?: string | null;
    queueName?: string | null;
    end?: { reason?: string; node?: string; message?: string };
    path?: string[];
    notes?: string[];
  };
}

const dir = new URL('./testdata/actions/', import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

function flowOf(c: ActionCase): FlowDefinition {
  const middle = c.flow ?? { act: { type: 'action', actions: [c.action], transition: 'done' } };
  const nodes = { start: { type: 'start', transition: 'act' }, ...middle, done: { type: 'end' } } as Record<string, FlowNode>;
  return { id: 'action-test', version: 1, name: 'action test', status: 'draft', nodes, ...(c.parameters ? { environmentVariables: c.parameters } : {}) };
}

/** A string written `/.../` in the table is a regex the actual text must match. */
function assertText(actual: string | undefined, expected: string, what: string): void {
  if (expected.length > 1 && expected.startsWith('/') && expected.endsWith('/')) assert.match(actual ?? '', new RegExp(expected.slice(1, -1)), what);
  else assert.equal(actual, expected, what);
}

test('every action has a resolver and a testdata file', () => {
  assert.deepEqual(Object.keys(ACTION_RESOLVERS).sort(), [...ACTION_NAMES].sort());
  assert.deepEqual(files.map((f) => f.replace(/\.json$/, '')).sort(), [...ACTION_NAMES].sort());
});

for (const file of files) {
  const table = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { action: string; cases: ActionCase[] };
  for (const c of table.cases) {
    test(`${table.action}: ${c.description}`, () => {
      const { now, ...options } = c.input ?? {};
      const trace = simulate(flowOf(c), { ...options, ...(now ? { clock: fixedClock(now) } : {}) });
      const e = c.expected;
      const actStep = trace.steps.find((s) => s.node === 'act');
      if (e.effects) assert.deepEqual(actStep?.actions?.map((a) => a.effect), e.effects);
      for (const [name, value] of Object.entries(e.variables ?? {})) assert.deepEqual(trace.variables[name], value, `variable ${name}`);
      for (const name of e.unset ?? []) assert.equal(Object.hasOwn(trace.variables, name), false, `${name} should not be set`);
      if (e.messages) assert.deepEqual(trace.messages.map((m) => m.text), e.messages);
      if (e.routedTo !== undefined) assert.equal(trace.routedTo, e.routedTo);
      if (e.queueName !== undefined) assert.equal(trace.queueName, e.queueName ?? undefined);
      if (e.path) assert.deepEqual(trace.path, e.path);
      if (e.notes) assert.deepEqual(actStep?.notes, e.notes);
      if (e.end) {
        if (e.end.reason) assert.equal(trace.end.reason, e.end.reason, `end ${JSON.stringify(trace.end)}`);
        if (e.end.node) assert.equal(trace.end.node, e.end.node);
        if (e.end.message) assertText(trace.end.message, e.end.message, 'end message');
      } else {
        assert.notEqual(trace.end.reason, 'error', `unexpected error: ${trace.end.message}`);
      }
    });
  }
}
