// `gcflow simulate` through the real bin: the chat, the JSON trace, environments, data, transcripts, exit codes, masking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, SEED_FLOW } from './support/run-cli.js';

const EXAMPLE = 'examples/support.flow.yaml';
const DEV_BILLING = '5e0c1c9a-3d2b-4b1e-8a11-0b1d2e3f4a01';

test('the example routes "I need help with my bill" to the billing queue of the dev profile, shown as a chat with the path', async () => {
  const result = await runCli(['simulate', EXAMPLE, '--profile', 'dev', '-m', 'I need help with my bill', '--now', '2024-05-01T09:30:00Z']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^customer {2}I need help with my bill +│ {2}1 start$/m);
  assert.match(result.stdout, /^flow {6}Hi, thanks for contacting Acme +│ {2}2 greet {2}set contacted_at = "2024-05-01T09:30:00.000Z"$/m);
  assert.match(result.stdout, /│ {2}3 classify_request {2}intent = "billing" \(matched "bill"\)/);
  assert.match(result.stdout, /│ {2}4 route_intent {2}→ billing_queue \(intent equals "billing"\)/);
  assert.match(result.stdout, /^path: start → greet → classify_request → route_intent → billing_queue → done$/m);
  assert.match(result.stdout, new RegExp(`^end: {2}routed to queue ${DEV_BILLING} \\(Billing\\), ended at done$`, 'm'));
  assert.equal(result.stderr, '');
});

test('--format json prints the trace', async () => {
  const result = await runCli(['simulate', EXAMPLE, '--profile', 'prod', '-m', 'hello', '-m', 'my router is broken', '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const trace = JSON.parse(result.stdout) as { path: string[]; routedTo: string; end: { reason: string }; variables: Record<string, string>; steps: unknown[] };
  assert.equal(trace.routedTo, 'c84a1e6d-2f5b-4d93-a7c0-e3b6d9f21a58');
  assert.equal(trace.end.reason, 'routed');
  assert.equal(trace.variables.topic, 'my router is broken');
  assert.deepEqual(trace.path.slice(3, 6), ['route_intent', 'ask_topic', 'classify_request']);
  assert.equal(trace.steps.length, trace.path.length);
});

test('the seed flow ends at default_end and says why: nothing sets intent', async () => {
  const result = await runCli(['simulate', SEED_FLOW, '-m', 'I need help with my bill']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /3 route_intent {2}→ default_end \(default: intent is not set \(nothing in this flow sets intent; give it as initial data\)\)/);
  assert.match(result.stdout, /^end: {2}ended at default_end without routing$/m);
});

test('--data sets variables; a needed {env.NAME} without a value ends with an error naming it (exit 1)', async () => {
  const result = await runCli(['simulate', SEED_FLOW, '-m', 'hi', '--data', 'intent=billing'], { env: { BILLING_QUEUE_ID: undefined } });
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^end: {2}error at billing_queue: .*\{env\.BILLING_QUEUE_ID\}.*give BILLING_QUEUE_ID/m);
});

test('{env.NAME} values come from the process environment and from --env-file', async () => {
  const fromProcess = await runCli(['simulate', SEED_FLOW, '-m', 'hi', '-d', 'intent=technical', '-f', 'json'], { env: { TECH_QUEUE_ID: 'q-tech-from-env' } });
  assert.equal(fromProcess.code, 0, fromProcess.stderr);
  assert.equal((JSON.parse(fromProcess.stdout) as { routedTo: string }).routedTo, 'q-tech-from-env');
  const dir = await mkdtemp(join(tmpdir(), 'gcflow-sim-'));
  await writeFile(join(dir, 'my.env'), 'BILLING_QUEUE_ID=q-billing-file\n');
  const fromFile = await runCli(['simulate', SEED_FLOW, '-m', 'hi', '-d', 'intent=billing', '-e', join(dir, 'my.env'), '-f', 'json']);
  assert.equal((JSON.parse(fromFile.stdout) as { routedTo: string }).routedTo, 'q-billing-file');
});

test('--transcript reads customer turns from YAML (the flow side is skipped), then --message', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gcflow-sim-'));
  await writeFile(join(dir, 'chat.yaml'), '- { from: customer, text: hello }\n- { from: flow, text: "Hi, thanks" }\n');
  const result = await runCli(['simulate', EXAMPLE, '--profile', 'dev', '--transcript', join(dir, 'chat.yaml'), '-m', 'an invoice question', '-f', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const trace = JSON.parse(result.stdout) as { routedTo: string; variables: Record<string, string> };
  assert.equal(trace.routedTo, DEV_BILLING);
  assert.equal(trace.variables.topic, 'an invoice question');
});

test('waiting for input is a normal end (exit 0) that says which node waits', async () => {
  const result = await runCli(['simulate', EXAMPLE, '-m', 'hello']);
  assert.equal(result.code, 0);
  assert.match(result.stdout, /^end: {2}waiting for input at ask_topic: node ask_topic waits for the customer's reply \(into topic\)/m);
});

test('a secret-named environment value never appears in the output', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gcflow-sim-'));
  const flow = {
    id: 'f', version: 1, name: 'leak', status: 'draft',
    nodes: { start: { type: 'start', transition: 'a' }, a: { type: 'action', actions: [{ name: 'sendMessage', text: 'token={env.API_TOKEN}' }], transition: 'done' }, done: { type: 'end' } },
  };
  await writeFile(join(dir, 'leak.flow.json'), JSON.stringify(flow));
  for (const format of ['text', 'json']) {
    const result = await runCli(['simulate', join(dir, 'leak.flow.json'), '-f', format], { env: { API_TOKEN: 's3cr3t-value' } });
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stdout + result.stderr, /s3cr3t-value/);
    assert.match(result.stdout, /token=\*\*\*\*/);
  }
});

const usageErrors: Array<{ name: string; args: string[]; message: RegExp }> = [
  { name: 'a missing flow file', args: ['simulate', 'nope.flow.yaml'], message: /nope\.flow\.yaml: no such file \[GCF901\]/ },
  { name: '--data without =', args: ['simulate', EXAMPLE, '--data', 'intent'], message: /--data "intent" is not name=value \(e\.g\. --data intent=billing\) \[GCF965\]/ },
  { name: 'a bad --step-limit', args: ['simulate', EXAMPLE, '--step-limit', 'lots'], message: /--step-limit "lots" is not a whole number/ },
  { name: 'a bad --now', args: ['simulate', EXAMPLE, '--now', 'yesterday'], message: /--now "yesterday" is not a date and time/ },
  { name: 'a missing transcript', args: ['simulate', EXAMPLE, '--transcript', 'nope.yaml'], message: /nope\.yaml: no such transcript file \[GCF967\]/ },
  { name: 'an unknown profile', args: ['simulate', EXAMPLE, '--profile', 'staging'], message: /profile "staging" not found/ },
];

for (const c of usageErrors) {
  test(`${c.name} is one clean line and exit 2`, async () => {
    const result = await runCli(c.args);
    assert.equal(result.code, 2);
    assert.match(result.stderr, c.message);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.doesNotMatch(result.stderr, /at .*\.js:\d+/);
  });
}

test('a loop without a wait stops at --step-limit, names the loop and exits 1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gcflow-sim-'));
  const flow = { id: 'f', version: 1, name: 'loop', status: 'draft', nodes: { start: { type: 'start', transition: 'a' }, a: { type: 'action', actions: [], transition: 'b' }, b: { type: 'action', actions: [], transition: 'a' } } };
  await writeFile(join(dir, 'loop.flow.json'), JSON.stringify(flow));
  const result = await runCli(['simulate', join(dir, 'loop.flow.json'), '--step-limit', '20']);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /stopped at b: the step limit \(20\) was reached: the flow loops through b → a → b without waiting for the customer/);
});
