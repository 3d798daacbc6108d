// PUT /__uploads/{jobId}: the emulator's stand-in for S3 presigned uploads; the signed headers must be sent exactly.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { ApiFailure } from '../errors.js';
import { receiveUpload } from '../job-state.js';
import { uploadHeaders } from './jobs.js';

function s3Error(reply: FastifyReply, status: number, code: string, message: string, requestId: string) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`;
  return reply.code(status).type('application/xml').send(xml);
}

export function registerUploadRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.register(async (s3) => {
    s3.removeAllContentTypeParsers();
    s3.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    s3.put<{ Params: { jobId: string } }>('/__uploads/:jobId', async (request, reply) => {
      const { jobId } = request.params;
      if (!Object.hasOwn(ctx.state().jobs, jobId)) return s3Error(reply, 403, 'AccessDenied', 'Unknown or expired upload URL.', request.id);
      for (const [name, value] of Object.entries(uploadHeaders(jobId))) {
        const given = request.headers[name.toLowerCase()];
        if (given !== value) {
          const why = given === undefined ? `the signed header ${name} is missing` : `the signed header ${name} has a different value`;
          return s3Error(reply, 403, 'SignatureDoesNotMatch', `The request signature does not match: ${why}; send every header from the job's headers exactly.`, request.id);
        }
      }
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      try {
        ctx.commit(receiveUpload(ctx.state(), { jobId, text: body.toString('utf8'), now: ctx.now(), delayMs: ctx.config.publishDelayMs }));
      } catch (error) {
        if (error instanceof ApiFailure) return s3Error(reply, 409, 'OperationAborted', error.message, request.id);
        throw error;
      }
      return reply.code(200).header('etag', `"${jobId}"`).send();
    });
  });
}
