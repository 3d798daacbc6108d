// The fastify wiring: one pipeline of hooks (correlation id → faults → auth → rate limit → permission) in front of the routes.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Caller, EmulatorContext } from './context.js';
import { ApiFailure, errorBody, failures } from './errors.js';
import { missingPermissions, type PermissionRequirement } from './permissions.js';
import { registerOAuthRoutes } from './routes/oauth.js';
import { registerTokenRoutes } from './routes/tokens.js';
import { registerOAuthClientRoutes } from './routes/oauth-clients.js';
import { registerRoleRoutes } from './routes/roles.js';
import { registerFlowDocumentRoutes } from './routes/flow-documents.js';
import { registerFlowRoutes } from './routes/flows.js';
import { registerFlowActionRoutes } from './routes/flow-actions.js';
import { registerVersionRoutes } from './routes/versions.js';
import { registerJobRoutes } from './routes/jobs.js';
import { registerValidateJobRoutes } from './routes/validate-jobs.js';
import { registerWebDeploymentRoutes } from './routes/webdeployments.js';
import { registerUploadRoutes } from './routes/uploads.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** The permission the reference names for this endpoint; absent means none is needed. */
    permission?: PermissionRequirement;
  }
}

/** Flows can be large (the benchmark flows are megabytes). */
const BODY_LIMIT = 64 * 1024 * 1024;

const CORRELATION_ID = /^[A-Za-z0-9._-]{1,128}$/;

function correlationIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['inin-correlation-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
}

/** The caller set by the auth hook; routes behind it can rely on it. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw failures.noToken();
  return request.caller;
}

function sendFailure(request: FastifyRequest, reply: FastifyReply, failure: ApiFailure): FastifyReply {
  if (failure.init.headers) reply.headers(failure.init.headers);
  return reply.code(failure.status).type('application/json; charset=utf-8').send(errorBody(failure, request.id));
}

function asFailure(error: FastifyError | Error): ApiFailure {
  if (error instanceof ApiFailure) return error;
  const status = (error as FastifyError).statusCode;
  if (status === 413) return new ApiFailure(413, 'request.entity.too.large', 'The request body is too large.');
  if (status === 415) return new ApiFailure(415, 'unsupported.media.type', 'The request body must be JSON (application/json).');
  if (status !== undefined && status >= 400 && status < 500) return failures.badRequest(`The request could not be read: ${error.message}`);
  return failures.internal();
}

/** Builds the fastify instance (not yet listening). */
export function buildServer(ctx: EmulatorContext): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    genReqId: correlationIdOf,
    forceCloseConnections: true,
    return503OnClosing: true,
  });
  app.decorateRequest('caller', null);

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  // 1. correlation id: every response carries it; error bodies repeat it as contextId.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('inin-correlation-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    ctx.stats.response(`${request.method} ${request.routeOptions.url ?? '(no route)'}`, reply.statusCode);
    done();
  });

  app.setErrorHandler((error: FastifyError | Error, request, reply) => sendFailure(request, reply, asFailure(error)));
  app.setNotFoundHandler((request, reply) => sendFailure(request, reply, failures.noRoute(request.method, request.url.split('?')[0])));

  registerOAuthRoutes(app, ctx);
  registerUploadRoutes(app, ctx);

  app.register(async (api) => {
    // 2. fault injection (latency, 503, 429, reset), reproducible from the seed.
    if (ctx.decideFault) {
      const decide = ctx.decideFault;
      const retryAfter = ctx.config.faultSpec.retryAfterSeconds;
      api.addHook('onRequest', async (request, reply) => {
        const decision = decide();
        if (decision.latencyMs > 0) {
          ctx.stats.current.faults.latency++;
          await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
        }
        if (decision.fault === '503') {
          ctx.stats.current.faults.unavailable++;
          throw failures.unavailable();
        }
        if (decision.fault === '429') {
          ctx.stats.current.faults.tooManyRequests++;
          throw failures.tooManyRequests(retryAfter);
        }
        if (decision.fault === 'reset') {
          ctx.stats.current.faults.reset++;
          ctx.stats.response(`${request.method} ${request.routeOptions.url ?? '(no route)'}`, 0);
          reply.hijack();
          request.raw.socket.destroy();
          return reply;
        }
      });
    }
    // 3. authentication, 4. per-token rate limit, 5. the endpoint's permission.
    api.addHook('onRequest', (request, _reply, done) => {
      const header = request.headers.authorization;
      if (typeof header !== 'string' || !/^bearer\s+\S/i.test(header)) return done(failures.noToken());
      const token = header.replace(/^bearer\s+/i, '').trim();
      const now = ctx.now();
      const issued = ctx.tokens.verify(token, now);
      const client = issued ? ctx.clients.get(issued.clientId) : undefined;
      if (!client) return done(failures.badToken());
      const wait = ctx.rateLimiter.take(token, now);
      if (wait > 0) {
        ctx.stats.current.rateLimited++;
        return done(failures.tooManyRequests(wait));
      }
      const granted = ctx.grantsOf(client.id);
      request.caller = { client, token, granted };
      const requirement = request.routeOptions.config.permission;
      if (requirement) {
        const missing = missingPermissions(granted, requirement);
        if (missing.length > 0) return done(failures.missingPermissions(missing, 'all' in requirement));
      }
      done();
    });

    registerTokenRoutes(api, ctx);
    registerOAuthClientRoutes(api, ctx);
    registerRoleRoutes(api, ctx);
    registerFlowRoutes(api, ctx);
    registerFlowActionRoutes(api, ctx);
    registerVersionRoutes(api, ctx);
    registerJobRoutes(api, ctx);
    registerValidateJobRoutes(api, ctx);
    registerFlowDocumentRoutes(api, ctx);
    registerWebDeploymentRoutes(api, ctx);
  }, { prefix: '/api/v2' });

  return app;
}
