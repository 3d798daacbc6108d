// POST /oauth/token: client credentials by Basic header (as Genesys) or as form fields (as the seed document sends them).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../context.js';

/** The OAuth error body Genesys' token endpoint answers with ({error, description, error_description}). */
function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply.code(status).header('cache-control', 'no-store').send({ error, description, error_description: description });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (typeof header !== 'string' || !/^basic\s+/i.test(header)) return undefined;
  const decoded = Buffer.from(header.replace(/^basic\s+/i, '').trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** RFC 6749 form-encodes id and secret inside Basic; Genesys' SDKs send them raw. Both are accepted. */
function formDecoded(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

export function registerOAuthRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/oauth/token', async (request, reply) => {
    ctx.stats.current.tokenRequests++;
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
    const grantType = field('grant_type');
    if (grantType === undefined) return oauthError(reply, 400, 'invalid_request', 'grant_type is required; use grant_type=client_credentials');
    if (grantType !== 'client_credentials') {
      return oauthError(reply, 400, 'unsupported_grant_type', `grant type ${grantType} is not supported here; use client_credentials`);
    }
    const fromHeader = basicCredentials(request.headers.authorization);
    const id = fromHeader?.id ?? field('client_id');
    const secret = fromHeader?.secret ?? field('client_secret');
    if (!id || secret === undefined) {
      return oauthError(reply, 401, 'invalid_client', 'client credentials are required: a Basic authorization header or client_id and client_secret');
    }
    const client = ctx.clients.get(id) ?? (fromHeader ? ctx.clients.get(formDecoded(id)) : undefined);
    const secretMatches = client !== undefined && (sameSecret(secret, client.secret) || (fromHeader !== undefined && sameSecret(formDecoded(secret), client.secret)));
    if (!client || !secretMatches) return oauthError(reply, 401, 'invalid_client', 'client authentication failed: unknown client or wrong secret');
    const ttl = client.accessTokenValiditySeconds ?? ctx.config.tokenTtlSeconds;
    const { token, expiresIn } = ctx.tokens.issue(client.id, ttl, ctx.now());
    ctx.stats.current.tokensIssued++;
    return reply.header('cache-control', 'no-store').send({ access_token: token, token_type: 'bearer', expires_in: expiresIn });
  });
}
