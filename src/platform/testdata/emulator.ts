// Test support: an emulator per scenario, a client pointed at it, and a sleep that records what it was asked to wait.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index.js';
import { createPlatformClient, type PlatformClient, type PlatformClientOptions } from '../client.js';

export type { RunningEmulator };

/** Starts an emulator for one test file (short publication delay so that polling tests stay fast). */
export function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ publishDelayMs: 20, ...options });
}

/** A client for the emulator's main client; no client-side rate limit unless asked, fast retries. */
export function clientFor(running: RunningEmulator, options: Partial<PlatformClientOptions> = {}): PlatformClient {
  return createPlatformClient({
    baseUrl: running.url,
    clientId: running.clientId,
    clientSecret: running.clientSecret,
    rateLimit: false,
    timeoutMs: 5_000,
    ...options,
    retry: options.retry === false ? false : { baseDelayMs: 5, maxDelayMs: 20, ...options.retry },
  });
}

/** A sleep that records each requested wait, then waits `scale` times it (0 = not at all). */
export function recordingSleep(scale = 0) {
  const waits: number[] = [];
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms);
    return new Promise((resolve) => setTimeout(resolve, Math.round(ms * scale)));
  };
  return { waits, sleep };
}
