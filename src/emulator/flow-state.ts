// Pure transitions of flow records: the document API (PUT with version), shells, locks, versions, publication.
import { ApiFailure, failures } from './errors.js';
import type { FlowAnalysis } from './analysis.js';
import {
  defaultDivisionId,
  schedule,
  withFlow,
  withoutFlow,
  type EmulatorState,
  type FlowDocument,
  type FlowRecord,
  type FlowStatus,
  type FlowVersionRecord,
  type OperationAction,
  type OperationRecord,
} from './state.js';

/** Flow types Genesys knows (lowercase, as the list filter spells them). */
export const FLOW_TYPES = [
  'bot', 'commonmodule', 'digitalbot', 'emailsend', 'inboundcall', 'inboundchat', 'inboundemail', 'inboundshortmessage',
  'inqueuecall', 'inqueueemail', 'inqueueshortmessage', 'outboundcall', 'securecall', 'speech', 'surveyinvite', 'voice',
  'voicemail', 'voicesurvey', 'workflow', 'workitem',
] as const;

const DOCUMENT_STATUSES = ['draft', 'published', 'scheduled'] as const;

/** Who does something and when: every transition needs it. */
export interface Actor {
  clientId: string;
  now: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireFlow(state: EmulatorState, flowId: string): FlowRecord {
  const flow = Object.hasOwn(state.flows, flowId) ? state.flows[flowId] : undefined;
  if (!flow) throw failures.notFound('flow', flowId);
  return flow;
}

/** A lock held by another client makes every change fail. */
export function assertNotLockedByOther(flow: FlowRecord, clientId: string): void {
  if (flow.lockedClientId !== undefined && flow.lockedClientId !== clientId) throw failures.locked(flow.id, flow.name, flow.lockedClientId);
}

function operation(id: string, actionName: OperationAction, clientId: string, done: boolean): OperationRecord {
  return { id, actionName, actionStatus: done ? 'SUCCESS' : 'STARTED', complete: done, clientId };
}

function normaliseType(value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(FLOW_TYPES as readonly string[]).includes(value.toLowerCase())) {
    throw failures.invalidValue('type', `Unknown flow type ${JSON.stringify(value)}; use one of ${FLOW_TYPES.join(', ')}.`);
  }
  return value.toLowerCase();
}

export interface PutDocumentInput extends Actor {
  flowId: string;
  body: unknown;
  operationId: string;
  publishDelayMs: number;
}

/**
 * The seed document API's PUT: the body's `version` must be the current version plus one (1 for a new flow),
 * status `published` starts an asynchronous publication, `scheduled` is kept as given.
 */
export function putDocument(state: EmulatorState, input: PutDocumentInput): { state: EmulatorState; flow: FlowRecord } {
  const { flowId, body, clientId, now } = input;
  if (!isObject(body)) throw failures.badRequest('The request body must be a flow document (a JSON object).');
  if (body.id !== undefined && body.id !== flowId) {
    throw failures.invalidValue('id', `The document's id ${JSON.stringify(body.id)} does not match the flow id ${flowId} in the path.`);
  }
  if (!Number.isInteger(body.version)) throw failures.invalidValue('version', 'The document must carry an integer version (the current version plus one).');
  const requested = body.status ?? 'draft';
  if (typeof requested !== 'string' || !(DOCUMENT_STATUSES as readonly string[]).includes(requested)) {
    throw failures.invalidValue('status', `Unknown status ${JSON.stringify(requested)}; use draft, published or scheduled.`);
  }
  const existing = Object.hasOwn(state.flows, flowId) ? state.flows[flowId] : undefined;
  const current = existing?.version ?? 0;
  if (body.version !== current + 1) throw failures.versionConflict(flowId, existing?.name ?? flowId, current, body.version);
  if (existing) assertNotLockedByOther(existing, clientId);
  const version = current + 1;
  const document: FlowDocument = { ...body, id: flowId, version };
  const name = typeof body.name === 'string' && body.name !== '' ? body.name : (existing?.name ?? flowId);
  const versionRecord: FlowVersionRecord = { version, document, type: 'SAVE', dateCreated: now, createdByClientId: clientId };
  const publishing = requested === 'published';
  const status: FlowStatus = publishing ? 'draft' : (requested as FlowStatus);
  const flow: FlowRecord = {
    ...(existing ?? { dateCreated: now, divisionId: defaultDivisionId, versions: [] }),
    id: flowId,
    name,
    type: normaliseType(body.type, existing?.type ?? 'inboundshortmessage'),
    description: typeof body.description === 'string' ? body.description : existing?.description,
    version,
    document,
    status,
    statusReason: undefined,
    currentOperation: operation(input.operationId, publishing ? 'PUBLISH' : 'SAVE', clientId, !publishing),
    versions: [...(existing?.versions ?? []), versionRecord],
    dateModified: now,
  };
  let next = withFlow(state, flow);
  if (publishing) next = schedule(next, { kind: 'publish', flowId, version, operationId: input.operationId, dueAt: now + input.publishDelayMs });
  return { state: next, flow };
}

/** A short reason listing the first validation errors, for `statusReason` and operation messages. */
export function failureReason(findings: Array<{ code: string; severity: string; message: string; pointer?: string }>): string {
  const errors = findings.filter((f) => f.severity === 'error');
  const shown = errors.slice(0, 5).map((f) => `${f.code}${f.pointer ? ` ${f.pointer}` : ''}: ${f.message}`);
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : '';
  return `Validation failed with ${errors.length} error(s): ${shown.join('; ')}${more}`;
}

/** Finishes a publication that was started earlier, unless a later change superseded it. */
export function completePublish(
  state: EmulatorState,
  work: { flowId: string; version: number; operationId: string },
  now: number,
  analysis: FlowAnalysis,
): EmulatorState {
  const flow = Object.hasOwn(state.flows, work.flowId) ? state.flows[work.flowId] : undefined;
  if (!flow || flow.currentOperation?.id !== work.operationId) return state;
  const record = flow.versions.find((v) => v.version === work.version);
  const isCurrent = work.version === flow.version;
  const result = record ? analysis.validate(record.document) : undefined;
  if (!record || !result || !result.valid || result.errorCount > 0) {
    const reason = record && result ? failureReason(result.findings) : `Version ${work.version} has no configuration to publish.`;
    return withFlow(state, {
      ...flow,
      status: isCurrent ? 'failed' : flow.status,
      statusReason: reason,
      currentOperation: { ...flow.currentOperation, actionStatus: 'FAILURE', complete: true, errorMessage: reason, errorCode: 'flow.validation.failed' },
      dateModified: now,
    });
  }
  const datePublished = new Date(now).toISOString();
  return withFlow(state, {
    ...flow,
    status: isCurrent ? 'published' : flow.status,
    statusReason: undefined,
    datePublished,
    publishedVersion: work.version,
    versions: flow.versions.map((v) => (v.version === work.version ? { ...v, type: 'PUBLISH', datePublished } : v)),
    currentOperation: { ...flow.currentOperation, actionStatus: 'SUCCESS', complete: true },
    dateModified: now,
  });
}

export interface CreateShellInput extends Actor {
  flowId: string;
  body: unknown;
}

/** POST /api/v2/flows: an empty flow shell (no configuration yet); names are unique per type. */
export function createShell(state: EmulatorState, input: CreateShellInput): { state: EmulatorState; flow: FlowRecord } {
  const { body } = input;
  if (!isObject(body)) throw failures.badRequest('The request body must be a Flow object with at least name and type.');
  if (typeof body.name !== 'string' || body.name.trim() === '') throw failures.invalidValue('name', 'A flow needs a name.');
  const type = normaliseType(body.type ?? 'inboundshortmessage', 'inboundshortmessage');
  const clash = Object.values(state.flows).find((f) => f.type === type && f.name.toLowerCase() === (body.name as string).toLowerCase());
  if (clash) throw failures.conflict(`A flow named "${body.name}" of type ${type} already exists (${clash.id}).`);
  const division = isObject(body.division) && typeof body.division.id === 'string' ? body.division.id : defaultDivisionId;
  const flow: FlowRecord = {
    id: input.flowId,
    name: body.name,
    type,
    description: typeof body.description === 'string' ? body.description : undefined,
    divisionId: division,
    version: 0,
    document: null,
    status: 'draft',
    versions: [],
    dateCreated: input.now,
    dateModified: input.now,
  };
  return { state: withFlow(state, flow), flow };
}

/** DELETE /api/v2/flows/{id}: refused while another client holds the lock or a web deployment uses the flow. */
export function deleteFlow(state: EmulatorState, flowId: string, actor: Actor): EmulatorState {
  const flow = requireFlow(state, flowId);
  assertNotLockedByOther(flow, actor.clientId);
  const user = Object.values(state.webDeployments).find((d) => d.flowId === flowId);
  if (user) throw failures.conflict(`Flow ${flowId} is in use by web deployment ${user.id} (${user.name}); unbind it first.`);
  return withoutFlow(state, flowId);
}

/** actions/checkout: locks the flow to the calling client. */
export function checkout(state: EmulatorState, flowId: string, actor: Actor & { operationId: string }): { state: EmulatorState; flow: FlowRecord } {
  const flow = requireFlow(state, flowId);
  assertNotLockedByOther(flow, actor.clientId);
  const next: FlowRecord = { ...flow, lockedClientId: actor.clientId, currentOperation: operation(actor.operationId, 'CHECKOUT', actor.clientId, true), dateModified: actor.now };
  return { state: withFlow(state, next), flow: next };
}

/** actions/checkin: records the current version as checked in and releases the lock. */
export function checkin(state: EmulatorState, flowId: string, actor: Actor & { operationId: string }): { state: EmulatorState; flow: FlowRecord } {
  const flow = requireFlow(state, flowId);
  assertNotLockedByOther(flow, actor.clientId);
  if (flow.version === 0) throw failures.badRequest(`Flow ${flowId} has no saved configuration to check in.`);
  const next: FlowRecord = {
    ...flow,
    lockedClientId: undefined,
    checkedInVersion: flow.version,
    versions: flow.versions.map((v) => (v.version === flow.version && v.type === 'SAVE' ? { ...v, type: 'CHECKIN' } : v)),
    currentOperation: operation(actor.operationId, 'CHECKIN', actor.clientId, true),
    dateModified: actor.now,
  };
  return { state: withFlow(state, next), flow: next };
}

/** actions/unlock: a forced unlock, whoever holds the lock. */
export function unlock(state: EmulatorState, flowId: string, actor: Actor): { state: EmulatorState; flow: FlowRecord } {
  const flow = requireFlow(state, flowId);
  const next: FlowRecord = { ...flow, lockedClientId: undefined, dateModified: actor.now };
  return { state: withFlow(state, next), flow: next };
}

/** actions/publish: publishes a version (default: the current one) asynchronously and releases the lock. */
export function requestPublish(
  state: EmulatorState,
  flowId: string,
  actor: Actor & { operationId: string; version?: string; publishDelayMs: number },
): { state: EmulatorState; flow: FlowRecord } {
  const flow = requireFlow(state, flowId);
  assertNotLockedByOther(flow, actor.clientId);
  let version = flow.version;
  if (actor.version !== undefined) {
    version = Number(actor.version);
    if (!flow.versions.some((v) => v.version === version)) throw failures.notFound('flow version', `${flowId}/${actor.version}`);
  }
  if (version === 0) throw failures.badRequest(`Flow ${flowId} has no saved configuration to publish.`);
  const next: FlowRecord = {
    ...flow,
    lockedClientId: undefined,
    currentOperation: operation(actor.operationId, 'PUBLISH', actor.clientId, false),
    dateModified: actor.now,
  };
  const scheduled = schedule(withFlow(state, next), { kind: 'publish', flowId, version, operationId: actor.operationId, dueAt: actor.now + actor.publishDelayMs });
  return { state: scheduled, flow: next };
}

/** Saves a document as the next version without the optimistic-lock check (POST .../versions, Architect jobs). */
export function saveNextVersion(
  state: EmulatorState,
  flowId: string,
  body: unknown,
  actor: Actor & { operationId: string; createIfMissing?: boolean },
): { state: EmulatorState; flow: FlowRecord } {
  if (!isObject(body)) throw failures.badRequest('The request body must be a flow configuration (a JSON object).');
  const existing = Object.hasOwn(state.flows, flowId) ? state.flows[flowId] : undefined;
  if (!existing && !actor.createIfMissing) throw failures.notFound('flow', flowId);
  const current = existing?.version ?? 0;
  const status = typeof body.status === 'string' && body.status !== 'published' ? body.status : 'draft';
  return putDocument(state, {
    flowId,
    body: { ...body, id: flowId, version: current + 1, status },
    clientId: actor.clientId,
    now: actor.now,
    operationId: actor.operationId,
    publishDelayMs: 0,
  });
}

/** actions/revert: the checked-in (or published) configuration becomes the next version again; the lock is released. */
export function revert(state: EmulatorState, flowId: string, actor: Actor & { operationId: string }): { state: EmulatorState; flow: FlowRecord } {
  const flow = requireFlow(state, flowId);
  assertNotLockedByOther(flow, actor.clientId);
  const base = Math.max(flow.checkedInVersion ?? 0, flow.publishedVersion ?? 0);
  if (base === 0) throw failures.badRequest(`Flow ${flowId} has no checked-in or published version to revert to.`);
  if (base === flow.version) {
    const next = { ...flow, lockedClientId: undefined, dateModified: actor.now };
    return { state: withFlow(state, next), flow: next };
  }
  const record = flow.versions.find((v) => v.version === base);
  if (!record) throw new ApiFailure(500, 'internal.server.error', `Version ${base} of flow ${flowId} is missing.`);
  const saved = saveNextVersion(state, flowId, { ...record.document, status: 'draft' }, { ...actor, createIfMissing: false });
  const next: FlowRecord = { ...saved.flow, lockedClientId: undefined, currentOperation: operation(actor.operationId, 'REVERT', actor.clientId, true) };
  return { state: withFlow(saved.state, next), flow: next };
}
