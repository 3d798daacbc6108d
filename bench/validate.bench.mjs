// Validation of a generated 100,000-node flow: the library's validate() alone, the whole `gcflow validate` command
// (median wall time, peak memory) and the cold command on the seed flow, against baselines measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from '../dist/validate/index.js';
import { generateFlow } from './generate-flow.mjs';
import { median } from './median.mjs';

const NODES = Number(process.env.BENCH_VALIDATE_NODES ?? 100_000);
const RUNS = Number(process.env.BENCH_VALIDATE_RUNS ?? 7);
const CLI_RUNS = Number(process.env.BENCH_VALIDATE_CLI_RUNS ?? 5);
const COLD_RUNS = Number(process.env.BENCH_VALIDATE_COLD_RUNS ?? 10);
const TARGET = { libraryMs: 500, commandMs: 1500, peakMb: 500, seedColdMs: 300 };
const BIN = fileURLToPath(new URL('../bin/gcflow.js', import.meta.url));
const SEED = fileURLToPath(new URL('../../shared/examples/seed-webchat.flow.json', import.meta.url));
const TIME = '/usr/bin/time';

const dir = mkdtempSync(join(tmpdir(), 'gcflow-validate-bench-'));
const file = join(dir, 'large.flow.json');
writeFileSync(file, JSON.stringify(generateFlow(NODES), null, 2));
const text = readFileSync(file, 'utf8');


function timeRuns(runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** Runs a command; wall time from here, peak RSS from GNU time (-f %M, in KB) when it is installed. */
function runCommand(args) {
  const rssFile = join(dir, 'rss.txt');
  const useTime = existsSync(TIME);
  const [command, commandArgs] = useTime ? [TIME, ['-o', rssFile, '-f', '%M', process.execPath, ...args]] : [process.execPath, args];
  const start = performance.now();
  const child = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const elapsed = performance.now() - start;
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const peakKb = useTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : NaN;
  return { elapsed, peakMb: peakKb / 1024 };
}

const ms = (value) => `${value.toFixed(0)} ms`;
const row = (name, value, target, baseline) =>
  console.log(`${name.padEnd(46)} ${value.padStart(9)}   target ${target.padEnd(9)} ${baseline ? `  ${baseline}` : ''}`);

// Baselines, measured now on this machine: Node's own start-up, and parsing the same file.
const nodeStart = median(timeRuns(COLD_RUNS, () => spawnSync(process.execPath, ['-e', ''])));
const parse = median(timeRuns(RUNS, () => JSON.parse(text)));

// The library alone, on an already-parsed flow (a first call included: the CLI always makes exactly one).
const flow = JSON.parse(text);
const first = timeRuns(1, () => validate(flow))[0];
const result = validate(flow);
if (result.findings.length !== 0) throw new Error(`the generated flow should be clean, got ${result.findings.length} findings`);
const library = median(timeRuns(RUNS, () => validate(flow)));

// The whole command, cold each time: start, read, parse, validate, print.
runCommand([BIN, 'validate', file]); // file cache warm-up
const commands = Array.from({ length: CLI_RUNS }, () => runCommand([BIN, 'validate', file]));
const command = median(commands.map((c) => c.elapsed));
const peak = Math.max(...commands.map((c) => c.peakMb));
const seedCold = median(Array.from({ length: COLD_RUNS }, () => runCommand([BIN, 'validate', SEED]).elapsed));

console.log(`flow: ${Object.keys(flow.nodes).length} nodes, ${(text.length / 1048576).toFixed(1)} MB of JSON; medians of ${RUNS} library runs, ${CLI_RUNS} command runs, ${COLD_RUNS} cold seed runs`);
row('library validate(), median', ms(library), `< ${TARGET.libraryMs} ms`, `${(library / parse).toFixed(1)}x JSON.parse of the file (${ms(parse)}); first call ${ms(first)}`);
row('gcflow validate <100k-node flow>, median wall', ms(command), `< ${TARGET.commandMs} ms`, `${(command / nodeStart).toFixed(1)}x node -e '' (${ms(nodeStart)})`);
row('gcflow validate <100k-node flow>, peak RSS', Number.isNaN(peak) ? 'n/a' : `${peak.toFixed(0)} MB`, `< ${TARGET.peakMb} MB`);
row('gcflow validate <seed flow>, cold median wall', ms(seedCold), `< ${TARGET.seedColdMs} ms`, `${(seedCold / nodeStart).toFixed(1)}x node -e '' (${ms(nodeStart)})`);

const misses = [
  library > TARGET.libraryMs && 'library',
  command > TARGET.commandMs && 'command',
  peak > TARGET.peakMb && 'peak memory',
  seedCold > TARGET.seedColdMs && 'seed cold start',
].filter(Boolean);
console.log(misses.length ? `targets missed: ${misses.join(', ')}` : 'all targets met');
rmSync(dir, { recursive: true, force: true });
