// Request log: one entry per HTTP exchange (method, path, status, time, correlation id) for an injected logger; the library never prints.
import { PlatformError, ApiError } from '../errors.js';
import type { Stage } from './request.js';

export interface RequestLogEntry {
  method: string;
  /** Path and query (external URLs: origin and path only). Never a header. */
  path: string;
  /** The HTTP status, when a response arrived. */
  status?: number;
  /** Error name when no response arrived (TimeoutError, NetworkError). */
  error?: string;
  ms: number;
  correlationId?: string;
  attempt: number;
}

export type RequestLogger = (entry: RequestLogEntry) => void;

/** `GET /api/v2/flows/abc 200 12.3ms attempt=1 correlation=…` */
export function formatRequestLogEntry(entry: RequestLogEntry): string {
  const outcome = entry.status !== undefined ? String(entry.status) : (entry.error ?? 'error');
  const parts = [`gcflow ${entry.method} ${entry.path} ${outcome} ${entry.ms.toFixed(1)}ms`];
  if (entry.attempt > 1) parts.push(`attempt=${entry.attempt}`);
  if (entry.correlationId) parts.push(`correlation=${entry.correlationId}`);
  return parts.join(' ');
}

/**
 * The debug logger the CLI installs: when `GCFLOW_DEBUG` is set (and not `0`), each request becomes one line
 * through `write` (the CLI passes stderr); otherwise undefined (no logging).
 */
export function requestLoggerFromEnvironment(env: Readonly<Record<string, string | undefined>>, write: (line: string) => void): RequestLogger | undefined {
  const flag = env.GCFLOW_DEBUG;
  if (!flag || flag === '0' || flag.toLowerCase() === 'false') return undefined;
  return (entry) => write(`${formatRequestLogEntry(entry)}\n`);
}

export function withRequestLog(logger: RequestLogger, now: () => number): Stage {
  return (next) => async (request) => {
    const started = now();
    try {
      const response = await next(request);
      logger({ method: request.method, path: request.logPath, status: response.status, ms: now() - started, correlationId: response.correlationId, attempt: request.attempt });
      return response;
    } catch (error) {
      const entry: RequestLogEntry = { method: request.method, path: request.logPath, ms: now() - started, attempt: request.attempt };
      if (error instanceof ApiError) entry.status = error.status;
      else entry.error = error instanceof Error ? error.name : 'error';
      if (error instanceof PlatformError && error.correlationId) entry.correlationId = error.correlationId;
      logger(entry);
      throw error;
    }
  };
}
