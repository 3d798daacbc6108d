// `gcflow resolve` through the real bin: values filled as data, all missing names at once, YAML, secrets masked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runCli, SEED_FLOW } from './support/run-cli.js';

// Runs the real bin over dist/: build first (npx tsc -p tsconfig.build.json).
let dir: string;
const at = (name: string): string => join(dir, name);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gcflow-resolve-'));
  writeFileSync(at('seed.flow.json'), readFileSync(SEED_FLOW, 'utf8'));
  const withSecret = JSON.parse(readFileSync(SEED_FLOW, 'utf8'));
  withSecret.environmentVariables.api_token = '{env.CRM_API_TOKEN}';
  writeFileSync(at('secret.flow.json'), JSON.stringify(withSecret, null, 2));
  mkdirSync(at('environments'));
  writeFileSync(at('environments/prod.env'), 'BILLING_QUEUE_ID=q-billing\nTECH_QUEUE_ID=q-tech-profile\nCRM_API_TOKEN=tok-123456789\n');
  writeFileSync(at('override.env'), 'TECH_QUEUE_ID=q-tech-file\n');
  writeFileSync(at('attack.env'), 'BILLING_QUEUE_ID=\'", "status": "published", "x": "{env.TECH_QUEUE_ID}} {now}\'\nTECH_QUEUE_ID="line1\\nline2"\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

const clean = { BILLING_QUEUE_ID: undefined, TECH_QUEUE_ID: undefined, CRM_API_TOKEN: undefined };

test('prints the flow with values from the profile, the env file winning over it and over the process env', async () => {
  const result = await runCli(['resolve', 'seed.flow.json', '--profile', 'prod', '--env-file', 'override.env'], { cwd: dir, env: { ...clean, TECH_QUEUE_ID: 'q-tech-process' } });
  assert.equal(result.code, 0, result.stderr);
  const flow = JSON.parse(result.stdout);
  assert.deepEqual(flow.environmentVariables, { billing_queue_id: 'q-billing', tech_queue_id: 'q-tech-file' });
  assert.equal(flow.nodes.billing_queue.actions[0].queueId, '{billing_queue_id}', 'flow variables are left for the runtime');
  const fromProcess = JSON.parse((await runCli(['resolve', 'seed.flow.json'], { cwd: dir, env: { ...clean, BILLING_QUEUE_ID: 'b', TECH_QUEUE_ID: 't' } })).stdout);
  assert.deepEqual(fromProcess.environmentVariables, { billing_queue_id: 'b', tech_queue_id: 't' });
});

test('reports every missing name at once in one clean line (exit 1)', async () => {
  const result = await runCli(['resolve', 'seed.flow.json'], { cwd: dir, env: clean });
  assert.equal(result.code, 1);
  assert.equal(result.stdout, '');
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^error seed\.flow\.json:76:25 #\/environmentVariables\/billing_queue_id: 2 environment values are missing: BILLING_QUEUE_ID \(\/environmentVariables\/billing_queue_id\); TECH_QUEUE_ID \(\/environmentVariables\/tech_queue_id\); .* \[GCF920\]$/);
});

test('values are data: quotes, braces, newlines and {env.X} text cannot change the structure or be substituted again', async () => {
  const result = await runCli(['resolve', 'seed.flow.json', '--env-file', 'attack.env'], { cwd: dir, env: clean });
  assert.equal(result.code, 0, result.stderr);
  const flow = JSON.parse(result.stdout);
  assert.equal(flow.status, 'draft');
  assert.equal(flow.environmentVariables.billing_queue_id, '", "status": "published", "x": "{env.TECH_QUEUE_ID}} {now}');
  assert.equal(flow.environmentVariables.tech_queue_id, 'line1\nline2');
  assert.deepEqual(Object.keys(flow), Object.keys(JSON.parse(readFileSync(SEED_FLOW, 'utf8'))));
});

test('--yaml prints the same flow as YAML, and secret values are masked in either format', async () => {
  for (const args of [['--yaml'], []]) {
    const result = await runCli(['resolve', 'secret.flow.json', '--profile', 'prod', ...args], { cwd: dir, env: clean });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!result.stdout.includes('tok-123456789'), 'the secret never appears');
    const flow = args.length ? parseYaml(result.stdout) : JSON.parse(result.stdout);
    assert.deepEqual(flow.environmentVariables, { billing_queue_id: 'q-billing', tech_queue_id: 'q-tech-profile', api_token: '****' });
  }
});

test('bad input: a missing flow or env file is one clean line and exit 2', async () => {
  const missing = await runCli(['resolve', 'nope.flow.json'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^error nope\.flow\.json: no such file \[GCF901\]\n$/);
  // `-e`, not `--env-file`: Node 20 itself reads --env-file anywhere on the command line and exits 9 when the file is missing.
  const envFile = await runCli(['resolve', 'seed.flow.json', '-e', 'nope.env'], { cwd: dir });
  assert.equal(envFile.code, 2);
  assert.match(envFile.stderr, /^error nope\.env: no such env file \[GCF923\]\n$/);
});
