// What every route and hook of one running emulator shares: its configuration, state store, tokens, limits and counters.
import type { FlowAnalysis } from './analysis.js';
import type { FaultDecision, FaultSpec } from './faults.js';
import { grantedPermissions, type EmulatorClient, type EmulatorRole } from './permissions.js';
import type { RateLimiter } from './rate-limit.js';
import { settle } from './settle.js';
import type { EmulatorState } from './state.js';
import type { StatsRecorder } from './stats.js';
import type { TokenStore } from './tokens.js';

export interface EmulatorConfig {
  tokenTtlSeconds: number;
  publishDelayMs: number;
  faultSpec: FaultSpec;
}

/** The authenticated caller of an /api/v2 request. */
export interface Caller {
  client: EmulatorClient;
  token: string;
  granted: string[];
}

export interface EmulatorContext {
  readonly config: EmulatorConfig;
  readonly clients: ReadonlyMap<string, EmulatorClient>;
  readonly roles: ReadonlyMap<string, EmulatorRole>;
  readonly tokens: TokenStore;
  readonly rateLimiter: RateLimiter;
  /** Present only when faults are configured. */
  readonly decideFault: (() => FaultDecision) | undefined;
  readonly stats: StatsRecorder;
  readonly analysis: FlowAnalysis;
  now(): number;
  newId(): string;
  grantsOf(clientId: string): string[];
  clientName(clientId: string): string | undefined;
  /** The current state, with due asynchronous work applied first. */
  state(): EmulatorState;
  /** Replaces the state (and schedules persistence). */
  commit(next: EmulatorState): void;
}

export interface ContextParts {
  config: EmulatorConfig;
  clients: EmulatorClient[];
  roles: EmulatorRole[];
  tokens: TokenStore;
  rateLimiter: RateLimiter;
  decideFault: (() => FaultDecision) | undefined;
  stats: StatsRecorder;
  analysis: FlowAnalysis;
  now: () => number;
  newId: () => string;
  initialState: EmulatorState;
  onCommit: (state: EmulatorState) => void;
}

export function createContext(parts: ContextParts): EmulatorContext {
  const clients = new Map(parts.clients.map((c) => [c.id, c]));
  const roles = new Map(parts.roles.map((r) => [r.id, r]));
  const grants = new Map<string, string[]>();
  for (const client of parts.clients) {
    const clientRoles = client.roleDivisions.map((rd) => roles.get(rd.roleId)).filter((r): r is EmulatorRole => r !== undefined);
    grants.set(client.id, grantedPermissions(clientRoles));
  }
  let current = parts.initialState;
  const commit = (next: EmulatorState) => {
    if (next === current) return;
    current = next;
    parts.onCommit(next);
  };
  return {
    config: parts.config,
    clients,
    roles,
    tokens: parts.tokens,
    rateLimiter: parts.rateLimiter,
    decideFault: parts.decideFault,
    stats: parts.stats,
    analysis: parts.analysis,
    now: parts.now,
    newId: parts.newId,
    grantsOf: (clientId) => grants.get(clientId) ?? [],
    clientName: (clientId) => clients.get(clientId)?.name,
    state: () => {
      const settled = settle(current, parts.now(), parts.analysis);
      commit(settled);
      return current;
    },
    commit,
  };
}
