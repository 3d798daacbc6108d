// Emulator throughput: requests per second on an authenticated GET /api/v2/flows/{id}, against a bare node:http baseline.
// The load generator runs in a child process (raw sockets, HTTP/1.1 pipelining) so that the server has its own core.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { median } from './median.mjs';

const REQUESTS = Number(process.env.BENCH_EMULATOR_REQUESTS ?? 40_000);
const CONNECTIONS = 8;
const PIPELINE = 8;
const RUNS = 3;
const TARGET_RPS = 5_000;

/** The child: sends `count` pipelined GETs over `connections` sockets and reports elapsed ms and statuses. */
async function generateLoad({ port, path, token, count, connections, pipeline }) {
  const request = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\n\r\n`, 'latin1');
  let sent = 0;
  let received = 0;
  const statuses = {};
  const start = performance.now();
  await Promise.all(
    Array.from({ length: connections }, () => new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      socket.setNoDelay(true);
      let buffer = '';
      let inflight = 0;
      const fill = () => {
        const batch = [];
        while (inflight < pipeline && sent < count) {
          batch.push(request);
          inflight++;
          sent++;
        }
        if (batch.length > 0) socket.write(Buffer.concat(batch));
      };
      socket.on('connect', fill);
      socket.on('error', reject);
      socket.on('data', (chunk) => {
        buffer += chunk.toString('latin1');
        let offset = 0;
        for (;;) {
          const headerEnd = buffer.indexOf('\r\n\r\n', offset);
          if (headerEnd < 0) break;
          const head = buffer.slice(offset, headerEnd);
          const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
          if (buffer.length < headerEnd + 4 + length) break;
          const status = head.slice(9, 12);
          statuses[status] = (statuses[status] ?? 0) + 1;
          offset = headerEnd + 4 + length;
          inflight--;
          received++;
        }
        buffer = buffer.slice(offset);
        if (sent < count) fill();
        if (inflight === 0 && sent >= count) {
          socket.end();
          resolve();
        }
      });
    })),
  );
  return { ms: performance.now() - start, received, statuses };
}

if (process.argv[2] === '--load-generator') {
  const job = JSON.parse(process.argv[3]);
  process.stdout.write(JSON.stringify(await generateLoad(job)));
  process.exit(0);
}

function runGenerator(job) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--load-generator', JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited with ${code}`))));
  });
}


async function rate(label, job) {
  const result = await runGenerator(job);
  const ok = result.statuses['200'] ?? 0;
  if (ok !== job.count) throw new Error(`${label}: expected ${job.count} answers 200, got ${JSON.stringify(result.statuses)}`);
  return (ok / result.ms) * 1000;
}

/** Alternates the two servers run by run, so that load from elsewhere on the machine hits both alike. */
async function measureBoth(emulatorJob, baselineJob) {
  await rate('warm-up emulator', { ...emulatorJob, count: 5_000 });
  await rate('warm-up baseline', { ...baselineJob, count: 5_000 });
  const emulatorRates = [];
  const baselineRates = [];
  for (let i = 0; i < RUNS; i++) {
    emulatorRates.push(await rate('emulator', emulatorJob));
    baselineRates.push(await rate('baseline', baselineJob));
  }
  return { emulated: { median: median(emulatorRates), rates: emulatorRates }, bare: { median: median(baselineRates), rates: baselineRates } };
}

const { startEmulator } = await import('../dist/emulator/index.js');
const seedPath = fileURLToPath(new URL('../../shared/examples/seed-webchat.flow.json', import.meta.url));
const seed = JSON.parse(readFileSync(seedPath, 'utf8'));
const emulator = await startEmulator({ flows: [seedPath], rateLimit: { requests: 1e9, windowMs: 60_000 } });
const tokenResponse = await fetch(`${emulator.url}/oauth/token`, {
  method: 'POST',
  headers: { authorization: `Basic ${Buffer.from(`${emulator.clientId}:${emulator.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
  body: 'grant_type=client_credentials',
});
const { access_token: token } = await tokenResponse.json();
const path = `/api/v2/flows/${seed.id}`;
const body = Buffer.from(await (await fetch(`${emulator.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).text());

// Baseline: a bare node:http server answering the same JSON bytes, in this same process.
const baseline = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  response.end(body);
});
await new Promise((resolve) => baseline.listen(0, '127.0.0.1', resolve));

const common = { path, token, count: REQUESTS, connections: CONNECTIONS, pipeline: PIPELINE };
const { emulated, bare } = await measureBoth({ ...common, port: emulator.port }, { ...common, port: baseline.address().port });
await emulator.close();
baseline.close();

const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log(`emulator GET /api/v2/flows/{id} (authenticated, ${body.length} B, ${REQUESTS} requests, ${CONNECTIONS} connections x ${PIPELINE} pipelined, median of ${RUNS})`);
console.log(`  emulator: ${fmt(emulated.median)} req/s  (runs ${emulated.rates.map(fmt).join(', ')})  target >= ${fmt(TARGET_RPS)}: ${emulated.median >= TARGET_RPS ? 'met' : 'NOT met'}`);
console.log(`  baseline: ${fmt(bare.median)} req/s  bare node:http, same body  (runs ${bare.rates.map(fmt).join(', ')})`);
console.log(`  ratio emulator/baseline: ${(emulated.median / bare.median).toFixed(2)}`);
