// `gcflow test` through the real bin: discovery, reports (text, JSON, JUnit, -o), coverage and its minimum, scenario files, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, runCli } from './support/run-cli.js';

async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gcflow-test-'));
  await cp(join(REPO_ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}

const FAILING = `flow: examples/support.flow.yaml
profile: dev
cases:
  - name: expects the wrong queue
    messages: ["hello"]
    expect:
      routedTo: "{env.BILLING_QUEUE_ID}"
      end: routed
`;

test('gcflow test with no paths runs every suite below the current folder and passes the examples (exit 0)', async () => {
  const dir = await project();
  const result = await runCli(['test', '--coverage'], { cwd: dir });
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /^examples\/support\.sim\.yaml {2}\(examples\/support\.flow\.yaml\)$/m);
  assert.match(result.stdout, /^ {2}✓ a billing question goes to the billing queue$/m);
  assert.match(result.stdout, /^ {2}✓ Billing question$/m);
  assert.match(result.stdout, /^9 passed \(2 suites\)$/m);
  assert.match(result.stdout, /examples\/support\.flow\.yaml {2}100% {2}\(nodes 10\/10, branches 4\/4\)/);
});

test('a failing case prints expected and actual with the reason, and exits 1', async () => {
  const dir = await project();
  await writeFile(join(dir, 'wrong.sim.yaml'), FAILING);
  const result = await runCli(['test', 'wrong.sim.yaml'], { cwd: dir });
  assert.equal(result.code, 1);
  assert.match(result.stdout, /✗ expects the wrong queue \(line 4\)/);
  assert.match(result.stdout, /routedTo: the conversation was not routed \(expected "5e0c1c9a-3d2b-4b1e-8a11-0b1d2e3f4a01"\)\n\s+expected: "5e0c1c9a-3d2b-4b1e-8a11-0b1d2e3f4a01"\n\s+actual: {3}null\n\s+why: {6}at route_intent: no condition matched \(intent is "unknown"; topic is not set\)/);
  assert.match(result.stdout, /end\.reason: the run ended with reason "waiting-for-input"/);
  assert.match(result.stdout, /^0 passed, 1 failed \(1 suite\)$/m);
});

test('--reporter junit -o writes the XML file and still shows the text report', async () => {
  const dir = await project();
  await writeFile(join(dir, 'wrong.sim.yaml'), FAILING);
  const result = await runCli(['test', '--reporter', 'junit', '-o', 'junit.xml'], { cwd: dir });
  assert.equal(result.code, 1);
  assert.match(result.stdout, /9 passed, 1 failed \(3 suites\)/);
  const xml = await readFile(join(dir, 'junit.xml'), 'utf8');
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="gcflow test" tests="10" failures="1" errors="0"/);
  assert.match(xml, /<testcase name="expects the wrong queue" classname="wrong.sim.yaml" file="wrong.sim.yaml" line="4" time="\d+\.\d{3}">\n\s+<failure message="routedTo: the conversation was not routed/);
  assert.equal((xml.match(/<testsuite /g) ?? []).length, 3);
});

test('--reporter json with --coverage gives results and per-flow coverage; --coverage-file writes the coverage', async () => {
  const dir = await project();
  const result = await runCli(['test', 'examples/support.sim.yaml', '--reporter', 'json', '--coverage', '--coverage-file', 'coverage.json'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout) as { passed: number; coverage: { flows: Array<{ file: string; percent: number; nodes: unknown[]; branches: unknown[] }> } };
  assert.equal(report.passed, 7);
  assert.equal(report.coverage.flows[0].file, 'examples/support.flow.yaml');
  const file = JSON.parse(await readFile(join(dir, 'coverage.json'), 'utf8')) as { flows: Array<{ flowId: string; percent: number; branches: Array<{ node: string; index: number | string; covered: boolean }> }> };
  assert.equal(file.flows[0].flowId, '9b2d4f61-7c3e-4a8b-b5d0-2e6f8a1c3d47');
  assert.deepEqual(file.flows[0].branches.map((b) => b.index), [0, 1, 2, 'default']);
});

test('--min-coverage fails the run when a flow is below it, naming the flow', async () => {
  const dir = await project();
  await writeFile(join(dir, 'one.sim.yaml'), 'flow: examples/support.flow.yaml\nprofile: dev\ncases:\n  - messages: ["my bill"]\n    expect: { end: routed }\n');
  const low = await runCli(['test', 'one.sim.yaml', '--min-coverage', '90'], { cwd: dir });
  assert.equal(low.code, 1);
  assert.match(low.stderr, /coverage: examples\/support\.flow\.yaml is 50% covered, below the minimum of 90%/);
  const ok = await runCli(['test', 'one.sim.yaml', '--min-coverage', '50%'], { cwd: dir });
  assert.equal(ok.code, 0, ok.stderr);
});

test('a Web Messaging Tester file without a flow: key runs with --flow, and is a clean error without it', async () => {
  const dir = await project();
  await writeFile(join(dir, 'scenarios.yml'), 'config:\n  deploymentId: x\n  region: mypurecloud.com\nscenarios:\n  Bill:\n    - say: my bill\n    - waitForReplyContaining: billing team\n');
  const run = await runCli(['test', 'scenarios.yml', '--flow', 'examples/support.flow.yaml', '--profile', 'dev'], { cwd: dir });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /✓ Bill/);
  const missing = await runCli(['test', 'scenarios.yml'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stdout, /✗ cannot run: the suite names no flow; add `flow: path\/to\/flow.yaml` .* or pass --flow FILE \[GCF961\]/);
});

test('no suites found, a bad --min-coverage and a malformed suite are exit 2', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gcflow-test-'));
  const none = await runCli(['test'], { cwd: dir });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no suites found under the current folder/);
  const bad = await runCli(['test', '--min-coverage', '150'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--min-coverage "150" is not a percentage/);
  await writeFile(join(dir, 'bad.sim.yaml'), 'flow: x.yaml\ncases:\n  - expect: { routed: q }\n');
  const malformed = await runCli(['test'], { cwd: dir });
  assert.equal(malformed.code, 2);
  assert.match(malformed.stdout, /cannot run: line 3: expect has an unknown key "routed"/);
});
