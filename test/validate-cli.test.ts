// `gcflow validate` through the real bin: exit codes, --strict, text/JSON/SARIF output, bad inputs, profiles, colour.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCli, SEED_FLOW, REPO_ROOT } from './support/run-cli.js';

// Runs the real bin over dist/: build first (npx tsc -p tsconfig.build.json).
const ESC = '\u001b';
const seedText = readFileSync(SEED_FLOW, 'utf8');
let dir: string;
const at = (name: string): string => join(dir, name);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gcflow-validate-'));
  writeFileSync(at('seed.flow.json'), seedText);
  const broken = JSON.parse(seedText);
  broken.nodes.tech_queue.transition = 'nowhere';
  writeFileSync(at('broken.flow.json'), JSON.stringify(broken, null, 2));
  writeFileSync(at('empty.flow.json'), '  \n');
  writeFileSync(at('malformed.flow.json'), '{\n  "id": "x",\n  "version": 1,\n}\n');
  writeFileSync(at('dup.flow.yaml'), 'id: a\nid: b\n');
  writeFileSync(at('array.flow.json'), '[1, 2]\n');
  writeFileSync(at('latin1.flow.json'), Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]));
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let level = 1; level < 9; level++) bomb.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
  writeFileSync(at('bomb.flow.yaml'), `${bomb.join('\n')}\n`);
  writeFileSync(at('bom.flow.json'), `\ufeff${seedText}`);
  mkdirSync(at('folder.json'));
  mkdirSync(at('environments'));
  writeFileSync(at('environments/prod.env'), 'BILLING_QUEUE_ID=q-billing\nTECH_QUEUE_ID=q-tech\n');
  writeFileSync(at('environments/half.env'), 'BILLING_QUEUE_ID=q-billing\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the seed flow passes with its one warning (exit 0), in plain text when not on a terminal', async () => {
  const result = await runCli(['validate', 'seed.flow.json'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  assert.ok(!result.stdout.includes(ESC), 'no colour when stdout is not a terminal');
  const lines = result.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'seed.flow.json');
  assert.match(lines[1], /^ {2}seed\.flow\.json:31:23 {2}warning {2}variable "intent" is read by 2 conditions but nothing sets it; .* {2}GCF014$/);
  assert.equal(lines.at(-1), '⚠ 0 errors, 1 warning in 1 file');
});

test('--strict fails on warnings (exit 1); errors fail without it', async () => {
  assert.equal((await runCli(['validate', '--strict', 'seed.flow.json'], { cwd: dir })).code, 1);
  const broken = await runCli(['validate', 'broken.flow.json', 'seed.flow.json'], { cwd: dir });
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, /broken\.flow\.json:\d+:\d+ +error {4}node "tech_queue" transitions to "nowhere", but there is no node "nowhere"; add that node or fix the id {2}GCF003/);
  assert.match(broken.stdout, /✖ 1 error, 2 warnings in 2 files\n$/);
});

test('--format json has the documented, stable shape', async () => {
  const result = await runCli(['validate', '--format', 'json', 'broken.flow.json', 'seed.flow.json'], { cwd: dir });
  assert.equal(result.code, 1);
  const report = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(report), ['version', 'valid', 'strict', 'summary', 'files']);
  assert.deepEqual(report.summary, { files: 2, errors: 1, warnings: 2, unreadable: 0 });
  assert.equal(report.valid, false);
  assert.deepEqual(Object.keys(report.files[0]), ['file', 'valid', 'unreadable', 'errorCount', 'warningCount', 'findings']);
  assert.deepEqual(report.files[0].findings.find((f: { code: string }) => f.code === 'GCF003'), {
    code: 'GCF003',
    severity: 'error',
    message: 'node "tech_queue" transitions to "nowhere", but there is no node "nowhere"; add that node or fix the id',
    pointer: '/nodes/tech_queue/transition',
    line: 63,
    column: 21,
  });
  assert.equal(report.files[1].valid, true);
});

test('--format sarif is SARIF 2.1.0 with rules, levels and relative forward-slash locations', async () => {
  const result = await runCli(['validate', '--format', 'sarif', relative(REPO_ROOT, at('broken.flow.json'))], { cwd: REPO_ROOT });
  assert.equal(result.code, 1);
  const sarif = JSON.parse(result.stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'gcflow');
  assert.match(run.tool.driver.version, /^\d+\.\d+\.\d+/);
  assert.ok(run.tool.driver.informationUri.startsWith('https://'));
  const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
  for (let n = 1; n <= 17; n++) assert.ok(ruleIds.includes(`GCF${String(n).padStart(3, '0')}`));
  for (const rule of run.tool.driver.rules) assert.ok(rule.shortDescription.text.length > 0);
  const error = run.results.find((r: { ruleId: string }) => r.ruleId === 'GCF003');
  assert.equal(error.level, 'error');
  assert.equal(run.tool.driver.rules[error.ruleIndex].id, 'GCF003');
  assert.match(error.message.text, /nowhere/);
  const location = error.locations[0].physicalLocation;
  assert.equal(location.artifactLocation.uri, relative(REPO_ROOT, at('broken.flow.json')).split(/[\\/]/).join('/'));
  assert.doesNotMatch(location.artifactLocation.uri, /\\/);
  assert.deepEqual(location.region, { startLine: 63, startColumn: 21 });
  assert.equal(run.results.find((r: { ruleId: string }) => r.ruleId === 'GCF014').level, 'warning');
});

test('unreadable inputs: one clean line each, no stack trace, the other files still checked, exit 2', async () => {
  const expected = [
    /^error missing\.flow\.json: no such file \[GCF901\]$/,
    /^error folder\.json: this is a directory.* \[GCF902\]$/,
    /^error empty\.flow\.json: the file is empty.* \[GCF904\]$/,
    /^error malformed\.flow\.json:3:15: JSON does not allow a trailing comma; remove it \[GCF906\]$/,
    /^error dup\.flow\.yaml:2:1: duplicate key.* \[GCF907\]$/,
    /^error array\.flow\.json.*: the top level of a flow must be an object.* \[GCF909\]$/,
    /^error latin1\.flow\.json: the file is not valid UTF-8.* \[GCF905\]$/,
    /^error bomb\.flow\.yaml: .*alias bomb.* \[GCF908\]$/,
  ];
  const files = ['missing.flow.json', 'folder.json', 'empty.flow.json', 'malformed.flow.json', 'dup.flow.yaml', 'array.flow.json', 'latin1.flow.json', 'bomb.flow.yaml', 'bom.flow.json'];
  const result = await runCli(['validate', ...files], { cwd: dir });
  assert.equal(result.code, 2);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, expected.length, result.stderr);
  lines.forEach((line, i) => assert.match(line, expected[i]));
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  assert.match(result.stdout, /bom\.flow\.json:31:23/, 'the readable file (with a byte-order mark) is still checked');
  assert.match(result.stdout, /in 9 files, 8 files could not be checked\n$/);
  const json = JSON.parse((await runCli(['validate', '-f', 'json', 'missing.flow.json'], { cwd: dir })).stdout);
  assert.deepEqual(json.files[0].findings, [{ code: 'GCF901', severity: 'error', message: 'no such file' }]);
  assert.equal(json.summary.unreadable, 1);
});

test('usage errors exit 2', async () => {
  assert.equal((await runCli(['validate'], { cwd: dir })).code, 2);
  assert.equal((await runCli(['validate', '--format', 'xml', 'seed.flow.json'], { cwd: dir })).code, 2);
});

test('with a profile, every {env.NAME} needs a value; missing ones are errors at their line', async () => {
  const half = await runCli(['validate', '--profile', 'half', 'seed.flow.json'], { cwd: dir, env: { TECH_QUEUE_ID: undefined } });
  assert.equal(half.code, 1);
  assert.match(half.stdout, /seed\.flow\.json:77:22 +error {4}\{env\.TECH_QUEUE_ID\} has no value; add TECH_QUEUE_ID=\.\.\. .* {2}GCF016/);
  assert.equal((await runCli(['validate', '--profile', 'prod', 'seed.flow.json'], { cwd: dir })).code, 0);
  const envFile = await runCli(['validate', '--profile', 'half', '--env-file', 'environments/prod.env', 'seed.flow.json'], { cwd: dir });
  assert.equal(envFile.code, 0);
  const missingProfile = await runCli(['validate', '--profile', 'staging', 'seed.flow.json'], { cwd: dir });
  assert.equal(missingProfile.code, 2);
  assert.match(missingProfile.stderr, /profile "staging" not found: there is no environments\/staging\.env/);
});

test('colour on request (FORCE_COLOR), never with NO_COLOR', async () => {
  const forced = await runCli(['validate', 'seed.flow.json'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
  assert.ok(forced.stdout.includes(`${ESC}[`));
  const noColor = await runCli(['validate', 'seed.flow.json'], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
  assert.ok(!noColor.stdout.includes(ESC));
});
