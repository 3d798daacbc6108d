// The Architect flows collection: GET /api/v2/flows (paged, filtered), POST (create a shell), DELETE /api/v2/flows/{id}.
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { failures } from '../errors.js';
import { createShell, deleteFlow } from '../flow-state.js';
import { callerOf } from '../server.js';
import type { FlowRecord } from '../state.js';
import { flowView, pageListing } from '../views.js';
import { listParam, pagingOf, stringParam } from './query.js';

type Query = { Querystring: Record<string, string | string[]> };

const SORTABLE: Record<string, (f: FlowRecord) => string | number> = {
  id: (f) => f.id,
  name: (f) => f.name.toLowerCase(),
  type: (f) => f.type,
  datePublished: (f) => f.datePublished ?? '',
};

function matches(text: string | undefined, pattern: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (text === undefined) return false;
  // Genesys matches names by substring with `*` wildcards; case-insensitive.
  const parts = pattern.toLowerCase().split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.*')).test(text.toLowerCase());
}

export function registerFlowRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  const names = (id: string) => ctx.clientName(id);

  api.get<Query>('/flows', { config: { permission: { any: ['architect:flow:view'] } } }, async (request) => {
    const q = request.query;
    const types = listParam(q.type).map((t) => t.toLowerCase());
    const ids = listParam(q.id);
    const divisions = listParam(q.divisionId);
    const name = stringParam(q.name);
    const description = stringParam(q.description);
    const nameOrDescription = stringParam(q.nameOrDescription);
    const lockedBy = stringParam(q.lockedByClientId);
    const sortBy = stringParam(q.sortBy) ?? 'id';
    const sortOrder = (stringParam(q.sortOrder) ?? 'asc').toLowerCase();
    const key = SORTABLE[sortBy];
    if (!key) throw failures.invalidValue('sortBy', `sortBy must be one of ${Object.keys(SORTABLE).join(', ')}.`);
    if (sortOrder !== 'asc' && sortOrder !== 'desc') throw failures.invalidValue('sortOrder', 'sortOrder must be asc or desc.');
    const flows = Object.values(ctx.state().flows).filter(
      (f) =>
        (types.length === 0 || types.includes(f.type)) &&
        (ids.length === 0 || ids.includes(f.id)) &&
        (divisions.length === 0 || divisions.includes(f.divisionId)) &&
        matches(f.name, name) &&
        matches(f.description, description) &&
        (nameOrDescription === undefined || matches(f.name, nameOrDescription) || matches(f.description, nameOrDescription)) &&
        (lockedBy === undefined || f.lockedClientId === lockedBy),
    );
    flows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return sortOrder === 'desc' ? -order : order;
    });
    return pageListing(flows.map((f) => flowView(f, names)), pagingOf(q), '/api/v2/flows');
  });

  api.post('/flows', { config: { permission: { any: ['architect:flow:add'] } } }, async (request, reply) => {
    const caller = callerOf(request);
    const result = createShell(ctx.state(), { flowId: ctx.newId(), body: request.body, clientId: caller.client.id, now: ctx.now() });
    ctx.commit(result.state);
    return reply.code(200).send(flowView(result.flow, names));
  });

  api.delete<{ Params: { flowId: string } }>('/flows/:flowId', { config: { permission: { any: ['architect:flow:delete'] } } }, async (request, reply) => {
    const caller = callerOf(request);
    ctx.commit(deleteFlow(ctx.state(), request.params.flowId, { clientId: caller.client.id, now: ctx.now() }));
    return reply.code(204).send();
  });
}
