// `gcflow render` over the real bin: formats, output files written whole, simulation and coverage overlays, clean errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FlowDefinition } from '../src/flow/schema.js';
import { computeCoverage, coverageTotals, simulate } from '../src/simulate/index.js';
import { runCli, SEED_FLOW } from './support/run-cli.js';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gcflow-render-cli-'));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('mermaid is the default, on stdout', async () => {
  const result = await runCli(['render', SEED_FLOW]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^flowchart TD\n/);
  assert.ok(result.stdout.includes('  route_intent -.->|"default"| default_end'));
  assert.equal(result.stderr, '');
});

test('the format follows --format, else the -o file name', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--format', 'dot'], /^digraph "WebChat Support Flow" \{/],
    [['-f', 'mermaid'], /^flowchart TD/],
    [['--format', 'html'], /^<!doctype html>/],
    [['--direction', 'LR'], /^flowchart LR/],
  ];
  for (const [args, expected] of cases) {
    const result = await runCli(['render', SEED_FLOW, ...args]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, expected, args.join(' '));
  }
  for (const [name, expected] of [['flow.dot', /^digraph/], ['flow.html', /^<!doctype html>/], ['flow.mmd', /^flowchart/]] as const) {
    const file = join(dir, name);
    const result = await runCli(['render', SEED_FLOW, '-o', file]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(readFileSync(file, 'utf8'), expected, name);
    assert.match(result.stderr, new RegExp(`wrote .*${name.replace('.', '\\.')}`));
    assert.equal(result.stdout, '');
  }
});

test('an HTML page with a simulated run: findings, the path and the conversation are in it', async () => {
  const file = join(dir, 'traced.html');
  const result = await runCli(['render', SEED_FLOW, '-o', file, '-m', 'Hello, I need help']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /6 nodes, 1 finding, trace of 4 steps/);
  const html = readFileSync(file, 'utf8');
  assert.match(html, /data-node-id="route_intent"[^>]*data-step="3"/);
  assert.ok(html.includes('Hello, I need help'), 'the customer message is in the transcript');
  assert.ok(html.includes('GCF014'), 'the validation warning is shown');
  assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left behind');
});

test('--transcript runs the customer turns of a file; --no-validate leaves findings out', async () => {
  const transcript = join(dir, 'chat.json');
  writeFileSync(transcript, JSON.stringify([{ from: 'customer', text: 'hi' }, { from: 'flow', text: 'ignored' }]));
  const result = await runCli(['render', SEED_FLOW, '--transcript', transcript, '--format', 'html', '--no-validate']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /data-node-id="default_end"[^>]*data-step="4"/);
  assert.ok(!result.stdout.includes('GCF014'));
});

test('--coverage reads what gcflow test --coverage-file writes and marks what no test reached', async () => {
  const seed = JSON.parse(readFileSync(SEED_FLOW, 'utf8')) as FlowDefinition;
  const coverageFile = join(dir, 'coverage.json');
  writeFileSync(coverageFile, JSON.stringify(coverageTotals([computeCoverage(seed, SEED_FLOW, [simulate(seed, { messages: ['x'] })])])));
  const result = await runCli(['render', SEED_FLOW, '--coverage', coverageFile]);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(result.stdout.includes('  class billing_queue,tech_queue gcUncovered'), result.stdout);
});

test('environment values that are secrets never appear in the drawing', async () => {
  const flow = {
    id: 'secret-flow', version: 1, name: 'Secret', status: 'draft',
    environmentVariables: { token: '{env.API_TOKEN}' },
    nodes: {
      start: { type: 'start', transition: 'say' },
      say: { type: 'action', actions: [{ name: 'sendMessage', text: 'token is {token}' }], transition: 'done' },
      done: { type: 'end' },
    },
  };
  const flowFile = join(dir, 'secret.flow.json');
  const envFile = join(dir, 'secret.env');
  writeFileSync(flowFile, JSON.stringify(flow));
  writeFileSync(envFile, 'API_TOKEN=tok-<&>-9f8e7d\n');
  for (const format of ['html', 'mermaid', 'dot']) {
    const result = await runCli(['render', flowFile, '-f', format, '-m', 'hi', '--env-file', envFile]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!result.stdout.includes('9f8e7d') && !result.stderr.includes('9f8e7d'), `${format}: the secret is masked`);
  }
});

test('errors are one clean line with a code and exit 2; a failed write exits 1 and leaves no file', async () => {
  const notJson = join(dir, 'not-coverage.json');
  writeFileSync(notJson, '{"hello": 1}');
  const noNodes = join(dir, 'no-nodes.json');
  writeFileSync(noNodes, '{"id": "x", "version": 1, "name": "x", "status": "draft"}');
  const cases: Array<[string, string[], number, RegExp]> = [
    ['missing flow', ['render', join(dir, 'nope.json')], 2, /no such file \[GCF901\]/],
    ['a flow without nodes', ['render', noNodes], 2, /nothing to draw.*\[GCF970\]/],
    ['unknown format', ['render', SEED_FLOW, '--format', 'png'], 2, /argument 'png' is invalid/],
    ['missing coverage file', ['render', SEED_FLOW, '--coverage', join(dir, 'none.json')], 2, /no such coverage file \[GCF971\]/],
    ['not a coverage report', ['render', SEED_FLOW, '--coverage', notJson], 2, /not a coverage report.*\[GCF972\]/],
    ['unwritable output (its folder is a file)', ['render', SEED_FLOW, '-o', join(notJson, 'x.html')], 1, /cannot write the output \((ENOTDIR|EEXIST)\) \[GCF973\]/],
  ];
  for (const [what, args, code, message] of cases) {
    const result = await runCli(args);
    assert.equal(result.code, code, `${what}: ${result.stderr}`);
    assert.match(result.stderr, message, what);
    assert.doesNotMatch(result.stderr, /\n\s+at /, `${what}: no stack trace`);
  }
  assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.tmp')), []);
});

test('-o creates the folders it needs', async () => {
  const out = join(dir, 'reports', 'flows', 'seed.html');
  const result = await runCli(['render', SEED_FLOW, '-o', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(readFileSync(out, 'utf8'), /^<!DOCTYPE html>/i);
});
