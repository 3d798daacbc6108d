// Environment values: precedence of sources, profiles and config, every missing name at once, values as data, secret masking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GcflowError } from '../flow/diagnostic.js';
import { loadEnvironment, EnvironmentErrorCode } from './load-environment.js';
import { missingEnvironmentError, resolveFlowEnvironment } from './resolve-flow-environment.js';
import { isSecretName, maskSecrets, maskedValues } from './secret-names.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gcflow-env-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function loadError(options: Parameters<typeof loadEnvironment>[0]): Promise<GcflowError> {
  try {
    await loadEnvironment(options);
  } catch (error) {
    assert.ok(error instanceof GcflowError, String(error));
    return error;
  }
  assert.fail('expected loading the environment to fail');
}

test('later sources win: process environment < profile < env file', async () => {
  const dir = project({
    'flows/main.flow.json': '{}',
    'flows/environments/prod.env': 'A=profile\nB=profile\n',
    'local.env': 'B=file\n',
  });
  const values = await loadEnvironment({ flowFile: 'flows/main.flow.json', profile: 'prod', envFile: 'local.env', cwd: dir, processEnv: { A: 'process', B: 'process', C: 'process' } });
  assert.deepEqual({ A: values.A, B: values.B, C: values.C }, { A: 'profile', B: 'file', C: 'process' });
});

test('a profile is read from the folder gcflow.config.json names, relative to the config file', async () => {
  const dir = project({
    'gcflow.config.json': '{"environmentsDir": "config/envs"}',
    'config/envs/test.env': 'QUEUE_ID=from-config\n',
    'flows/main.flow.json': '{}',
  });
  const values = await loadEnvironment({ flowFile: 'flows/main.flow.json', profile: 'test', cwd: dir, processEnv: {} });
  assert.deepEqual(values, { QUEUE_ID: 'from-config' });
});

test('a gcflow.config.json in the flow folder wins over one in the working directory', async () => {
  const dir = project({
    'gcflow.config.json': '{"environmentsDir": "cwd-envs"}',
    'cwd-envs/p.env': 'WHERE=cwd\n',
    'flows/gcflow.config.json': '{"environmentsDir": "flow-envs"}',
    'flows/flow-envs/p.env': 'WHERE=flow\n',
    'flows/main.flow.json': '{}',
  });
  assert.equal((await loadEnvironment({ flowFile: 'flows/main.flow.json', profile: 'p', cwd: dir, processEnv: {} })).WHERE, 'flow');
});

test('dotenv syntax: comments, quotes, export prefixes; values are not expanded', async () => {
  const dir = project({ 'a.env': '# comment\nexport A=1\nB="two words"\nC=\'${A}\'\nD=${A}\nE="line1\\nline2"\n' });
  const values = await loadEnvironment({ envFile: 'a.env', cwd: dir, processEnv: {} });
  assert.deepEqual(values, { A: '1', B: 'two words', C: '${A}', D: '${A}', E: 'line1\nline2' });
});

test('bad profile names, missing profiles, missing or unreadable env files and bad config are clean errors (exit 2)', async () => {
  const dir = project({ 'flows/main.flow.json': '{}', 'bad/gcflow.config.json': '{nope', 'bad/f.json': '{}', 'dir.env/x': '' });
  const badName = await loadError({ profile: '../secrets', cwd: dir, processEnv: {} });
  assert.equal(badName.code, EnvironmentErrorCode.badProfileName);
  const notFound = await loadError({ flowFile: 'flows/main.flow.json', profile: 'prod', cwd: dir, processEnv: {} });
  assert.equal(notFound.code, EnvironmentErrorCode.profileNotFound);
  assert.match(notFound.message, /profile "prod" not found: there is no flows\/environments\/prod\.env/);
  assert.equal(notFound.exitCode, 2);
  assert.equal((await loadError({ envFile: 'missing.env', cwd: dir, processEnv: {} })).code, EnvironmentErrorCode.envFileUnreadable);
  const directory = await loadError({ envFile: 'dir.env', cwd: dir, processEnv: {} });
  assert.match(directory.message, /directory/);
  const config = await loadError({ flowFile: 'bad/f.json', profile: 'x', cwd: dir, processEnv: {} });
  assert.equal(config.code, EnvironmentErrorCode.badConfig);
});

const flow = {
  id: 'f',
  nodes: {
    start: { type: 'start', transition: 'act' },
    act: { type: 'action', actions: [{ name: 'sendMessage', text: 'Queue {env.QUEUE} for {name} in {env.REGION}' }], transition: 'done' },
  },
  environmentVariables: { queue_id: '{env.QUEUE}', token: '{env.API_TOKEN}', other: '{env.MISSING_ONE}' },
  '{env.QUEUE}': 'keys are never filled',
};

test('fills {env.NAME} in every string value, leaves {name} and keys alone, and does not change its input', () => {
  const before = structuredClone(flow);
  const { flow: resolved, missing } = resolveFlowEnvironment(flow, { QUEUE: 'q-1', REGION: 'eu', API_TOKEN: 't', MISSING_ONE: 'm' });
  assert.deepEqual(missing, []);
  assert.equal(resolved.nodes.act.actions[0].text, 'Queue q-1 for {name} in eu');
  assert.equal(resolved.environmentVariables.queue_id, 'q-1');
  assert.equal(resolved['{env.QUEUE}'], 'keys are never filled');
  assert.deepEqual(flow, before);
});

test('reports every missing name at once, with where each is used, in document order', () => {
  const { missing } = resolveFlowEnvironment(flow, { QUEUE: 'q-1' });
  assert.deepEqual(missing, [
    { name: 'REGION', pointer: '/nodes/act/actions/0/text' },
    { name: 'API_TOKEN', pointer: '/environmentVariables/token' },
    { name: 'MISSING_ONE', pointer: '/environmentVariables/other' },
  ]);
  const error = missingEnvironmentError(missing, { file: 'main.flow.json', locate: (pointer) => (pointer === '/nodes/act/actions/0/text' ? { line: 7, column: 3 } : undefined) });
  assert.equal(error.exitCode, 1);
  assert.deepEqual(error.location, { file: 'main.flow.json', pointer: '/nodes/act/actions/0/text', line: 7, column: 3 });
  for (const name of ['REGION', 'API_TOKEN', 'MISSING_ONE']) assert.match(error.message, new RegExp(name));
  assert.match(error.message, /^3 environment values are missing/);
});

test('values are data: quotes, braces, {env.OTHER} and newlines stay literal and change no structure', () => {
  const attacks = ['", "status": "published', '{env.OTHER}', '{now}', '}{', 'line1\nline2\r\n"x":1', '\\"', '$&$1'];
  for (const value of attacks) {
    const { flow: resolved, missing } = resolveFlowEnvironment(flow, { QUEUE: value, REGION: 'eu', API_TOKEN: 't', MISSING_ONE: 'm', OTHER: 'SHOULD-NOT-APPEAR' });
    assert.deepEqual(missing, []);
    assert.equal(resolved.environmentVariables.queue_id, value);
    assert.equal(resolved.nodes.act.actions[0].text, `Queue ${value} for {name} in eu`);
    assert.deepEqual(Object.keys(resolved), Object.keys(flow));
    assert.doesNotMatch(JSON.stringify(resolved), /SHOULD-NOT-APPEAR/);
  }
});

test('a "__proto__" key in parsed JSON stays an ordinary property and is filled', () => {
  const parsed = JSON.parse('{"__proto__": {"x": "{env.A}"}, "y": "{env.A}"}') as Record<string, unknown>;
  const { flow: resolved } = resolveFlowEnvironment(parsed, { A: 'a' });
  assert.equal(Object.getPrototypeOf(resolved), Object.prototype);
  assert.equal(JSON.stringify(resolved), '{"__proto__":{"x":"a"},"y":"a"}');
});

test('names ending in _SECRET, _TOKEN or _PASSWORD are secrets, and their values are masked wherever they appear', () => {
  assert.deepEqual(['CLIENT_SECRET', 'api_token', 'DB_PASSWORD', 'TOKEN', 'QUEUE_ID', 'SECRETARY', 'TOKENS'].map(isSecretName), [true, true, true, true, false, false, false]);
  const values = { CLIENT_SECRET: 's3"cr\\et', API_TOKEN: 'abc123', QUEUE_ID: 'abc' };
  const text = `secret=s3"cr\\et json=${JSON.stringify('s3"cr\\et')} token=abc123 queue=abc`;
  assert.equal(maskSecrets(text, values), 'secret=**** json="****" token=**** queue=abc');
  assert.deepEqual(maskedValues(values), { CLIENT_SECRET: '****', API_TOKEN: '****', QUEUE_ID: 'abc' });
});
