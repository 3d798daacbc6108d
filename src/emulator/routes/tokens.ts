// /api/v2/tokens/me: who the calling token belongs to (TokenInfo, with Genesys' capitalised `OAuthClient` key).
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { ORGANIZATION } from '../permissions.js';
import { callerOf } from '../server.js';
import { clientView } from '../views.js';

export function registerTokenRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  api.get('/tokens/me', async (request) => {
    const caller = callerOf(request);
    const issued = ctx.tokens.verify(caller.token, ctx.now());
    return {
      organization: ORGANIZATION,
      homeOrganization: ORGANIZATION,
      authorizedScope: [],
      dateTokenIdles: issued ? new Date(issued.expiresAt).toISOString() : undefined,
      OAuthClient: { ...clientView(caller.client, ctx.config.tokenTtlSeconds), organization: ORGANIZATION },
    };
  });
  api.delete('/tokens/me', async (request, reply) => {
    ctx.tokens.revoke(callerOf(request).token);
    return reply.code(204).send();
  });
}
