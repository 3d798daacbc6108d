// The seed document's API: GET/PUT /api/v2/flows/{id} with an optimistic version, plus validate and simulate.
import type { FastifyInstance } from 'fastify';
import type { Caller, EmulatorContext } from '../context.js';
import { failures } from '../errors.js';
import { putDocument, requireFlow } from '../flow-state.js';
import { missingPermissions, type PermissionRequirement } from '../permissions.js';
import { callerOf } from '../server.js';
import type { FlowRecord } from '../state.js';
import { documentView } from '../views.js';
import { stringParam } from './query.js';

type FlowParams = { Params: { flowId: string }; Querystring: Record<string, string | string[]> };

/** A permission that depends on the body (creating, publishing), checked in the handler. */
export function requirePermission(caller: Caller, requirement: PermissionRequirement): void {
  const missing = missingPermissions(caller.granted, requirement);
  if (missing.length > 0) throw failures.missingPermissions(missing, 'all' in requirement);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document a validate/simulate request is about: one in the body (`flow`, or the body itself), else the stored one. */
function subjectDocument(ctx: EmulatorContext, flowId: string, body: unknown, version: string | undefined): unknown {
  if (isObject(body) && isObject(body.flow)) return body.flow;
  if (isObject(body) && isObject(body.nodes)) return body;
  const flow = requireFlow(ctx.state(), flowId);
  if (version !== undefined) {
    const record = flow.versions.find((v) => String(v.version) === version);
    if (!record) throw failures.notFound('flow version', `${flowId}/${version}`);
    return record.document;
  }
  if (!flow.document) throw failures.badRequest(`Flow ${flowId} has no configuration yet; PUT a flow document first.`);
  return flow.document;
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
const isTranscript = (value: unknown) => Array.isArray(value) && value.every((turn) => isObject(turn) && typeof turn.from === 'string' && typeof turn.text === 'string');
const isStringMap = (value: unknown) => isObject(value) && Object.values(value).every((v) => typeof v === 'string');

/** The simulator options a request body may set, each checked for its type (400 otherwise). */
const SIMULATE_FIELDS: Record<string, { valid: (value: unknown) => boolean; expected: string }> = {
  messages: { valid: isStringList, expected: 'a list of strings' },
  transcript: { valid: isTranscript, expected: 'a list of {from, text} turns' },
  data: { valid: isObject, expected: 'an object' },
  intents: { valid: (v) => isObject(v) && Object.values(v).every(isStringList), expected: 'an object of keyword lists' },
  stepLimit: { valid: (v) => Number.isInteger(v) && (v as number) > 0 && (v as number) <= 100_000, expected: 'a whole number from 1 to 100000' },
  conversationId: { valid: (v) => typeof v === 'string', expected: 'a string' },
  channel: { valid: (v) => typeof v === 'string', expected: 'a string' },
  env: { valid: isStringMap, expected: 'an object of strings' },
  startWithoutMessage: { valid: (v) => typeof v === 'boolean', expected: 'true or false' },
};

function simulateOptions(body: unknown): Record<string, unknown> {
  if (!isObject(body)) return {};
  const options: Record<string, unknown> = {};
  const given: Record<string, unknown> = { ...body };
  // The seed document sends `initialData`; a single `message` is a one-message conversation.
  if (given.data === undefined && given.initialData !== undefined) given.data = given.initialData;
  if (given.messages === undefined && typeof given.message === 'string') given.messages = [given.message];
  for (const [key, rule] of Object.entries(SIMULATE_FIELDS)) {
    if (given[key] === undefined) continue;
    if (!rule.valid(given[key])) throw failures.invalidValue(key, `${key} must be ${rule.expected}.`);
    options[key] = given[key];
  }
  return options;
}

export function registerFlowDocumentRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  const view = { any: ['architect:flow:view'] };
  const names = (id: string) => ctx.clientName(id);

  // Records are immutable (every change makes a new one), so a record's serialised view can be kept with it.
  const serialised = new WeakMap<FlowRecord, string>();
  api.get<FlowParams>('/flows/:flowId', { config: { permission: view } }, async (request, reply) => {
    const flow = requireFlow(ctx.state(), request.params.flowId);
    let text = serialised.get(flow);
    if (text === undefined) {
      text = JSON.stringify(documentView(flow, names));
      serialised.set(flow, text);
    }
    return reply.type('application/json; charset=utf-8').send(text);
  });

  api.put<FlowParams>('/flows/:flowId', { config: { permission: { any: ['architect:flow:edit'] } } }, async (request) => {
    const caller = callerOf(request);
    const { flowId } = request.params;
    const state = ctx.state();
    if (!Object.hasOwn(state.flows, flowId)) requirePermission(caller, { all: ['architect:flow:add'] });
    if (isObject(request.body) && request.body.status === 'published') requirePermission(caller, { any: ['architect:flow:publish'] });
    const result = putDocument(state, {
      flowId,
      body: request.body,
      clientId: caller.client.id,
      now: ctx.now(),
      operationId: ctx.newId(),
      publishDelayMs: ctx.config.publishDelayMs,
    });
    ctx.commit(result.state);
    return documentView(result.flow, names);
  });

  api.post<FlowParams>('/flows/:flowId/validate', { config: { permission: view } }, async (request) => {
    const document = subjectDocument(ctx, request.params.flowId, request.body, stringParam(request.query.version));
    return ctx.analysis.validate(document);
  });

  api.post<FlowParams>('/flows/:flowId/simulate', { config: { permission: view } }, async (request) => {
    const document = subjectDocument(ctx, request.params.flowId, request.body, stringParam(request.query.version));
    const result = ctx.analysis.validate(document);
    if (result.errorCount > 0) {
      throw failures.badRequest(`The flow cannot be simulated: it has ${result.errorCount} validation error(s); POST .../validate shows them.`);
    }
    return ctx.analysis.simulate(document, simulateOptions(request.body));
  });
}
