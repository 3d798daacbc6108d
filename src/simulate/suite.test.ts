// Suites: parsing with located errors, expectations with readable diffs, Web Messaging Tester scenarios, coverage, reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GcflowError } from '../flow/diagnostic.js';
import { parseYamlFlow } from '../flow/load.js';
import type { FlowDefinition } from '../flow/schema.js';
import { computeCoverage, coverageTotals, flowsBelow } from './coverage.js';
import { formatTestRunJson } from './report-json.js';
import { formatTestRunJunit } from './report-junit.js';
import { formatTestRunText } from './report-text.js';
import { isScenarioFile, parseScenarioFile } from './scenario.js';
import { simulate } from './simulate.js';
import { parseSuite, type SimulationSuite } from './suite.js';
import { findSuiteFiles, runSuiteFiles, type TestRunResult } from './suite-files.js';
import { runSuite } from './suite-run.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

const flow: FlowDefinition = {
  id: 'suite-test',
  version: 1,
  name: 'suite test',
  status: 'draft',
  nodes: {
    start: { type: 'start', transition: 'hello' },
    hello: { type: 'action', actions: [{ name: 'sendMessage', text: 'Hello!' }, { name: 'classify', intents: { billing: ['bill'] } }], transition: 'check' },
    check: { type: 'transition', conditions: [{ variable: 'intent', condition: 'equals', value: 'billing', transition: 'billing' }], transition: 'ask' },
    ask: { type: 'webchat', message: 'What is it about?', waitForInput: { variable: 'topic' }, transition: 'done' },
    billing: { type: 'action', actions: [{ name: 'sendMessage', text: 'To billing.' }, { name: 'route', queueId: '{env.BILLING_QUEUE_ID}' }], transition: 'done' },
    done: { type: 'end' },
  },
};

function suiteFrom(yaml: string, file = 'x.sim.yaml'): SimulationSuite {
  const loaded = parseYamlFlow(yaml, file);
  return isScenarioFile(loaded.data) ? parseScenarioFile(loaded.data, file, loaded.locate) : parseSuite(loaded.data, file, loaded.locate);
}

function thrown(run: () => unknown): GcflowError {
  try {
    run();
  } catch (error) {
    if (error instanceof GcflowError) return error;
    throw error;
  }
  assert.fail('expected a GcflowError');
}

const badSuites: Array<{ name: string; yaml: string; message: RegExp; pointer: string; line: number }> = [
  { name: 'an unknown top-level key', yaml: 'flow: f.yaml\ncase: []\n', message: /unknown key "case"/, pointer: '/case', line: 2 },
  { name: 'cases that are not a list', yaml: 'flow: f.yaml\ncases: {}\n', message: /cases must be a list/, pointer: '/cases', line: 2 },
  { name: 'a misspelt expectation', yaml: 'cases:\n  - name: a\n    expect:\n      pathContain: [start]\n', message: /expect has an unknown key "pathContain"; allowed: path, pathContains/, pointer: '/cases/0/expect/pathContain', line: 4 },
  { name: 'an unknown end reason', yaml: 'cases:\n  - expect: { end: finished }\n', message: /end reason must be one of ended, routed/, pointer: '/cases/0/expect/end', line: 2 },
  { name: 'two cases with one name', yaml: 'cases:\n  - name: a\n  - name: a\n', message: /two cases are named "a"/, pointer: '/cases/1/name', line: 3 },
  { name: 'a message that is a map', yaml: 'cases:\n  - messages: [{ say: hi }]\n', message: /a message must be text/, pointer: '/cases/0/messages/0', line: 2 },
  { name: 'a scenario step of an unknown kind', yaml: 'scenarios:\n  A:\n    - say: hi\n    - waitForReply: x\n', message: /exactly one of say, waitForReplyContaining, waitForReplyMatching/, pointer: '/scenarios/A/1', line: 4 },
];

for (const c of badSuites) {
  test(`a suite with ${c.name} is refused with its pointer and line`, () => {
    const error = thrown(() => suiteFrom(c.yaml));
    assert.equal(error.code, 'GCF960');
    assert.match(error.message, c.message);
    assert.equal(error.location.pointer, c.pointer);
    assert.equal(error.location.line, c.line);
    assert.equal(error.location.file, 'x.sim.yaml');
  });
}

test('a passing case has no failures; end may be written as a reason or as end.reason', () => {
  const suite = suiteFrom(`
cases:
  - name: billing
    messages: [my bill please]
    expect:
      path: [start, hello, check, billing, done]
      routedTo: "{env.BILLING_QUEUE_ID}"
      end.reason: routed
      messages: [Hello!, /^to bill/i]
      variables: { intent: billing, topic: null }
  - name: unclear
    messages: [hi, "42"]
    expect:
      pathContains: [hello, ask]
      end: { reason: routed }
      variables: { topic: 42 }
`);
  const result = runSuite(suite, flow, { env: { BILLING_QUEUE_ID: 'q-1' } });
  assert.equal(result.cases[0].passed, true, JSON.stringify(result.cases[0].failures));
  assert.equal(result.cases[0].line, 3);
  assert.equal(result.cases[1].passed, false);
  assert.deepEqual(result.cases[1].failures.map((f) => f.expectation), ['end.reason']);
});

test('a failing case says what was expected, what happened, and why the run went another way', () => {
  const suite = suiteFrom(`
cases:
  - name: wrong
    messages: [hello there]
    expect:
      path: [start, hello, check, billing, done]
      routedTo: q-1
      messages: [Hello!, To billing.]
`);
  const [c] = runSuite(suite, flow, { env: { BILLING_QUEUE_ID: 'q-1' } }).cases;
  assert.equal(c.passed, false);
  const byName = Object.fromEntries(c.failures.map((f) => [f.expectation, f]));
  assert.deepEqual(byName.path.actual, ['start', 'hello', 'check', 'ask']);
  assert.match(byName.path.hint ?? '', /after check the run went to ask instead of billing: no condition matched \(intent is not set\)/);
  assert.equal(byName.routedTo.expected, 'q-1');
  assert.equal(byName.routedTo.actual, null);
  assert.match(byName.routedTo.message, /was not routed/);
  assert.equal(byName['messages[1]'].message, 'message 2 is not "To billing."');
  assert.equal(byName['messages[1]'].actual, 'What is it about?');
  const text = formatTestRunText({ suites: [{ file: 'x.sim.yaml', format: 'suite', cases: [c] }], passed: 0, failed: 1, errors: 0, secretValues: {} });
  assert.match(text, /✗ wrong \(line 3\)/);
  assert.match(text, /routedTo: the conversation was not routed \(expected "q-1"\)\n\s+expected: "q-1"\n\s+actual: {3}null/);
  assert.match(text, /expected: start → hello → check → billing → done\n\s+actual: {3}start → hello → check → ask/);
  assert.match(text, /0 passed, 1 failed \(1 suite\)/);
});

test('Web Messaging Tester scenarios: say turns, replies waited for in order, skipping others, after the latest say', () => {
  const suite = suiteFrom(`
config:
  deploymentId: abc
  region: mypurecloud.ie
scenarios:
  "Billing":
    - say: my bill
    - waitForReplyContaining: to BILLING
  "Skips the greeting":
    - say: hi
    - waitForReplyMatching: ^What is it
  "Order matters":
    - say: hi
    - waitForReplyContaining: What is it about
    - waitForReplyContaining: Hello
  "Replies belong to their turn":
    - say: hi
    - say: still there?
    - waitForReplyContaining: Hello
`);
  assert.equal(suite.format, 'web-messaging-tester');
  assert.deepEqual(suite.config, { deploymentId: 'abc', region: 'mypurecloud.ie' });
  const result = runSuite(suite, flow, { env: { BILLING_QUEUE_ID: 'q' } });
  const outcome = Object.fromEntries(result.cases.map((c) => [c.name, c.passed]));
  assert.deepEqual(outcome, { Billing: true, 'Skips the greeting': true, 'Order matters': false, 'Replies belong to their turn': false });
  const failure = result.cases[2].failures[0];
  assert.equal(failure.expectation, 'step 3');
  assert.match(failure.message, /waited for a reply containing "Hello", but the flow sent nothing more before the customer's next message/);
});

test('a scenario that waits before saying anything starts with the flow speaking first', () => {
  const suite = suiteFrom(`
scenarios:
  Greets:
    - waitForReplyContaining: What is it about
    - say: my bill
`);
  const [c] = runSuite(suite, flow).cases;
  assert.equal(c.passed, true, JSON.stringify(c.failures));
  assert.equal(c.trace.variables.topic, 'my bill');
});

test('coverage counts nodes and each condition and default per node, and lists what was missed', () => {
  const traces = [simulate(flow, { messages: ['hi', 'x'] })];
  const coverage = computeCoverage(flow, 'flow.yaml', traces);
  assert.deepEqual(coverage.nodes.filter((n) => !n.covered).map((n) => n.id), ['billing']);
  assert.deepEqual(coverage.branches.map((b) => [b.node, b.index, b.target, b.covered]), [
    ['check', 0, 'billing', false],
    ['check', 'default', 'ask', true],
  ]);
  assert.equal(coverage.branches[0].pointer, '/nodes/check/conditions/0/transition');
  // 5 of 6 nodes and 1 of 2 branches.
  assert.equal(coverage.percent, 75);
  assert.equal(coverage.edges.find((e) => e.pointer === '/nodes/billing/transition')?.covered, false);
  const both = computeCoverage(flow, 'flow.yaml', [...traces, simulate(flow, { messages: ['bill'], env: { BILLING_QUEUE_ID: 'q' } })]);
  assert.equal(both.percent, 100);
  const totals = coverageTotals([coverage, both]);
  assert.equal(totals.percent, 87.5);
  assert.deepEqual(flowsBelow(totals, 80).map((f) => f.percent), [75]);
  const text = formatTestRunText({ suites: [], passed: 0, failed: 0, errors: 0, coverage: coverageTotals([coverage]), secretValues: {} }, { minCoverage: 80 });
  assert.match(text, /flow\.yaml {2}75% {2}\(nodes 5\/6, branches 1\/2\)\n\s+uncovered nodes: billing\n\s+uncovered branches: check → billing \(condition 0\)/);
});

/** Tags open and close in order (a small well-formedness check for the JUnit report). */
function assertBalancedXml(xml: string): void {
  const stack: string[] = [];
  for (const match of xml.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else stack.push(name);
  }
  assert.deepEqual(stack, []);
  assert.doesNotMatch(xml.replace(/<[^>]*>/g, ''), /[<>]|&(?!(amp|lt|gt|quot|apos);)/);
}

test('the JUnit report has testsuites/testsuite/testcase/failure, counts, lines, and escapes what it quotes', () => {
  const suite = suiteFrom(`
cases:
  - name: ok
    messages: [bill]
  - name: 'fails <&"quoted"> & escaped'
    messages: ["<b>hi</b> & \\u0007bell"]
    expect: { messages: [Hello!, "<nope>"] }
`, 'dir/a&b.sim.yaml');
  const result = runSuite(suite, flow, { env: { BILLING_QUEUE_ID: 'q' } });
  const run: TestRunResult = {
    suites: [result, { file: 'broken.sim.yaml', format: 'suite', cases: [], error: { code: 'GCF961', message: 'the suite names no flow' } }],
    passed: 1,
    failed: 1,
    errors: 1,
    secretValues: {},
  };
  const xml = formatTestRunJunit(run);
  assertBalancedXml(xml);
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="gcflow test" tests="3" failures="1" errors="1" time="0.000">/);
  assert.match(xml, /<testsuite name="dir\/a&amp;b.sim.yaml" tests="2" failures="1" errors="0" skipped="0"/);
  assert.match(xml, /<testcase name="ok" classname="dir\/a&amp;b.sim.yaml" file="dir\/a&amp;b.sim.yaml" line="3" time="0.000"\/>/);
  assert.match(xml, /<testcase name="fails &lt;&amp;&quot;quoted&quot;&gt; &amp; escaped"/);
  assert.match(xml, /<failure message="messages\[1\]: message 2 is not &quot;&lt;nope&gt;&quot;" type="expectation">messages\[1\]: message 2/);
  assert.equal(xml.includes(String.fromCharCode(7)), false);
  assert.match(xml, /<error message="the suite names no flow" type="GCF961">/);
});

test('runSuiteFiles finds suites recursively (skipping node_modules), loads flows and profiles beside them, and reports unloadable suites', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gcflow-suites-'));
  await cp(EXAMPLES, join(dir, 'examples'), { recursive: true });
  await mkdir(join(dir, 'node_modules', 'x'), { recursive: true });
  await writeFile(join(dir, 'node_modules', 'x', 'ignored.sim.yaml'), 'cases: []\n');
  await writeFile(join(dir, 'noflow.sim.json'), JSON.stringify({ cases: [{ name: 'a', messages: ['hi'] }] }));
  await writeFile(join(dir, 'missing-flow.sim.yaml'), 'flow: nope.flow.yaml\ncases: []\n');
  const files = await findSuiteFiles([], dir);
  assert.deepEqual(files, ['examples/support.sim.yaml', 'examples/web-messaging-tester.sim.yaml', 'missing-flow.sim.yaml', 'noflow.sim.json']);
  const run = await runSuiteFiles(files, { cwd: dir, coverage: true, processEnv: {} });
  assert.equal(run.failed, 0);
  assert.equal(run.passed, 9);
  assert.equal(run.errors, 2);
  assert.match(run.suites[2].error?.message ?? '', /its flow nope.flow.yaml cannot be loaded: no such file \[GCF901\]/);
  assert.equal(run.suites[3].error?.code, 'GCF961');
  assert.equal(run.coverage?.flows.length, 1);
  assert.equal(run.coverage?.flows[0].file, 'examples/support.flow.yaml');
  const json = JSON.parse(formatTestRunJson(run)) as { passed: number; suites: Array<{ cases: Array<{ routedTo: string }> }> };
  assert.equal(json.passed, 9);
  assert.equal(json.suites[0].cases[0].routedTo, '5e0c1c9a-3d2b-4b1e-8a11-0b1d2e3f4a01');
  // The prod profile gives other queue ids, so the suite's {env.BILLING_QUEUE_ID} expectation still holds.
  const prod = await runSuiteFiles(['examples/support.sim.yaml'], { cwd: dir, profile: 'prod', processEnv: {} });
  assert.equal(prod.failed, 0);
  assert.equal(prod.suites[0].cases[0].trace.routedTo, '0d3f7b2e-91a4-4c6f-b8e2-5a1c9e7d4b10');
});

test('a suite pins {now} and gives environment values of its own; a bad now is refused', () => {
  const clocked: FlowDefinition = {
    id: 'c', version: 1, name: 'clock', status: 'draft',
    nodes: { start: { type: 'start', transition: 'a' }, a: { type: 'action', actions: [{ name: 'set', variable: 'at', value: '{now}' }, { name: 'route', queueId: '{env.Q}' }], transition: 'done' }, done: { type: 'end' } },
  };
  const suite = suiteFrom('now: 2030-01-02T03:04:05Z\nenv: { Q: q-7 }\ncases:\n  - expect: { variables: { at: "2030-01-02T03:04:05.000Z" }, routedTo: "{env.Q}" }\n');
  const result = runSuite(suite, clocked, { env: suite.env });
  assert.equal(result.cases[0].passed, true, JSON.stringify(result.cases[0].failures));
  assert.match(thrown(() => suiteFrom('now: soon\nscenarios: {}\n')).message, /now "soon" is not a date and time/);
});
