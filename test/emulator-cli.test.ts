// `gcflow emulator` through the real bin: the first line, working credentials, clean stop on SIGTERM, usage errors.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { BIN, runCli, SEED_FLOW } from './support/run-cli.js';

function startCli(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'emulator', ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const reader = createInterface({ input: child.stdout });
  const ready = new Promise<string[]>((resolve, reject) => {
    reader.on('line', (line) => {
      lines.push(line);
      if (line.startsWith('role ids:')) resolve(lines);
    });
    child.on('exit', (code) => reject(new Error(`exited early (${code}): ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited, stderr: () => stderr };
}

describe('gcflow emulator (CLI)', () => {
  it('prints the listening line first, serves OAuth and flows, and stops cleanly on SIGTERM, writing its state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gcflow-emulator-cli-'));
    const state = join(dir, 'state.json');
    const run = startCli(['--port', '0', '--state', state, '--load', SEED_FLOW, '--client-id', 'cli-client']);
    try {
      const lines = await run.ready;
      const match = /^gcflow emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(lines[0]);
      assert.ok(match, lines[0]);
      assert.equal(lines[1], 'client id:     cli-client');
      const secret = /^client secret: (\S+)\s+\(a throwaway credential/.exec(lines[2])?.[1];
      assert.ok(secret, lines[2]);
      assert.match(lines[3], /^role ids:\s+deployer \S+, read only \S+$/);
      const url = match[1];
      const token = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'cli-client', client_secret: secret }).toString(),
      });
      assert.equal(token.status, 200);
      const { access_token } = (await token.json()) as { access_token: string };
      const flow = await fetch(`${url}/api/v2/flows/6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23`, { headers: { authorization: `Bearer ${access_token}` } });
      assert.equal(flow.status, 200);
      run.child.kill('SIGTERM');
      assert.equal(await run.exited, 0);
      assert.match(run.stderr(), /stopped \(SIGTERM\)/);
      const saved = JSON.parse(await readFile(state, 'utf8')) as { state: { flows: Record<string, unknown> } };
      assert.ok(saved.state.flows['6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23']);
      assert.ok(!JSON.stringify(saved).includes(secret));
    } finally {
      run.child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('does not echo a secret given with --client-secret', async () => {
    const run = startCli(['--client-secret', 'given-secret-value']);
    try {
      const lines = await run.ready;
      assert.ok(!lines.join('\n').includes('given-secret-value'));
      run.child.kill('SIGINT');
      assert.equal(await run.exited, 0);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  const usageErrors: Array<[string[], RegExp]> = [
    [['--rate-limit', 'lots'], /invalid rate limit "lots"/],
    [['--faults', 'explode=5%'], /unknown fault "explode"/],
    [['--port', 'abc'], /--port must be a whole number/],
    [['--token-ttl', '0'], /--token-ttl must be a whole number of at least 1/],
    [['--load', 'no-such.flow.json'], /no-such\.flow\.json.*no such file/],
  ];
  for (const [args, message] of usageErrors) {
    it(`exits 2 with one clean line for ${args.join(' ')}`, async () => {
      const result = await runCli(['emulator', ...args]);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.equal(result.stdout, '');
    });
  }
});
