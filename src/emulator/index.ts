// The local Genesys Cloud emulator: startEmulator() starts it on 127.0.0.1 and answers OAuth and /api/v2 as Genesys does.
import { randomBytes, randomUUID } from 'node:crypto';
import { GcflowError } from '../flow/diagnostic.js';
import { loadFlowFile } from '../flow/load.js';
import type { FlowAnalysis } from './analysis.js';
import { createContext } from './context.js';
import { faultDecider, injectsFaults, NO_FAULTS, parseFaults, seededRandom, type FaultSpec } from './faults.js';
import { putDocument } from './flow-state.js';
import { DEPLOYER_ROLE_ID, HOME_DIVISION_ID, READ_ONLY_ROLE_ID, defaultRoles, type EmulatorClient, type EmulatorRole } from './permissions.js';
import { readStateFile, StateWriter } from './persistence.js';
import { projectAnalysis } from './project-analysis.js';
import { DEFAULT_RATE_LIMIT, parseRateLimit, RateLimiter, type RateLimit } from './rate-limit.js';
import { buildServer } from './server.js';
import { settle } from './settle.js';
import { createState, withFlow, type EmulatorState } from './state.js';
import { StatsRecorder, type EmulatorStats } from './stats.js';
import { TokenStore } from './tokens.js';

export type { EmulatorStats } from './stats.js';
export type { EmulatorRole, EmulatorClient, PermissionPolicy } from './permissions.js';
export type { RateLimit } from './rate-limit.js';
export type { FaultSpec } from './faults.js';
export type { FlowAnalysis } from './analysis.js';
export { parseFaults } from './faults.js';
export { parseRateLimit } from './rate-limit.js';
export { DEPLOYER_ROLE_ID, READ_ONLY_ROLE_ID } from './permissions.js';

/** An extra client for tests: `roles` are `deployer`, `readOnly` or role ids. */
export interface EmulatorClientOption {
  id: string;
  secret: string;
  name?: string;
  roles?: string[];
  accessTokenValiditySeconds?: number;
}

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The main client's credentials; generated per start when not given. */
  clientId?: string;
  clientSecret?: string;
  /** Access token lifetime (default 86400, Genesys' default). */
  tokenTtlSeconds?: number;
  /** Per-token limit (default 300 per 60 s); `300/60s` or {requests, windowMs}. */
  rateLimit?: RateLimit | string;
  /** `latency=50-200ms,503=5%,429=5%,reset=1%` or a parsed spec; applies to /api/v2 routes. */
  faults?: string | FaultSpec;
  /** Seed of the fault sequence (default 1). */
  seed?: number;
  /** How long publications and jobs take (default 300 ms). */
  publishDelayMs?: number;
  /** Keep the state in this file (atomic writes) and read it back on start. */
  statePath?: string;
  /** Flows to preload: flow objects or flow file paths. A flow already in the state file wins. */
  flows?: Array<string | Record<string, unknown>>;
  /** More clients (tests: a read-only client, a second deployer that holds locks). */
  clients?: EmulatorClientOption[];
  /** More roles. */
  roles?: EmulatorRole[];
  /** The clock (epoch ms); tests pass a fake one to expire tokens and finish publications. */
  clock?: () => number;
  /** The validator and simulator behind publication, validate and simulate (default: the project's own). */
  analysis?: FlowAnalysis;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT — the base of both /oauth/token and /api/v2. */
  url: string;
  port: number;
  clientId: string;
  clientSecret: string;
  roles: { deployer: string; readOnly: string };
  /** Request counts by route and status, token requests, injected faults. */
  stats(): EmulatorStats;
  resetStats(): void;
  /** A copy of the current state (flows, jobs, web deployments). */
  snapshot(): EmulatorState;
  close(): Promise<void>;
}

const DEFAULT_TOKEN_TTL_SECONDS = 86_400;
const DEFAULT_PUBLISH_DELAY_MS = 300;

function usage(message: string): GcflowError {
  return new GcflowError('GCF950', message);
}

function resolveRateLimit(option: EmulatorOptions['rateLimit']): RateLimit {
  if (option === undefined) return DEFAULT_RATE_LIMIT;
  if (typeof option !== 'string') return option;
  const parsed = parseRateLimit(option);
  if (!parsed) throw usage(`invalid rate limit "${option}"; use REQUESTS/WINDOW such as 300/60s`);
  return parsed;
}

function resolveFaults(option: EmulatorOptions['faults']): FaultSpec {
  if (option === undefined) return NO_FAULTS;
  if (typeof option !== 'string') return option;
  try {
    return parseFaults(option);
  } catch (error) {
    throw usage(`invalid --faults: ${(error as Error).message}`);
  }
}

function buildClients(options: EmulatorOptions, clientId: string, clientSecret: string, roleIds: Set<string>): EmulatorClient[] {
  const alias = (role: string) => (role === 'deployer' ? DEPLOYER_ROLE_ID : role === 'readOnly' ? READ_ONLY_ROLE_ID : role);
  const main: EmulatorClient = { id: clientId, secret: clientSecret, name: 'gcflow emulator client', roleDivisions: [{ roleId: DEPLOYER_ROLE_ID, divisionId: HOME_DIVISION_ID }] };
  const extra = (options.clients ?? []).map((c): EmulatorClient => {
    const roles = (c.roles ?? ['deployer']).map(alias);
    for (const role of roles) if (!roleIds.has(role)) throw usage(`client ${c.id} names an unknown role ${role}`);
    return {
      id: c.id,
      secret: c.secret,
      name: c.name ?? c.id,
      roleDivisions: roles.map((roleId) => ({ roleId, divisionId: HOME_DIVISION_ID })),
      accessTokenValiditySeconds: c.accessTokenValiditySeconds,
    };
  });
  return [main, ...extra.filter((c) => c.id !== clientId)];
}

async function preload(state: EmulatorState, flows: EmulatorOptions['flows'], now: number, analysis: FlowAnalysis): Promise<EmulatorState> {
  let next = state;
  for (const entry of flows ?? []) {
    const data = typeof entry === 'string' ? (await loadFlowFile(entry)).data : entry;
    const file = typeof entry === 'string' ? entry : undefined;
    if (typeof data.id !== 'string' || data.id === '') throw new GcflowError('GCF953', 'a preloaded flow needs an id', { file });
    if (Object.hasOwn(next.flows, data.id)) continue;
    const version = Number.isInteger(data.version) && (data.version as number) > 0 ? (data.version as number) : 1;
    const status = data.status === 'published' ? 'published' : data.status === 'scheduled' ? 'scheduled' : 'draft';
    // Saved as its own version number (earlier numbers are simply absent), then published at once if it says so.
    const seeded = withFlow(next, { ...emptyShellAt(data.id, version - 1, now) });
    const put = putDocument(seeded, { flowId: data.id, body: { ...data, version, status }, clientId: 'gcflow-preload', now, operationId: `preload-${data.id}`, publishDelayMs: 0 });
    next = settle(put.state, now, analysis);
  }
  return next;
}

function emptyShellAt(id: string, version: number, now: number) {
  return { id, name: id, type: 'inboundshortmessage', divisionId: HOME_DIVISION_ID, version, document: null, status: 'draft' as const, versions: [], dateCreated: now, dateModified: now };
}

/** Starts an emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const now = options.clock ?? Date.now;
  const clientId = options.clientId ?? randomUUID();
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  const tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 1) throw usage('the token lifetime must be a whole number of seconds, at least 1');
  const publishDelayMs = options.publishDelayMs ?? DEFAULT_PUBLISH_DELAY_MS;
  if (!Number.isFinite(publishDelayMs) || publishDelayMs < 0) throw usage('the publish delay must be 0 ms or more');
  const faultSpec = resolveFaults(options.faults);
  const rateLimit = resolveRateLimit(options.rateLimit);
  const roles = [...defaultRoles(), ...(options.roles ?? [])];
  const clients = buildClients(options, clientId, clientSecret, new Set(roles.map((r) => r.id)));
  const analysis = options.analysis ?? projectAnalysis;

  const writer = options.statePath ? new StateWriter(options.statePath) : undefined;
  const stored = options.statePath ? await readStateFile(options.statePath) : undefined;
  const initialState = await preload(stored ?? createState(now()), options.flows, now(), analysis);

  const stats = new StatsRecorder();
  const ctx = createContext({
    config: { tokenTtlSeconds, publishDelayMs, faultSpec },
    clients,
    roles,
    tokens: new TokenStore(),
    rateLimiter: new RateLimiter(rateLimit),
    decideFault: injectsFaults(faultSpec) ? faultDecider(faultSpec, seededRandom(options.seed ?? 1)) : undefined,
    stats,
    analysis,
    now,
    newId: randomUUID,
    initialState,
    onCommit: (state) => writer?.save(state),
  });
  if (writer && initialState !== stored) writer.save(initialState);

  const app = buildServer(ctx);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    clientId,
    clientSecret,
    roles: { deployer: DEPLOYER_ROLE_ID, readOnly: READ_ONLY_ROLE_ID },
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    snapshot: () => structuredClone(ctx.state()),
    close: () =>
      (closing ??= (async () => {
        await app.close();
        if (writer) {
          writer.save(ctx.state());
          await writer.flush();
        }
      })()),
  };
}
