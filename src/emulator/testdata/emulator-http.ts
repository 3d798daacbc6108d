// Test support: start an emulator with a fake clock, get tokens, call /api/v2 over real HTTP.
import { readFileSync } from 'node:fs';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../index.js';

export const SEED_FLOW_PATH = new URL('../../../../shared/examples/seed-webchat.flow.json', import.meta.url);

/** The seed example flow, freshly parsed (tests may change their copy). */
export function seedFlow(): Record<string, unknown> {
  return JSON.parse(readFileSync(SEED_FLOW_PATH, 'utf8')) as Record<string, unknown>;
}

/** A clock tests move by hand, so nothing waits on real time. */
export class FakeClock {
  time = Date.UTC(2025, 0, 1);
  readonly now = () => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestEmulator {
  emulator: RunningEmulator;
  clock: FakeClock;
  token(clientId?: string, secret?: string): Promise<string>;
  api<T = Record<string, unknown>>(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export const OTHER_CLIENT = { id: 'other-deployer', secret: 'other-secret-value', roles: ['deployer'] };
export const READ_ONLY_CLIENT = { id: 'read-only-client', secret: 'read-only-secret', roles: ['readOnly'] };

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const clock = new FakeClock();
  const emulator = await startEmulator({ clock: clock.now, clients: [OTHER_CLIENT, READ_ONLY_CLIENT], ...options });
  const tokens = new Map<string, string>();
  const token = async (clientId = emulator.clientId, secret = emulator.clientSecret) => {
    const cached = tokens.get(clientId);
    if (cached) return cached;
    const response = await fetch(`${emulator.url}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    if (response.status !== 200) throw new Error(`token request failed: ${response.status}`);
    const value = ((await response.json()) as { access_token: string }).access_token;
    tokens.set(clientId, value);
    return value;
  };
  const api: TestEmulator['api'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? (await token())}`, ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${emulator.url}${path}`, { method, headers, body });
    const text = await response.text();
    const parsed = text === '' ? {} : response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: parsed };
  };
  return { emulator, clock, token, api, close: () => emulator.close() };
}
