import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsonpatch from 'fast-json-patch';
import { stringify } from 'yaml';
import { runCli, SEED_FLOW } from './support/run-cli.js';

// Runs the real bin over dist/: build first (npx tsc -p tsconfig.build.json).
const seed = JSON.parse(readFileSync(SEED_FLOW, 'utf8'));
const ESC = '\u001b';
let dir: string;
let release: string;
let releaseYaml: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gcflow-diff-'));
  const edited = structuredClone(seed);
  edited.version = 2;
  edited.status = 'published';
  edited.nodes.route_intent.conditions.unshift({ variable: 'intent', condition: 'equals', value: 'sales', transition: 'sales_queue' });
  edited.nodes.sales_queue = { type: 'action', actions: [{ name: 'route', queueId: '{sales_queue_id}' }], transition: 'default_end' };
  edited.nodes.billing_queue.actions[0].queueId = '{billing_queue_eu}';
  release = join(dir, 'release.flow.json');
  writeFileSync(release, JSON.stringify(edited, null, 2));
  releaseYaml = join(dir, 'release.flow.yaml');
  writeFileSync(releaseYaml, stringify(edited));
});

after(() => rmSync(dir, { recursive: true, force: true }));

const RELEASE_LINES = [
  'Version updated: 1 -> 2',
  'Status changed: draft -> published',
  'Action changed: billing_queue[0] queueId: "{billing_queue_id}" -> "{billing_queue_eu}"',
  'Condition added: route_intent[0] intent equals "sales" -> sales_queue',
  'Node added: sales_queue',
];

test('the seed flow against itself: no changes, exit 0, also with --exit-code', async () => {
  const plain = await runCli(['diff', SEED_FLOW, SEED_FLOW]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stdout, 'No changes.\n');
  assert.equal(plain.stderr, '');
  assert.equal((await runCli(['diff', SEED_FLOW, SEED_FLOW, '--exit-code'])).code, 0);
});

test('text output is grouped by node, plain when piped, exit 0 without --exit-code and 1 with it', async () => {
  const result = await runCli(['diff', SEED_FLOW, release]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  assert.ok(!result.stdout.includes(ESC), 'no colour codes when piped');
  assert.equal(
    result.stdout,
    [
      'flow',
      `  ~ ${RELEASE_LINES[0]}`,
      `  ~ ${RELEASE_LINES[1]}`,
      'node billing_queue',
      `  ~ ${RELEASE_LINES[2]}`,
      'node route_intent',
      `  + ${RELEASE_LINES[3]}`,
      'node sales_queue',
      `  + ${RELEASE_LINES[4]}`,
      '',
      '5 changes: 1 node added, 0 removed, 2 changed; 2 flow-level changes',
      '',
    ].join('\n'),
  );
  assert.equal((await runCli(['diff', SEED_FLOW, release, '--exit-code'])).code, 1);
});

test('colour when forced, none with NO_COLOR', async () => {
  const coloured = await runCli(['diff', SEED_FLOW, release], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
  assert.ok(coloured.stdout.includes(`${ESC}[32m+ Node added: sales_queue`), 'added in green');
  assert.ok(coloured.stdout.includes(`${ESC}[33m~ Version updated`), 'changed in yellow');
  const plain = await runCli(['diff', SEED_FLOW, release], { env: { NO_COLOR: '1', FORCE_COLOR: undefined } });
  assert.ok(!plain.stdout.includes(ESC));
});

test('either side may be YAML: the same changes as from JSON', async () => {
  const result = await runCli(['diff', SEED_FLOW, releaseYaml, '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.deepEqual(report.changes.map((c: { description: string }) => c.description), RELEASE_LINES);
});

test('a JavaScript module exporting the flow diffs like its JSON', async () => {
  const module = join(dir, 'seed.flow.mjs');
  writeFileSync(module, `export default ${JSON.stringify(seed)};\n`);
  const result = await runCli(['diff', module, SEED_FLOW, '--exit-code']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, 'No changes.\n');
});

test('--format json: files, summary and structured changes with pointers', async () => {
  const result = await runCli(['diff', SEED_FLOW, release, '--format', 'json', '--exit-code']);
  assert.equal(result.code, 1, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(report.old, SEED_FLOW);
  assert.equal(report.new, release);
  assert.equal(report.changed, true);
  assert.deepEqual(report.summary.nodes, { added: 1, removed: 0, changed: 2 });
  const added = report.changes.find((c: { kind: string }) => c.kind === 'condition-added');
  assert.equal(added.newPointer, '/nodes/route_intent/conditions/0');
});

test('--format json-patch turns the old flow into the new one', async () => {
  const result = await runCli(['diff', SEED_FLOW, release, '--format', 'json-patch']);
  assert.equal(result.code, 0, result.stderr);
  const patched = jsonpatch.applyPatch(structuredClone(seed), JSON.parse(result.stdout), true, true).newDocument;
  assert.deepEqual(patched, JSON.parse(readFileSync(release, 'utf8')));
  const none = await runCli(['diff', SEED_FLOW, SEED_FLOW, '--format', 'json-patch', '--exit-code']);
  assert.equal(none.code, 0, none.stderr);
  assert.equal(none.stdout, '[]\n');
});

test('--format markdown: a summary table and per-node diff blocks', async () => {
  const result = await runCli(['diff', SEED_FLOW, release, '--format', 'markdown']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /\| Nodes \| 1 \| 0 \| 2 \|/);
  assert.match(result.stdout, /\*\*`sales_queue`\*\*\n\n```diff\n\+ Node added: sales_queue\n```/);
  assert.match(result.stdout, /#### Flow\n\n```diff\n! Version updated: 1 -> 2\n! Status changed: draft -> published\n```/);
});

test('bad input: exit 2 with one clean line, also with --exit-code', async () => {
  const notAFlow = join(dir, 'not-a-flow.json');
  writeFileSync(notAFlow, '{"id": "x"}');
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"id": "x",}');
  const cases: Array<[string[], RegExp]> = [
    [['diff', SEED_FLOW, join(dir, 'missing.json'), '--exit-code'], /missing\.json: no such file \[GCF901\]/],
    [['diff', broken, SEED_FLOW], /broken\.json:1:\d+: JSON does not allow a trailing comma; remove it \[GCF906\]/],
    [['diff', SEED_FLOW, notAFlow, '--exit-code'], /not-a-flow\.json.*no "nodes" map.*\[GCF930\]/],
    [['diff', SEED_FLOW, dir], /this is a directory.*\[GCF902\]/],
  ];
  for (const [args, message] of cases) {
    const result = await runCli(args);
    assert.equal(result.code, 2, args.join(' '));
    assert.equal(result.stdout, '');
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('--env-file: both sides are compared after the same {env.NAME} resolution, and secrets are masked', async () => {
  const moved = structuredClone(seed);
  moved.environmentVariables.billing_queue_id = '{env.BILLING_QUEUE_EU}';
  const movedFile = join(dir, 'moved.flow.json');
  writeFileSync(movedFile, JSON.stringify(moved));
  const envFile = join(dir, 'prod.env');
  writeFileSync(envFile, 'BILLING_QUEUE_ID=q-billing\nBILLING_QUEUE_EU=q-billing\nTECH_QUEUE_ID=q-tech\nAPI_TOKEN=s3cr3t-t0ken\n');
  const asWritten = await runCli(['diff', SEED_FLOW, movedFile, '--exit-code']);
  assert.equal(asWritten.code, 1, 'as written, the placeholder changed');
  const resolved = await runCli(['diff', SEED_FLOW, movedFile, '--exit-code', '--env-file', envFile]);
  assert.equal(resolved.code, 0, `both resolve to the same queue: ${resolved.stdout}`);
  assert.equal(resolved.stderr, '');

  const leaky = structuredClone(seed);
  leaky.environmentVariables.api_token = '{env.API_TOKEN}';
  leaky.environmentVariables.other = '{env.NOT_SET_ANYWHERE}';
  const leakyFile = join(dir, 'leaky.flow.json');
  writeFileSync(leakyFile, JSON.stringify(leaky));
  for (const format of ['text', 'json', 'json-patch', 'markdown']) {
    const result = await runCli(['diff', SEED_FLOW, leakyFile, '--env-file', envFile, '--format', format]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!result.stdout.includes('s3cr3t-t0ken'), `${format}: the secret is masked`);
    assert.match(result.stdout, /\*\*\*\*/);
    assert.match(result.stderr, /leaky\.flow\.json: no value for \{env\.NOT_SET_ANYWHERE\}; compared as written/);
  }
});

test('usage errors exit 2: an unknown format, a missing argument', async () => {
  const format = await runCli(['diff', SEED_FLOW, release, '--format', 'xml']);
  assert.equal(format.code, 2, format.stderr);
  assert.match(format.stderr, /Allowed choices are text, json, json-patch, markdown/);
  assert.equal((await runCli(['diff', SEED_FLOW])).code, 2);
});
