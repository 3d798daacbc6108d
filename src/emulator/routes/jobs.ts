// Architect jobs: POST /api/v2/flows/jobs hands out a presigned upload URL (served by the emulator itself); GET polls the job.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { registerJob, requireJob } from '../job-state.js';
import { callerOf } from '../server.js';
import { jobView } from '../views.js';
import { listParam } from './query.js';

/** The headers a presigned upload must carry verbatim, as S3 signs them. */
export function uploadHeaders(jobId: string): Record<string, string> {
  return { 'Content-Type': 'application/octet-stream', 'x-amz-meta-jobid': jobId };
}

/** http://host:port of this request, so a presigned URL points back at the emulator the client talks to. */
export function originOf(request: FastifyRequest): string {
  const host = request.headers.host ?? `127.0.0.1:${request.socket.localPort}`;
  return `http://${host}`;
}

export function registerJobRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  api.post('/flows/jobs', { config: { permission: { all: ['architect:job:create'] } } }, async (request) => {
    const result = registerJob(ctx.state(), { jobId: ctx.newId(), clientId: callerOf(request).client.id, now: ctx.now() });
    ctx.commit(result.state);
    const id = result.job.id;
    return { id, presignedUrl: `${originOf(request)}/__uploads/${id}`, headers: uploadHeaders(id), selfUri: `/api/v2/flows/jobs/${id}` };
  });

  api.get<{ Params: { jobId: string }; Querystring: Record<string, string | string[]> }>(
    '/flows/jobs/:jobId',
    { config: { permission: { all: ['architect:job:view'] } } },
    async (request) => {
      const job = requireJob(ctx.state(), request.params.jobId);
      return jobView(job, listParam(request.query.expand).includes('messages'));
    },
  );
}
