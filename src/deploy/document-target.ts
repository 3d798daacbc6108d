// The deploy target over the seed's flow document API: GET/PUT /api/v2/flows/{id} with version, validate, status.
import type { FlowDefinition } from '../flow/schema.js';
import { ApiError, NetworkError, RateLimitedError, TimeoutError } from '../platform/errors.js';
import { definitionOf } from './definition.js';
import type { FlowDocumentApi, RemoteFlowDocument } from './document-api.js';
import { NoDocumentApiError } from './no-document-api.js';
import { createPlan, type DeployPlan } from './plan.js';
import { DEFAULT_POLL_SCHEDULE, nextPollDelay, type PollSchedule } from './poll-schedule.js';
import type { DeployedFlow, DeployedVersionInfo, DeployTarget, FlowLock, PushReceipt, ServerFinding, ServerValidation, WatchOptions, WatchResult } from './target.js';

/** Time, passed in so that tests and the bench control it. */
export interface DeployClock {
  /** Milliseconds from an arbitrary origin (monotonic). */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface DocumentTargetOptions {
  api: FlowDocumentApi;
  clock: DeployClock;
  pollSchedule?: PollSchedule;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function lockOf(document: RemoteFlowDocument): FlowLock | undefined {
  for (const [field, kind] of [['lockedClient', 'client'], ['lockedUser', 'user']] as const) {
    const holder = document[field];
    if (isRecord(holder) && (typeof holder.id === 'string' || typeof holder.name === 'string')) {
      return { by: String(holder.name ?? holder.id), kind };
    }
  }
  if (typeof document.lockedClientId === 'string') return { by: document.lockedClientId, kind: 'client' };
  return undefined;
}

/** Reads a server document as a deployed flow, or says plainly that the server is not a document API. */
export function deployedFlowOf(flowId: string, document: RemoteFlowDocument, baseUrl: string): DeployedFlow {
  if (!isRecord(document.nodes)) {
    const shape = 'publishedVersion' in document || 'checkedInVersion' in document || 'currentOperation' in document ? 'an Architect Flow model' : 'a document';
    throw new NoDocumentApiError(baseUrl, `GET /api/v2/flows/${flowId} answered ${shape} without the flow's "nodes"`);
  }
  const version = typeof document.version === 'number' ? document.version : Number(document.version);
  const deployed: DeployedFlow = {
    flowId,
    version: Number.isFinite(version) ? version : 0,
    status: typeof document.status === 'string' ? document.status : 'draft',
    definition: definitionOf(document),
  };
  if (typeof document.statusReason === 'string') deployed.statusReason = document.statusReason;
  const published = document.datePublished ?? document.publishedAt;
  if (typeof published === 'string') deployed.publishedAt = published;
  const lock = lockOf(document);
  if (lock) deployed.lock = lock;
  return deployed;
}

/** Reads the validate endpoint's answer, whatever its exact shape (findings/errors/messages lists). */
export function serverValidationOf(answer: unknown): ServerValidation {
  if (!isRecord(answer)) return { valid: true, findings: [] };
  const raw = [answer.findings, answer.errors, answer.messages, answer.diagnostics].find(Array.isArray) as unknown[] | undefined;
  const findings: ServerFinding[] = (raw ?? []).filter(isRecord).map((f) => {
    const severity = String(f.severity ?? f.type ?? 'error').toLowerCase() === 'warning' ? 'warning' : 'error';
    const finding: ServerFinding = { severity, message: String(f.message ?? f.text ?? 'invalid') };
    if (typeof f.code === 'string') finding.code = f.code;
    if (typeof f.pointer === 'string') finding.pointer = f.pointer;
    return finding;
  });
  const errorCount = typeof answer.errorCount === 'number' ? answer.errorCount : findings.filter((f) => f.severity === 'error').length;
  const valid = typeof answer.valid === 'boolean' ? answer.valid && errorCount === 0 : errorCount === 0;
  return { valid, findings };
}

/** Errors worth looking again after: rate limits, 5xx, timeouts and dropped connections. */
export function isTransient(error: unknown): boolean {
  if (error instanceof RateLimitedError || error instanceof TimeoutError || error instanceof NetworkError) return true;
  return error instanceof ApiError && (error.status === 429 || error.status >= 500);
}

export class DocumentApiTarget implements DeployTarget {
  readonly description: string;
  private readonly api: FlowDocumentApi;
  private readonly clock: DeployClock;
  private readonly schedule: PollSchedule;

  constructor(options: DocumentTargetOptions) {
    this.api = options.api;
    this.clock = options.clock;
    this.schedule = options.pollSchedule ?? DEFAULT_POLL_SCHEDULE;
    this.description = `flow document API at ${options.api.baseUrl}`;
  }

  async fetchDeployed(flowId: string): Promise<DeployedFlow | undefined> {
    const document = await this.api.getFlow(flowId);
    return document === undefined ? undefined : deployedFlowOf(flowId, document, this.api.baseUrl);
  }

  async plan(desired: FlowDefinition): Promise<DeployPlan> {
    return createPlan(desired, await this.fetchDeployed(desired.id));
  }

  async validate(flow: FlowDefinition): Promise<ServerValidation> {
    return serverValidationOf(await this.api.validateFlow(flow.id, flow as unknown as RemoteFlowDocument));
  }

  async push(plan: DeployPlan): Promise<PushReceipt> {
    return this.write(plan.flowId, plan.desired);
  }

  async rollback(flowId: string, definition: FlowDefinition, expectedVersion: number): Promise<PushReceipt> {
    return this.write(flowId, { ...definition, id: flowId, version: expectedVersion + 1, status: 'published' });
  }

  async removeCreated(flowId: string, createdVersion: number): Promise<boolean> {
    if (!this.api.deleteFlow) return false;
    const deployed = await this.fetchDeployed(flowId);
    if (deployed === undefined) return true;
    if (deployed.version !== createdVersion || deployed.status === 'published') return false;
    await this.api.deleteFlow(flowId);
    return true;
  }

  async listVersions(flowId: string): Promise<DeployedVersionInfo[]> {
    const versions = await this.api.listVersions(flowId);
    return versions.map((v) => ({
      version: v.version,
      published: v.type === 'PUBLISH' || v.datePublished !== undefined,
      ...(v.datePublished ? { publishedAt: v.datePublished } : {}),
    }));
  }

  async fetchVersion(flowId: string, version: number): Promise<FlowDefinition | undefined> {
    const document = await this.api.getVersionDocument(flowId, version);
    return document === undefined ? undefined : definitionOf(document);
  }

  private async write(flowId: string, flow: FlowDefinition): Promise<PushReceipt> {
    const answer = await this.api.putFlow(flowId, flow as unknown as RemoteFlowDocument);
    const version = typeof answer.version === 'number' ? answer.version : flow.version;
    return { flowId, version, status: typeof answer.status === 'string' ? answer.status : 'draft' };
  }

  async watch(flowId: string, version: number, options: WatchOptions): Promise<WatchResult> {
    const started = this.clock.now();
    let checks = 0;
    let last: DeployedFlow | undefined;
    for (;;) {
      const elapsed = this.clock.now() - started;
      if (elapsed >= options.timeoutMs) return { outcome: 'timeout', ...(last ? { deployed: last } : {}), elapsedMs: elapsed, checks };
      await this.clock.sleep(nextPollDelay(this.schedule, checks, elapsed, options.timeoutMs), options.signal);
      let deployed: DeployedFlow | undefined;
      try {
        deployed = await this.fetchDeployed(flowId);
      } catch (error) {
        // A check that failed after the client's own retries is one missed look, not a failed publication.
        if (!isTransient(error)) throw error;
        checks++;
        continue;
      }
      checks++;
      const elapsedMs = this.clock.now() - started;
      if (deployed === undefined) return { outcome: 'gone', elapsedMs, checks };
      last = deployed;
      options.onProgress?.({ elapsedMs, status: deployed.status, checks });
      if (deployed.version > version) return { outcome: 'superseded', deployed, elapsedMs, checks };
      if (deployed.version === version && deployed.status === 'published') return { outcome: 'published', deployed, elapsedMs, checks };
      if (deployed.version === version && deployed.status === 'failed') {
        return { outcome: 'failed', deployed, reason: deployed.statusReason ?? 'the server reports the publication failed', elapsedMs, checks };
      }
    }
  }
}
