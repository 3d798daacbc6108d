// The seed document's function names with safe behaviour: validateFlow, pushFlowUpdate, monitorDeployment, verifyRoleScopes.
import type { FlowDefinition } from '../flow/schema.js';
import type { PlatformClient } from '../platform/index.js';
import { permissionsOfPolicies } from '../platform/permission-match.js';
import { validate } from '../validate/index.js';
import type { ValidationResult } from '../validate/index.js';
import { SYSTEM_CLOCK } from './connect.js';
import { DocumentApiTarget, type DeployClock } from './document-target.js';
import { checkSeedScopes, SEED_SCOPES, type ScopeCheck } from './permissions.js';
import { documentApiOf } from './platform-document-api.js';
import type { PollSchedule } from './poll-schedule.js';
import type { DeployedFlow, ServerValidation, WatchProgress } from './target.js';

export interface FlowValidationReport {
  /** No errors locally, and none from the server when it was asked. */
  valid: boolean;
  local: ValidationResult;
  /** The server's verdict, when a client was given. */
  server?: ServerValidation;
}

/**
 * Validates a flow locally (schema and semantic checks) and, given a client, with the server's own validation
 * (`POST /api/v2/flows/{id}/validate`). The server is only asked when the local checks pass.
 */
export async function validateFlow(flow: FlowDefinition, options: { client?: Pick<PlatformClient, 'apiBase' | 'documents' | 'versions'>; env?: Record<string, string> } = {}): Promise<FlowValidationReport> {
  const local = validate(flow, options.env ? { env: options.env } : {});
  if (!options.client || !local.valid) return { valid: local.valid, local };
  const target = new DocumentApiTarget({ api: documentApiOf(options.client), clock: SYSTEM_CLOCK });
  const server = await target.validate(flow);
  return { valid: local.valid && server.valid, local, server };
}

export interface PushFlowResult {
  flowId: string;
  /** The version written (expected version + 1). */
  version: number;
  /** The version it was written on top of (0 for a new flow). */
  previousVersion: number;
  /** The status the server answered with (`draft` while a publication is under way). */
  status: string;
}

export interface PushFlowOptions {
  /**
   * The deployed version your change is based on (0 for a new flow). The write carries expectedVersion + 1;
   * if the server holds anything else, it answers 409 and this rejects with VersionConflictError: nothing is
   * retried with a bumped version, so no one's update is lost. Default: `flow.version - 1` (the flow's own
   * `version` is the one to write, as the document API's PUT expects).
   */
  expectedVersion?: number;
  /** Ask for publication (status `published`, the default) or save a draft. */
  publish?: boolean;
}

/** Writes a flow with optimistic locking: exactly expectedVersion + 1, or VersionConflictError. One request. */
export async function pushFlowUpdate(client: Pick<PlatformClient, 'documents'>, flow: FlowDefinition, options: PushFlowOptions = {}): Promise<PushFlowResult> {
  const expected = options.expectedVersion ?? Math.max(0, flow.version - 1);
  const body: FlowDefinition = { ...flow, version: expected + 1, status: options.publish === false ? 'draft' : 'published' };
  delete (body as { $schema?: string }).$schema;
  const answer = await client.documents.put(flow.id, body);
  return { flowId: flow.id, version: typeof answer.version === 'number' ? answer.version : body.version, previousVersion: expected, status: String(answer.status ?? body.status) };
}

export interface MonitorOptions {
  /** The version to wait for (default: whatever version is current at the first check). */
  version?: number;
  /** Give up after this long (default 120 s); the flow is left as it is. */
  timeoutMs?: number;
  onProgress?: (progress: WatchProgress) => void;
  pollSchedule?: PollSchedule;
  clock?: DeployClock;
  signal?: AbortSignal;
}

export interface MonitorResult {
  flowId: string;
  outcome: 'published' | 'failed' | 'superseded' | 'timeout' | 'gone';
  version: number;
  elapsedMs: number;
  /** GET requests made while waiting. */
  checks: number;
  /** Why publication failed, when it did. */
  reason?: string;
  /** The flow as last read (its definition is what is live when published). */
  deployed?: DeployedFlow;
}

export const DEFAULT_MONITOR_TIMEOUT_MS = 120_000;

/**
 * Waits for a flow's publication with adaptive polling (first check after ~65 ms, then ×1.5 up to 2 s) instead
 * of the seed's fixed interval. Resolves with the outcome; never throws for a failed or slow publication.
 */
export async function monitorDeployment(client: Pick<PlatformClient, 'apiBase' | 'documents' | 'versions'>, flowId: string, options: MonitorOptions = {}): Promise<MonitorResult> {
  const target = new DocumentApiTarget({ api: documentApiOf(client), clock: options.clock ?? SYSTEM_CLOCK, ...(options.pollSchedule ? { pollSchedule: options.pollSchedule } : {}) });
  let version = options.version;
  let extraChecks = 0;
  if (version === undefined) {
    const current = await target.fetchDeployed(flowId);
    extraChecks = 1;
    if (current === undefined) return { flowId, outcome: 'gone', version: 0, elapsedMs: 0, checks: extraChecks };
    if (current.status === 'published' || current.status === 'failed') {
      const outcome = current.status === 'published' ? 'published' : 'failed';
      return { flowId, outcome, version: current.version, elapsedMs: 0, checks: extraChecks, deployed: current, ...(current.statusReason ? { reason: current.statusReason } : {}) };
    }
    version = current.version;
  }
  const result = await target.watch(flowId, version, {
    timeoutMs: options.timeoutMs ?? DEFAULT_MONITOR_TIMEOUT_MS,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const checks = result.checks + extraChecks;
  const deployed = 'deployed' in result ? result.deployed : undefined;
  return {
    flowId,
    outcome: result.outcome,
    version: deployed?.version ?? version,
    elapsedMs: result.elapsedMs,
    checks,
    ...(result.outcome === 'failed' ? { reason: result.reason } : {}),
    ...(deployed ? { deployed } : {}),
  };
}

export interface RoleScopeReport extends ScopeCheck {
  /** Where the granted permissions came from: the caller's roles, or one role asked for by id. */
  source: { kind: 'client'; clientId: string; roles: string[] } | { kind: 'role'; roleId: string; name?: string };
  granted: string[];
}

/**
 * The seed's role check, made real: Genesys client-credentials tokens carry no scopes, so each seed scope name
 * (`flow:view`, `flow:edit`, `flow:simulate`, `authorization:read`) is mapped to the permissions it stands for
 * (SEED_SCOPE_PERMISSIONS) and checked against the permissions of the client's roles (tokens/me → OAuth client →
 * roles) or of one role (`roleId`).
 */
export async function verifyRoleScopes(
  client: Pick<PlatformClient, 'permissions' | 'roles'>,
  scopes: readonly string[] = SEED_SCOPES,
  options: { roleId?: string } = {},
): Promise<RoleScopeReport> {
  if (options.roleId !== undefined) {
    const role = await client.roles.get(options.roleId, { userCount: false });
    const granted = [...new Set([...(role.permissions ?? []), ...permissionsOfPolicies(role.permissionPolicies ?? [])])].sort();
    return { ...checkSeedScopes(scopes, granted), source: { kind: 'role', roleId: options.roleId, ...(role.name ? { name: role.name } : {}) }, granted };
  }
  const discovered = await client.permissions.discover();
  return {
    ...checkSeedScopes(scopes, discovered.permissions),
    source: { kind: 'client', clientId: discovered.clientId, roles: discovered.roles.map((r) => r.name ?? r.roleId) },
    granted: discovered.permissions,
  };
}
