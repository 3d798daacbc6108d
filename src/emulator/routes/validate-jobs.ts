// Validate jobs (preview API): POST /api/v2/flows/validate/jobs names flows; GET .../{jobId} gives the validator's messages.
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { failures } from '../errors.js';
import { registerValidateJob } from '../job-state.js';
import { callerOf } from '../server.js';
import { validateJobView } from '../views.js';
import { listParam } from './query.js';

export function registerValidateJobRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  api.post('/flows/validate/jobs', { config: { permission: { all: ['architect:jobValidate:create'] } } }, async (request) => {
    const result = registerValidateJob(ctx.state(), {
      jobId: ctx.newId(),
      clientId: callerOf(request).client.id,
      body: request.body,
      now: ctx.now(),
      delayMs: ctx.config.publishDelayMs,
    });
    ctx.commit(result.state);
    const { job } = result;
    return { id: job.id, status: job.status, totalFlows: job.flows.length, selfUri: `/api/v2/flows/validate/jobs/${job.id}` };
  });

  api.get<{ Params: { jobId: string }; Querystring: Record<string, string | string[]> }>(
    '/flows/validate/jobs/:jobId',
    { config: { permission: { all: ['architect:jobValidate:view'] } } },
    async (request) => {
      const state = ctx.state();
      const job = Object.hasOwn(state.validateJobs, request.params.jobId) ? state.validateJobs[request.params.jobId] : undefined;
      if (!job) throw failures.notFound('validate job', request.params.jobId);
      return validateJobView(job, listParam(request.query.expand).includes('messages'));
    },
  );
}
