// Pure transitions of Architect jobs (register, upload, run) and validate jobs.
import { parse as parseYaml } from 'yaml';
import { failures } from './errors.js';
import type { FlowAnalysis, AnalysisFinding } from './analysis.js';
import { assertNotLockedByOther, failureReason, saveNextVersion } from './flow-state.js';
import { ApiFailure } from './errors.js';
import {
  schedule,
  withFlow,
  type ArchitectJobRecord,
  type EmulatorState,
  type FlowDocument,
  type FlowReference,
  type JobMessage,
  type JobPayload,
  type ValidateJobRecord,
} from './state.js';

export const ARCHY_NOT_SUPPORTED = 'Archy YAML processing is not supported by this emulator yet';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireJob(state: EmulatorState, jobId: string): ArchitectJobRecord {
  const job = Object.hasOwn(state.jobs, jobId) ? state.jobs[jobId] : undefined;
  if (!job) throw failures.notFound('job', jobId);
  return job;
}

function withJob(state: EmulatorState, job: ArchitectJobRecord): EmulatorState {
  return { ...state, jobs: { ...state.jobs, [job.id]: job } };
}

function withValidateJob(state: EmulatorState, job: ValidateJobRecord): EmulatorState {
  return { ...state, validateJobs: { ...state.validateJobs, [job.id]: job } };
}

/** POST /api/v2/flows/jobs: a job waiting for its upload. */
export function registerJob(state: EmulatorState, input: { jobId: string; clientId: string; now: number }): { state: EmulatorState; job: ArchitectJobRecord } {
  const job: ArchitectJobRecord = { id: input.jobId, clientId: input.clientId, status: 'Registered', command: 'Publish', messages: [], dateCreated: input.now };
  return { state: withJob(state, job), job };
}

/**
 * What an upload is: a gcflow flow document (JSON or YAML with `id` and `nodes`) is processed;
 * anything else (Archy YAML) is not yet, and the job will fail saying so.
 */
export function classifyUpload(text: string): JobPayload {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { kind: 'unsupported', reason: `The uploaded file is neither a gcflow flow document nor processable YAML (${message}).` };
  }
  if (isObject(data) && typeof data.id === 'string' && data.id !== '' && isObject(data.nodes)) return { kind: 'document', document: data };
  return { kind: 'unsupported', reason: `${ARCHY_NOT_SUPPORTED}; upload a gcflow flow document (JSON or YAML with id and nodes) instead.` };
}

/** The upload to the presigned URL arrived: the job starts and runs after `delayMs`. */
export function receiveUpload(state: EmulatorState, input: { jobId: string; text: string; now: number; delayMs: number }): EmulatorState {
  const job = requireJob(state, input.jobId);
  if (job.status !== 'Registered') throw failures.conflict(`Job ${job.id} already received its upload.`);
  const next: ArchitectJobRecord = { ...job, status: 'Started', payload: classifyUpload(input.text) };
  return schedule(withJob(state, next), { kind: 'job', jobId: job.id, dueAt: input.now + input.delayMs });
}

function message(type: JobMessage['type'], text: string, now: number): JobMessage {
  return { dateTime: new Date(now).toISOString(), type, text };
}

function findingMessages(findings: AnalysisFinding[], prefix: string, now: number): JobMessage[] {
  return findings.map((f) => message(f.severity === 'error' ? 'Error' : 'Warning', `${prefix}${f.code}${f.pointer ? ` ${f.pointer}` : ''}: ${f.message}`, now));
}

/** Runs an uploaded job: a flow document is validated, saved as the next version and published; all or nothing. */
export function runJob(state: EmulatorState, jobId: string, now: number, analysis: FlowAnalysis): EmulatorState {
  const job = Object.hasOwn(state.jobs, jobId) ? state.jobs[jobId] : undefined;
  if (!job || job.status !== 'Started' || !job.payload) return state;
  const finish = (s: EmulatorState, status: 'Success' | 'Failure', messages: JobMessage[], flowId?: string) =>
    withJob(s, { ...job, status, messages: [...job.messages, ...messages], flowId: flowId ?? job.flowId, payload: undefined });
  const payload = job.payload;
  if (payload.kind === 'unsupported') return finish(state, 'Failure', [message('Error', payload.reason, now)]);
  const document: FlowDocument = payload.document;
  const flowId = document.id as string;
  const existing = Object.hasOwn(state.flows, flowId) ? state.flows[flowId] : undefined;
  if (existing) {
    try {
      assertNotLockedByOther(existing, job.clientId);
    } catch {
      const text = `Flow '${existing.name}' (${flowId}) is locked by another entity. Unlock it (force unlock) and run the job again.`;
      return finish(state, 'Failure', [message('Error', text, now)], flowId);
    }
  }
  const result = analysis.validate(document);
  const notes = findingMessages(result.findings, '', now);
  if (!result.valid || result.errorCount > 0) {
    return finish(state, 'Failure', [message('Error', failureReason(result.findings), now), ...notes], flowId);
  }
  let saved;
  try {
    saved = saveNextVersion(state, flowId, { ...document, status: 'draft' }, { clientId: job.clientId, now, operationId: `${job.id}-save`, createIfMissing: true });
  } catch (error) {
    const text = error instanceof ApiFailure ? error.message : String(error);
    return finish(state, 'Failure', [message('Error', text, now)], flowId);
  }
  const datePublished = new Date(now).toISOString();
  const flow = saved.flow;
  const published = {
    ...flow,
    status: 'published' as const,
    datePublished,
    publishedVersion: flow.version,
    versions: flow.versions.map((v) => (v.version === flow.version ? { ...v, type: 'PUBLISH' as const, datePublished } : v)),
    currentOperation: { id: `${job.id}-publish`, actionName: 'PUBLISH' as const, actionStatus: 'SUCCESS' as const, complete: true, clientId: job.clientId },
  };
  return finish(withFlow(saved.state, published), 'Success', notes.filter((n) => n.type === 'Warning'), flowId);
}

/** POST /api/v2/flows/validate/jobs: checks the body and queues the job. */
export function registerValidateJob(
  state: EmulatorState,
  input: { jobId: string; clientId: string; body: unknown; now: number; delayMs: number },
): { state: EmulatorState; job: ValidateJobRecord } {
  const { body } = input;
  if (!isObject(body) || !Array.isArray(body.flows) || body.flows.length === 0) {
    throw failures.invalidValue('flows', 'The body needs a non-empty flows list: {"flows":[{"flow":{"id":"..."}}]}.');
  }
  const flows: FlowReference[] = body.flows.map((entry, index) => {
    const flow = isObject(entry) && isObject(entry.flow) ? entry.flow : undefined;
    if (!flow || (typeof flow.id !== 'string' && typeof flow.name !== 'string')) {
      throw failures.invalidValue(`flows[${index}].flow`, `flows[${index}] needs a flow with an id or a name.`);
    }
    const ref: FlowReference = {};
    if (typeof flow.id === 'string') ref.id = flow.id;
    if (typeof flow.name === 'string') ref.name = flow.name;
    if (typeof flow.type === 'string') ref.type = flow.type;
    if (flow.version !== undefined) ref.version = String(flow.version);
    return ref;
  });
  const job: ValidateJobRecord = { id: input.jobId, clientId: input.clientId, status: 'Started', flows, messages: [], dateCreated: input.now };
  return { state: schedule(withValidateJob(state, job), { kind: 'validateJob', jobId: job.id, dueAt: input.now + input.delayMs }), job };
}

/** Validates each referenced flow version; the job fails when any of them has an error. */
export function runValidateJob(state: EmulatorState, jobId: string, now: number, analysis: FlowAnalysis): EmulatorState {
  const job = Object.hasOwn(state.validateJobs, jobId) ? state.validateJobs[jobId] : undefined;
  if (!job || job.status !== 'Started') return state;
  const messages: JobMessage[] = [];
  for (const ref of job.flows) {
    const flow = Object.values(state.flows).find(
      (f) => (ref.id === undefined || f.id === ref.id) && (ref.name === undefined || f.name === ref.name) && (ref.type === undefined || f.type === ref.type.toLowerCase()),
    );
    const label = ref.id ?? ref.name ?? '?';
    if (!flow) {
      messages.push(message('Error', `Flow ${label} was not found.`, now));
      continue;
    }
    const version = ref.version !== undefined ? Number(ref.version) : flow.version;
    const record = flow.versions.find((v) => v.version === version);
    if (!record) {
      messages.push(message('Error', `Flow '${flow.name}' (${flow.id}) has no version ${ref.version ?? 'with a configuration'}.`, now));
      continue;
    }
    messages.push(...findingMessages(analysis.validate(record.document).findings, `Flow '${flow.name}' (${flow.id}) version ${version}: `, now));
  }
  const status = messages.some((m) => m.type === 'Error') ? 'Failure' : 'Success';
  return withValidateJob(state, { ...job, status, messages });
}
