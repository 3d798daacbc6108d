// Retry: repeats a request after 429 (honouring Retry-After, capped) and, for idempotent requests, after 502/503/504 or a dropped connection.
import { ApiError, NetworkError, RateLimitedError } from '../errors.js';
import { fullJitterDelay } from './backoff.js';
import { isIdempotent, type PipelineRequest, type Stage } from './request.js';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions {
  /** Attempts in all, the first included (default 4). 1 disables retries. */
  maxAttempts: number;
  /** Ceiling of the first backoff delay (ms, default 500); doubles each retry. */
  baseDelayMs: number;
  /** No backoff delay exceeds this (ms, default 10 000). */
  maxDelayMs: number;
  /** A 429 asking for a longer wait than this (ms, default 60 000) is not waited for: it fails at once. */
  maxRetryAfterMs: number;
  /** Wait used for a 429 without a readable Retry-After (ms, default 3 000, as Genesys' own SDKs do). */
  defaultRetryAfterMs: number;
  /** Values in [0, 1); Math.random by default. */
  random: () => number;
  sleep: Sleep;
}

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/** Sleeps `ms`, or rejects with the signal's reason when it aborts first. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  defaultRetryAfterMs: 3_000,
  random: Math.random,
  sleep,
};

/**
 * How long to wait before attempt `attempt + 1` after `error`, or undefined when the error is final.
 * - 429: every method (the server did not act on it); waits Retry-After, or the default when absent; final when
 *   Retry-After exceeds `maxRetryAfterMs`.
 * - 502/503/504 and network errors: idempotent requests only; waits Retry-After when a 503 sends one (capped by
 *   `maxDelayMs`), else full-jitter backoff.
 * - Timeouts are final: the timeout is the bound of the caller's wait, not a hint to wait longer.
 */
export function retryDelay(error: unknown, request: Pick<PipelineRequest, 'method' | 'idempotent'>, attempt: number, options: RetryOptions): number | undefined {
  if (attempt >= options.maxAttempts) return undefined;
  if (error instanceof RateLimitedError) {
    const asked = error.retryAfter === undefined ? options.defaultRetryAfterMs : Math.ceil(error.retryAfter * 1000);
    return asked > options.maxRetryAfterMs ? undefined : asked;
  }
  if (!isIdempotent(request)) return undefined;
  if (error instanceof ApiError && RETRYABLE_STATUSES.has(error.status)) {
    if (error.retryAfter !== undefined) return Math.min(Math.ceil(error.retryAfter * 1000), options.maxDelayMs);
    return fullJitterDelay(attempt, options, options.random);
  }
  if (error instanceof NetworkError) return fullJitterDelay(attempt, options, options.random);
  return undefined;
}

/** The retry stage: outermost, so that each attempt goes through auth and the rate limiter again. */
export function withRetry(options: RetryOptions): Stage {
  return (next) => async (request) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await next({ ...request, attempt });
      } catch (error) {
        const delay = retryDelay(error, request, attempt, options);
        if (delay === undefined) throw error;
        await options.sleep(delay, request.signal);
      }
    }
  };
}
