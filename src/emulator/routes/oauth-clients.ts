// /api/v2/oauth/clients: the OAuth clients the emulator accepts (never their secrets).
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { failures } from '../errors.js';
import { clientView, pageListing } from '../views.js';
import { pagingOf } from './query.js';

export function registerOAuthClientRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  const permission = { any: ['oauth:client:view'] };
  api.get<{ Params: { clientId: string } }>('/oauth/clients/:clientId', { config: { permission } }, async (request) => {
    const client = ctx.clients.get(request.params.clientId);
    if (!client) throw failures.notFound('OAuth client', request.params.clientId);
    return clientView(client, ctx.config.tokenTtlSeconds);
  });
  api.get<{ Querystring: Record<string, string | string[]> }>('/oauth/clients', { config: { permission } }, async (request) => {
    const all = [...ctx.clients.values()].map((c) => clientView(c, ctx.config.tokenTtlSeconds));
    return pageListing(all, pagingOf(request.query), '/api/v2/oauth/clients');
  });
}
