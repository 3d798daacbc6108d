// POST /api/v2/flows/actions/{checkout|checkin|publish|revert|unlock}?flow=ID: locks, check-in and asynchronous publication.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { failures } from '../errors.js';
import { checkin, checkout, requestPublish, revert, unlock } from '../flow-state.js';
import { callerOf } from '../server.js';
import { flowView, operationView } from '../views.js';
import { stringParam } from './query.js';

type Query = { Querystring: Record<string, string | string[]> };

function flowParam(request: FastifyRequest<Query>): string {
  const flow = stringParam(request.query.flow);
  if (!flow) throw failures.missingParameter('flow');
  return flow;
}

export function registerFlowActionRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  const names = (id: string) => ctx.clientName(id);
  const actor = (request: FastifyRequest) => ({ clientId: callerOf(request).client.id, now: ctx.now(), operationId: ctx.newId() });

  api.post<Query>('/flows/actions/checkout', { config: { permission: { any: ['architect:flow:edit'] } } }, async (request) => {
    const result = checkout(ctx.state(), flowParam(request), actor(request));
    ctx.commit(result.state);
    return flowView(result.flow, names);
  });

  api.post<Query>('/flows/actions/checkin', { config: { permission: { any: ['architect:flow:edit', 'architect:flow:unlock'] } } }, async (request) => {
    const result = checkin(ctx.state(), flowParam(request), actor(request));
    ctx.commit(result.state);
    return operationView(result.flow.currentOperation!, names);
  });

  api.post<Query>('/flows/actions/publish', { config: { permission: { any: ['architect:flow:publish', 'architect:flow:unlock'] } } }, async (request) => {
    const result = requestPublish(ctx.state(), flowParam(request), {
      ...actor(request),
      version: stringParam(request.query.version),
      publishDelayMs: ctx.config.publishDelayMs,
    });
    ctx.commit(result.state);
    return operationView(result.flow.currentOperation!, names);
  });

  api.post<Query>('/flows/actions/revert', { config: { permission: { any: ['architect:flow:edit'] } } }, async (request) => {
    const result = revert(ctx.state(), flowParam(request), actor(request));
    ctx.commit(result.state);
    return flowView(result.flow, names);
  });

  api.post<Query>('/flows/actions/unlock', { config: { permission: { any: ['architect:flow:unlock'] } } }, async (request) => {
    const result = unlock(ctx.state(), flowParam(request), actor(request));
    ctx.commit(result.state);
    return flowView(result.flow, names);
  });
}
