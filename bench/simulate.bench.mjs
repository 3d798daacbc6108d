// Simulation speed: conversations per second through the example flow (target ≥ 50,000/s on one core), and a 10,000-node flow's run time.
import { loadFlowFile } from '../dist/flow/load.js';
import { simulate } from '../dist/simulate/index.js';
import { generateFlow } from './generate-flow.mjs';
import { median } from './median.mjs';

const TARGET = 50_000;
const BATCHES = 7;
const PER_BATCH = 50_000;


const example = (await loadFlowFile(new URL('../examples/support.flow.yaml', import.meta.url).pathname)).data;
const env = { BILLING_QUEUE_ID: 'q-billing', TECH_QUEUE_ID: 'q-tech' };
// A mix like real traffic: clear requests, an unclear one answered, one that stays unclear, one that goes silent.
const conversations = [
  { messages: ['I need help with my bill'] },
  { messages: ['I get an error when I log in'] },
  { messages: ['hello', 'it is about an invoice'] },
  { messages: ['My WiFi keeps dropping'] },
  { messages: ['hi', 'not sure'] },
  { transcript: [{ text: 'hello' }, { timeout: true }] },
].map((c) => ({ ...c, env }));

// Warm up, and check that the runs do what the suite says.
const routed = simulate(example, conversations[0]);
if (routed.routedTo !== 'q-billing') throw new Error(`unexpected trace: ${JSON.stringify(routed.end)}`);
for (let i = 0; i < 100_000; i++) simulate(example, conversations[i % conversations.length]);
const traces = conversations.map((c) => simulate(example, c));

/** Runs a batch; returns [per wall-clock second, per CPU second] (CPU time is what one core spent, whatever else runs). */
function batchRate(run) {
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let sink = 0;
  for (let i = 0; i < PER_BATCH; i++) sink += run(i);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (sink < 0) console.log(sink);
  return [PER_BATCH / seconds, PER_BATCH / ((used.user + used.system) / 1e6)];
}

const sim = [];
const base = [];
for (let b = 0; b < BATCHES; b++) {
  sim.push(batchRate((i) => simulate(example, conversations[i % conversations.length]).path.length));
  // Baseline in the same run: serialising a finished trace of the same conversation (what any consumer of a trace does).
  base.push(batchRate((i) => JSON.stringify(traces[i % traces.length]).length));
}
const simWall = median(sim.map((r) => r[0]));
const simCpu = median(sim.map((r) => r[1]));
const baseWall = median(base.map((r) => r[0]));
const rate = (n) => Math.round(n).toLocaleString('en');
console.log(`example flow: ${rate(simWall)} conversations/s wall clock, ${rate(simCpu)}/s per CPU second (medians of ${BATCHES} batches of ${PER_BATCH.toLocaleString('en')}; ${(traces.reduce((n, t) => n + t.path.length, 0) / traces.length).toFixed(1)} nodes a conversation)`);
console.log(`baseline (JSON.stringify of the same traces): ${rate(baseWall)}/s wall clock; simulating costs ${(baseWall / simWall).toFixed(2)}× serialising the result`);
console.log(`target ≥ ${TARGET.toLocaleString('en')}/s on one core: ${simCpu >= TARGET ? 'met' : 'NOT met'} (per CPU second; the wall-clock figure also counts time other processes took)`);

// A 10,000-node flow walked end to end: every question answered, alternating the act branch and the default.
const big = generateFlow(10_000);
const asks = Object.keys(big.nodes).filter((id) => id.startsWith('ask_')).length;
const messages = ['hello'];
for (let i = 0; i < asks; i++) messages.push(i % 2 === 0 ? 'yes' : 'no');
const times = [];
const cpuTimes = [];
let last;
for (let r = 0; r < 3; r++) simulate(big, { messages, stepLimit: 1_000_000 });
for (let r = 0; r < 7; r++) {
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  last = simulate(big, { messages, stepLimit: 1_000_000 });
  times.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
}
if (last.end.reason !== 'ended') throw new Error(`the big flow did not end: ${JSON.stringify(last.end)}`);
console.log(`${Object.keys(big.nodes).length.toLocaleString('en')}-node flow: ${median(times).toFixed(1)} ms a run wall clock, ${median(cpuTimes).toFixed(1)} ms CPU (median of ${times.length}; ${last.path.length.toLocaleString('en')} nodes run, ${asks.toLocaleString('en')} customer replies)`);
