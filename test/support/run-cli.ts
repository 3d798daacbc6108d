// Runs the real `gcflow` bin (bin/gcflow.js over dist/) in a child process, for CLI tests.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/gcflow.js', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The shared folder beside the repository (examples, reference, corpus): read, never copied. */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SEED_FLOW = `${SHARED}examples/seed-webchat.flow.json`;

/** Environment overrides that unset every credential variable gcflow reads, so a command targets no org. */
export const NO_CREDENTIALS: Record<string, undefined> = {
  GENESYS_ENV_URL: undefined,
  OAUTH_CLIENT_ID: undefined,
  OAUTH_CLIENT_SECRET: undefined,
  GENESYSCLOUD_REGION: undefined,
  GENESYSCLOUD_API_REGION: undefined,
  GENESYSCLOUD_OAUTHCLIENT_ID: undefined,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: undefined,
};

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GCFLOW_DEBUG: undefined, ...options.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, ['--', BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
