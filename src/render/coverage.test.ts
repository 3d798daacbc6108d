import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GcflowError } from '../flow/diagnostic.js';
import type { FlowDefinition } from '../flow/schema.js';
import { computeCoverage, coverageTotals, simulate } from '../simulate/index.js';
import { coverageFromReport } from './coverage.js';
import { renderHtml } from './html.js';

const seedFile = new URL('../../../shared/examples/seed-webchat.flow.json', import.meta.url).pathname;
const seed = JSON.parse(readFileSync(seedFile, 'utf8')) as FlowDefinition;
const run = simulate(seed, { messages: ['hello'] });
/** What `gcflow test --coverage-file` writes, as read back from JSON. */
const report = JSON.parse(JSON.stringify(coverageTotals([computeCoverage(seed, seedFile, [run])]))) as unknown;

test('a coverage file: the flow entry by id gives covered nodes and transition pointers', () => {
  const coverage = coverageFromReport(report, seed, { file: 'coverage.json', flowFile: seedFile });
  assert.deepEqual([...coverage.nodes], ['start', 'set_context', 'route_intent', 'default_end']);
  assert.deepEqual([...coverage.edges].sort(), ['/nodes/route_intent/transition', '/nodes/set_context/transition', '/nodes/start/transition']);
});

test('its pointers are the diagram edge ids, so the page marks exactly the untaken branches', () => {
  const html = renderHtml(seed, { coverage: coverageFromReport(report, seed) });
  const uncovered = [...html.matchAll(/class="edge [^"]*uncovered" data-edge-id="([^"]+)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(uncovered, [
    '/nodes/billing_queue/transition',
    '/nodes/route_intent/conditions/0/transition',
    '/nodes/route_intent/conditions/1/transition',
    '/nodes/tech_queue/transition',
  ]);
});

test('a JSON test report (with a coverage member) is read too', () => {
  const coverage = coverageFromReport({ suites: [], coverage: report }, seed);
  assert.equal([...coverage.nodes].length, 4);
});

test('with several entries for the same flow id, the one for this file wins', () => {
  const other = computeCoverage(seed, '/elsewhere/seed.json', []);
  const both = { flows: [other, ...(report as { flows: unknown[] }).flows], percent: 0 };
  assert.equal([...coverageFromReport(both, seed, { flowFile: seedFile }).nodes].length, 4);
  assert.equal([...coverageFromReport(both, seed, { flowFile: '/elsewhere/seed.json' }).nodes].length, 0);
});

test('not a report, or no entry for this flow: a clean error with a code, naming the file', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['a list', [1, 2], /not a coverage report/],
    ['an empty object', {}, /not a coverage report/],
    ['another flow', { flows: [{ ...computeCoverage(seed, 'x', []), flowId: 'other-flow' }] }, /no coverage for flow 6f1c2a9e.*it covers: other-flow/],
  ];
  for (const [what, data, message] of cases) {
    assert.throws(
      () => coverageFromReport(data, seed, { file: 'cov.json' }),
      (error: unknown) => error instanceof GcflowError && error.code === 'GCF972' && error.location.file === 'cov.json' && message.test(error.message),
      what,
    );
  }
});
