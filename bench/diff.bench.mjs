// Diff of two 100,000-node flows that differ in 1% of their nodes: the library (diffFlows, flowPatch) and the whole
// `gcflow diff a.json b.json` command, against baselines measured in the same run (JSON.parse of both files, a naive deep-equal).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { diffFlows, flowPatch, formatDiffText } from '../dist/diff/index.js';
import { generateFlow, mutateFlow } from './generate-flow.mjs';
import { median } from './median.mjs';

const NODES = Number(process.env.BENCH_DIFF_NODES ?? 100_000);
const RUNS = Number(process.env.BENCH_DIFF_RUNS ?? 7);
const CLI_RUNS = Number(process.env.BENCH_DIFF_CLI_RUNS ?? 5);
const TARGET_LIBRARY_MS = 1000;
const TARGET_COMMAND_MS = 2000;
const BIN = fileURLToPath(new URL('../bin/gcflow.js', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'gcflow-diff-bench-'));
const oldFile = join(dir, 'a.json');
const newFile = join(dir, 'b.json');
const oldFlow = generateFlow(NODES);
const newFlow = mutateFlow(oldFlow, 0.01);
writeFileSync(oldFile, JSON.stringify(oldFlow, null, 2));
writeFileSync(newFile, JSON.stringify(newFlow, null, 2));
const oldText = readFileSync(oldFile, 'utf8');
const newText = readFileSync(newFile, 'utf8');


function measure(name, runs, fn) {
  fn(); // warm-up
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { name, runs, median: median(times), min: Math.min(...times), max: Math.max(...times), result };
}

/** What a hand-written comparison does: for every node id on either side, a deep-equal of the two nodes. */
function naiveNodeDiff(a, b) {
  const changed = [];
  for (const id of new Set([...Object.keys(a.nodes), ...Object.keys(b.nodes)])) if (!isDeepStrictEqual(a.nodes[id], b.nodes[id])) changed.push(id);
  return changed;
}

function runCommand(args) {
  const start = performance.now();
  const child = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const elapsed = performance.now() - start;
  if (child.status !== 0 && child.status !== 1) throw new Error(`gcflow ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return { elapsed, stdout: child.stdout };
}

function measureCommand(name, args) {
  runCommand(args); // warm-up (file cache)
  const times = [];
  let stdout = '';
  for (let i = 0; i < CLI_RUNS; i++) {
    const run = runCommand(args);
    times.push(run.elapsed);
    stdout = run.stdout;
  }
  return { name, runs: CLI_RUNS, median: median(times), min: Math.min(...times), max: Math.max(...times), result: stdout };
}

try {
  const parse = measure('JSON.parse of both files (baseline)', RUNS, () => [JSON.parse(oldText), JSON.parse(newText)]);
  const naive = measure('naive deep-equal of every node (baseline)', RUNS, () => naiveNodeDiff(oldFlow, newFlow));
  const diff = measure('diffFlows', RUNS, () => diffFlows(oldFlow, newFlow));
  const patch = measure('flowPatch', RUNS, () => flowPatch(oldFlow, newFlow));
  const text = measure('diffFlows + text format', RUNS, () => formatDiffText(diffFlows(oldFlow, newFlow)));
  const nodeCommand = measureCommand('gcflow --version (process start, baseline)', ['--version']);
  const command = measureCommand('gcflow diff a.json b.json', ['diff', oldFile, newFile]);
  const jsonCommand = measureCommand('gcflow diff a.json b.json --format json', ['diff', oldFile, newFile, '--format', 'json']);

  const changes = diff.result;
  const changedNodes = new Set(changes.filter((c) => c.nodeId).map((c) => c.nodeId)).size;
  console.log(`flows: ${Object.keys(oldFlow.nodes).length} and ${Object.keys(newFlow.nodes).length} nodes (generateFlow(${NODES}), mutateFlow(0.01)); files ${(oldText.length / 1048576).toFixed(1)} MB each`);
  console.log(`diff: ${changes.length} changes in ${changedNodes} nodes; naive deep-equal finds ${naive.result.length} differing node ids; patch: ${patch.result.length} operations`);
  console.log('| what | runs | median ms | min | max | × JSON.parse | target |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  const row = (r, target) =>
    console.log(`| ${r.name} | ${r.runs} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)} | ${r.max.toFixed(0)} | ${(r.median / parse.median).toFixed(2)} | ${target ? `< ${target} ms: ${r.median < target ? 'met' : 'MISSED'}` : ''} |`);
  row(parse);
  row(naive);
  row(diff, TARGET_LIBRARY_MS);
  row(patch);
  row(text);
  row(nodeCommand);
  row(command, TARGET_COMMAND_MS);
  row(jsonCommand);
  console.log(`diffFlows / naive deep-equal: ${(diff.median / naive.median).toFixed(2)}×; gcflow diff / (process start + JSON.parse): ${(command.median / (nodeCommand.median + parse.median)).toFixed(2)}×`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
