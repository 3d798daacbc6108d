// Platform client overhead: median time of one authenticated GET through the whole pipeline vs raw fetch, same local server, same run.
import { createServer } from 'node:http';
import { createPlatformClient } from '../dist/platform/index.js';
import { median } from './median.mjs';

const REQUESTS = Number(process.env.BENCH_CLIENT_REQUESTS ?? 2_000);
const BLOCK = 100;
const WARMUP = 300;
const TARGET_MS = 1;

const BODY = JSON.stringify({ id: 'f1', name: 'Bench flow', version: 3, status: 'published', type: 'inboundshortmessage', selfUri: '/api/v2/flows/f1' });

/** A minimal API: a token endpoint and one flow; answers as Genesys does (JSON, correlation id). */
function startServer() {
  let n = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/oauth/token') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ access_token: 'bench-token-0123456789', token_type: 'bearer', expires_in: 86_400 }));
      }
      if (req.headers.authorization !== 'Bearer bench-token-0123456789') {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end('{"message":"no","code":"authentication.required","status":401}');
      }
      res.writeHead(200, { 'content-type': 'application/json', 'inin-correlation-id': `c-${++n}` });
      res.end(BODY);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}


const server = await startServer();
const base = `http://127.0.0.1:${server.address().port}`;
const client = createPlatformClient({
  baseUrl: base,
  clientId: 'bench',
  clientSecret: 'bench-secret',
  // The limiter stays in the pipeline (its cost is part of the overhead) but never makes a request wait.
  rateLimit: { requests: 1e9, perMs: 60_000, burst: 1e9 },
});

const raw = async () => {
  const res = await fetch(`${base}/api/v2/flows/f1`, { headers: { authorization: 'Bearer bench-token-0123456789', accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`raw fetch got ${res.status}`);
  return res.json();
};
const viaClient = () => client.flows.get('f1');

for (let i = 0; i < WARMUP; i++) {
  await raw();
  await viaClient();
}

// Interleaved blocks, so that both sides see the same machine state (GC, other processes on the 2 cores).
const rawTimes = [];
const clientTimes = [];
for (let done = 0; done < REQUESTS; done += BLOCK) {
  for (let i = 0; i < BLOCK; i++) {
    const t = performance.now();
    await raw();
    rawTimes.push(performance.now() - t);
  }
  for (let i = 0; i < BLOCK; i++) {
    const t = performance.now();
    await viaClient();
    clientTimes.push(performance.now() - t);
  }
}
server.close();

const rawMedian = median(rawTimes);
const clientMedian = median(clientTimes);
const overhead = clientMedian - rawMedian;
console.log(`platform client: ${REQUESTS} authenticated GET /api/v2/flows/{id} each way, sequential, local node:http server`);
console.log(`  raw fetch        median ${(rawMedian * 1000).toFixed(0)} µs/request`);
console.log(`  platform client  median ${(clientMedian * 1000).toFixed(0)} µs/request (auth, rate limit, retry, timeout, parse, typed errors)`);
console.log(`  overhead         ${(overhead * 1000).toFixed(0)} µs/request, ratio ${(clientMedian / rawMedian).toFixed(2)}x (target < ${TARGET_MS} ms): ${overhead < TARGET_MS ? 'ok' : 'MISSED'}`);
if (overhead >= TARGET_MS) process.exitCode = 1;
