// Architect jobs: register an import job, upload the Archy YAML to its presigned URL with exactly its headers, poll it; validate jobs.
import { TimeoutError } from '../errors.js';
import type {
  ArchitectJobStateResponse,
  ArchitectValidateJobStateResponse,
  RegisterArchitectJobResponse,
  RegisterArchitectValidateJob,
  RegisterArchitectValidateJobResponse,
} from '../models.js';
import { assertSecureUrl } from '../region.js';
import { segment, type PlatformTransport } from '../pipeline/request.js';
import type { Sleep } from '../pipeline/retry.js';

export interface JobPollOptions {
  /** Between polls (ms, default 1 000). */
  intervalMs?: number;
  /** Give up after (ms, default 600 000) with a TimeoutError. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface JobClock {
  sleep: Sleep;
  now: () => number;
}

const FINAL_STATUSES = new Set(['Success', 'Failure']);

/** Polls `get` until the job reaches Success or Failure (both are returned; the caller reads `messages`). */
async function pollJob<T extends { status: string }>(get: () => Promise<T>, path: string, clock: JobClock, options: JobPollOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const deadline = clock.now() + timeoutMs;
  for (;;) {
    const state = await get();
    if (FINAL_STATUSES.has(state.status)) return state;
    if (clock.now() >= deadline) throw new TimeoutError({ method: 'GET', path }, timeoutMs);
    await clock.sleep(options.intervalMs ?? 1_000, options.signal);
  }
}

export function jobEndpoints(api: PlatformTransport, clock: JobClock) {
  const get = (jobId: string, options: { expandMessages?: boolean } = {}): Promise<ArchitectJobStateResponse> =>
    api.json({ method: 'GET', path: `/api/v2/flows/jobs/${segment(jobId)}`, query: { expand: options.expandMessages === false ? undefined : ['messages'] } });
  return {
    /** POST /api/v2/flows/jobs → {id, presignedUrl, headers}. */
    register: (body: { createStubs?: boolean } = {}): Promise<RegisterArchitectJobResponse> =>
      api.json({ method: 'POST', path: '/api/v2/flows/jobs', json: body }),
    /**
     * PUT the YAML to the job's presigned URL with exactly the headers the registration returned: no bearer
     * token, no other header. Plain http is refused unless the URL is loopback (the emulator).
     */
    upload: async (job: Pick<RegisterArchitectJobResponse, 'presignedUrl' | 'headers'>, content: string | Uint8Array): Promise<void> => {
      assertSecureUrl(new URL(job.presignedUrl));
      // Bytes, not a string: fetch would otherwise add a text/plain content type the signature did not cover.
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      await api.request({ method: 'PUT', path: job.presignedUrl, external: true, headers: { ...job.headers }, rawBody: bytes, responseType: 'text' });
    },
    /** GET /api/v2/flows/jobs/{jobId}?expand=messages (messages are only returned when expanded). */
    get,
    /** Polls the job until Success or Failure. */
    waitFor: (jobId: string, options: JobPollOptions = {}): Promise<ArchitectJobStateResponse> =>
      pollJob(() => get(jobId), `/api/v2/flows/jobs/${segment(jobId)}`, clock, options),
  };
}

export function validateJobEndpoints(api: PlatformTransport, clock: JobClock) {
  const get = (jobId: string, options: { expandMessages?: boolean } = {}): Promise<ArchitectValidateJobStateResponse> =>
    api.json({ method: 'GET', path: `/api/v2/flows/validate/jobs/${segment(jobId)}`, query: { expand: options.expandMessages === false ? undefined : ['messages'] } });
  return {
    /** POST /api/v2/flows/validate/jobs (preview API): validates existing flows referenced by id/name/type/version. */
    register: (body: RegisterArchitectValidateJob): Promise<RegisterArchitectValidateJobResponse> =>
      api.json({ method: 'POST', path: '/api/v2/flows/validate/jobs', json: body }),
    /** GET /api/v2/flows/validate/jobs/{jobId}?expand=messages. */
    get,
    /** Polls the validate job until Success or Failure. */
    waitFor: (jobId: string, options: JobPollOptions = {}): Promise<ArchitectValidateJobStateResponse> =>
      pollJob(() => get(jobId), `/api/v2/flows/validate/jobs/${segment(jobId)}`, clock, options),
  };
}

export type JobEndpoints = ReturnType<typeof jobEndpoints>;
export type ValidateJobEndpoints = ReturnType<typeof validateJobEndpoints>;
