// Choosing where to deploy: the org named by flags or credentials in env/.env, else an emulator started in-process.
import { GcflowError } from '../flow/diagnostic.js';
import { createPlatformClient, credentialsFromEnvironment, type PlatformClient } from '../platform/index.js';
import type { RateLimitOptions } from '../platform/pipeline/rate-limit.js';
import type { RequestLogger } from '../platform/pipeline/log.js';
import type { EmulatorOptions } from '../emulator/index.js';
import { DocumentApiTarget, type DeployClock } from './document-target.js';
import { documentApiOf } from './platform-document-api.js';
import type { PollSchedule } from './poll-schedule.js';

export interface ConnectOptions {
  /** The process environment (credentials by the seed's or Genesys tools' names). */
  env: Readonly<Record<string, string | undefined>>;
  /** `.env` in this folder is read for credentials too. */
  cwd: string;
  /** `--url`: a region, environment or base URL; needs the client id and secret (flags or environment). */
  url?: string;
  clientId?: string;
  clientSecret?: string;
  /** The client's token bucket, to match the server's rate limit. */
  rateLimit?: Partial<RateLimitOptions>;
  timeoutMs?: number;
  logger?: RequestLogger;
  /** Options for the embedded emulator, when one is started. */
  emulator?: EmulatorOptions;
  pollSchedule?: PollSchedule;
  clock?: DeployClock;
}

export interface Connection {
  client: PlatformClient;
  target: DocumentApiTarget;
  /** True when no org was configured and an emulator was started in this process. */
  embedded: boolean;
  /** For messages: `embedded emulator at http://127.0.0.1:PORT` or `https://api.mypurecloud.ie (client 1a2b…)`. */
  description: string;
  /** Stops the embedded emulator, if any. */
  close(): Promise<void>;
}

export const CONNECT_ERROR_CODE = 'GCF660';

/** Real time: performance.now() and a sleep that an AbortSignal cuts short. */
export const SYSTEM_CLOCK: DeployClock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** Connects to the configured org, or starts the embedded emulator when nothing is configured. */
export async function connect(options: ConnectOptions): Promise<Connection> {
  const fromEnv = credentialsFromEnvironment(options.env, { cwd: options.cwd });
  const flagsGiven = options.url !== undefined || options.clientId !== undefined || options.clientSecret !== undefined;
  const region = options.url ?? fromEnv?.region;
  const clientId = options.clientId ?? fromEnv?.clientId;
  const clientSecret = options.clientSecret ?? fromEnv?.clientSecret;
  const clock = options.clock ?? SYSTEM_CLOCK;
  const common = {
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  };
  const targetOf = (client: PlatformClient) => new DocumentApiTarget({ api: documentApiOf(client), clock, ...(options.pollSchedule ? { pollSchedule: options.pollSchedule } : {}) });

  if (region !== undefined || flagsGiven) {
    if (region === undefined || clientId === undefined || clientSecret === undefined) {
      const missing = [region === undefined && '--url', clientId === undefined && '--client-id', clientSecret === undefined && '--client-secret'].filter(Boolean);
      throw new GcflowError(CONNECT_ERROR_CODE, `incomplete connection: ${missing.join(', ')} not given (as a flag or in the environment)`, {}, 2);
    }
    const client = createPlatformClient({ region, clientId, clientSecret, ...common });
    return { client, target: targetOf(client), embedded: false, description: `${client.apiBase} (client ${shortId(clientId)})`, close: async () => undefined };
  }

  // Heavy (fastify): loaded only when needed, so commands against an org start fast.
  const { startEmulator } = await import('../emulator/index.js');
  const emulator = await startEmulator(options.emulator ?? {});
  const client = createPlatformClient({ baseUrl: emulator.url, clientId: emulator.clientId, clientSecret: emulator.clientSecret, ...common });
  return { client, target: targetOf(client), embedded: true, description: `embedded emulator at ${emulator.url}`, close: () => emulator.close() };
}
