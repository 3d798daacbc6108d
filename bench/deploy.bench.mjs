// Deploy: (a) one deploy with a 500 ms publication (wall time, HTTP requests); (b) 60 flows under a 100 requests / 10 s limit.
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../dist/emulator/index.js';
import { createPlatformClient } from '../dist/platform/index.js';
import { DocumentApiTarget, documentApiOf, prepareDeploy, applyDeploy, SYSTEM_CLOCK } from '../dist/deploy/index.js';
import { mapBounded } from '../dist/deploy/bounded-concurrency.js';
import { loadFlowFile } from '../dist/flow/load.js';
import { loadEnvironment, resolveFlowEnvironment } from '../dist/env/index.js';
import { median } from './median.mjs';

const PUBLISH_DELAY_MS = 500;
const RUNS = Number(process.env.BENCH_DEPLOY_RUNS ?? 7);
const FLOWS = Number(process.env.BENCH_DEPLOY_FLOWS ?? 60);
const LIMIT = { requests: 100, windowMs: 10_000 };


const exampleFile = fileURLToPath(new URL('../examples/support.flow.yaml', import.meta.url));
const values = await loadEnvironment({ flowFile: exampleFile, profile: 'dev', processEnv: {} });
const example = resolveFlowEnvironment((await loadFlowFile(exampleFile)).data, values).flow;
const projectDir = await mkdtemp(join(tmpdir(), 'gcflow-bench-deploy-'));

function deployer(emulator, rateLimit) {
  let requests = 0;
  const client = createPlatformClient({
    baseUrl: emulator.url,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    logger: () => requests++,
    ...(rateLimit ? { rateLimit } : {}),
  });
  const target = new DocumentApiTarget({ api: documentApiOf(client), clock: SYSTEM_CLOCK });
  const context = { target, projectDir, secrets: [], wallClock: () => new Date(), timeoutMs: 60_000 };
  return { client, context, requests: () => requests };
}

async function deployOne(context, flow) {
  const prepared = await prepareDeploy(context, flow);
  return applyDeploy(context, prepared);
}

// (a) One deploy (an update of a published flow) with a 500 ms publication: a new client each run, so its token counts.
{
  const emulator = await startEmulator({ publishDelayMs: PUBLISH_DELAY_MS, flows: [{ ...example, status: 'published' }] });
  const times = [];
  const counts = [];
  for (let run = -1; run < RUNS; run++) {
    const { context, requests } = deployer(emulator);
    emulator.resetStats();
    const started = performance.now();
    const outcome = await deployOne(context, { ...example, name: `Support Flow run ${run}` });
    const elapsed = performance.now() - started;
    if (outcome.status !== 'deployed') throw new Error(`run ${run}: ${outcome.status}: ${outcome.message}`);
    if (run < 0) continue; // warm-up
    times.push(elapsed);
    counts.push(requests());
    if (emulator.stats().requests !== requests()) throw new Error(`client counted ${requests()} requests, emulator ${emulator.stats().requests}`);
  }
  const { client, requests } = deployer(emulator);
  await client.permissions.discover();
  const preflight = requests() - 1; // without its token
  await emulator.close();
  const wall = median(times);
  const reqs = median(counts);
  console.log(`(a) one deploy, publish delay ${PUBLISH_DELAY_MS} ms, ${RUNS} runs:`);
  console.log(`    wall time median ${wall.toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}): ${(wall - PUBLISH_DELAY_MS).toFixed(0)} ms over the publish delay (target <= 150) ${wall - PUBLISH_DELAY_MS <= 150 ? 'OK' : 'MISSED'}`);
  console.log(`    HTTP requests median ${reqs} (token 1, GET 1, validate 1, PUT 1, publication checks ${reqs - 4}; the last check is the verify read) (target <= 8) ${reqs <= 8 ? 'OK' : 'MISSED'}`);
  console.log(`    permission preflight, counted separately: ${preflight} requests (tokens/me, oauth client, role), once per deploy command`);
}

// (b) 60 flows against an emulator limited to 100 requests per 10 s per token; the client's bucket set to match.
{
  const emulator = await startEmulator({ rateLimit: LIMIT, flows: [] });
  const { context, requests } = deployer(emulator, { requests: LIMIT.requests, perMs: LIMIT.windowMs, burst: 2 });
  const flows = Array.from({ length: FLOWS }, (_, i) => ({ ...example, id: `bench-flow-${String(i).padStart(2, '0')}`, name: `Bench flow ${i}` }));
  const started = performance.now();
  const outcomes = await mapBounded(flows, 8, (flow) => deployOne(context, flow).catch((error) => ({ status: 'error', ok: false, message: error.message })));
  const seconds = (performance.now() - started) / 1000;
  const stats = emulator.stats();
  await emulator.close();
  const failed = outcomes.filter((o) => !o.ok);
  const apiRequests = requests() - stats.tokenRequests;
  const throughput = apiRequests / seconds;
  const bound = (LIMIT.requests / LIMIT.windowMs) * 1000;
  console.log(`(b) ${FLOWS} flows, emulator limit ${LIMIT.requests} requests / ${LIMIT.windowMs / 1000} s per token, client bucket 100/10 s (burst 2), concurrency 8:`);
  console.log(`    ${seconds.toFixed(1)} s for ${apiRequests} API requests (${(apiRequests / FLOWS).toFixed(1)} per flow): ${throughput.toFixed(2)} requests/s = ${((throughput / bound) * 100).toFixed(0)}% of the limit's ${bound} requests/s (target >= 85%) ${throughput / bound >= 0.85 ? 'OK' : 'MISSED'}`);
  console.log(`    the bound: ${apiRequests} requests at ${bound}/s take at least ${(apiRequests / bound).toFixed(1)} s`);
  console.log(`    failed deploys ${failed.length}${failed.length ? ` (${failed[0].message})` : ''}; 429s from the server ${stats.rateLimited} (retried by the client, none reached the user) ${failed.length === 0 ? 'OK' : 'MISSED'}`);
}

await rm(projectDir, { recursive: true, force: true });
