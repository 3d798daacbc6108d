// /api/v2/flows/{id}/versions: every saved document, kept so that a rollback can read any earlier one.
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { failures } from '../errors.js';
import { requireFlow, saveNextVersion } from '../flow-state.js';
import { callerOf } from '../server.js';
import type { FlowRecord } from '../state.js';
import { pageListing, versionView } from '../views.js';
import { pagingOf } from './query.js';

type VersionParams = { Params: { flowId: string; versionId: string }; Querystring: Record<string, string | string[]> };

function requireVersion(flow: FlowRecord, versionId: string) {
  const record = flow.versions.find((v) => String(v.version) === versionId);
  if (!record) throw failures.notFound('flow version', `${flow.id}/${versionId}`);
  return record;
}

export function registerVersionRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  const view = { any: ['architect:flow:view'] };
  const names = (id: string) => ctx.clientName(id);

  api.get<VersionParams>('/flows/:flowId/versions', { config: { permission: view } }, async (request) => {
    const flow = requireFlow(ctx.state(), request.params.flowId);
    const newestFirst = [...flow.versions].reverse().map((v) => versionView(flow, v, names));
    return pageListing(newestFirst, pagingOf(request.query), `/api/v2/flows/${flow.id}/versions`);
  });

  api.post<VersionParams>('/flows/:flowId/versions', { config: { permission: { any: ['architect:flow:edit'] } } }, async (request) => {
    const caller = callerOf(request);
    const result = saveNextVersion(ctx.state(), request.params.flowId, request.body, { clientId: caller.client.id, now: ctx.now(), operationId: ctx.newId() });
    ctx.commit(result.state);
    const flow = result.flow;
    return versionView(flow, flow.versions[flow.versions.length - 1], names, true);
  });

  api.get<VersionParams>('/flows/:flowId/versions/:versionId', { config: { permission: view } }, async (request) => {
    const flow = requireFlow(ctx.state(), request.params.flowId);
    return versionView(flow, requireVersion(flow, request.params.versionId), names, true);
  });

  api.get<VersionParams>('/flows/:flowId/versions/:versionId/configuration', { config: { permission: view } }, async (request) => {
    const flow = requireFlow(ctx.state(), request.params.flowId);
    return requireVersion(flow, request.params.versionId).document;
  });

  api.get<VersionParams>('/flows/:flowId/latestconfiguration', { config: { permission: view } }, async (request) => {
    const flow = requireFlow(ctx.state(), request.params.flowId);
    if (!flow.document) throw failures.notFound('flow configuration', flow.id);
    return flow.document;
  });
}
