// Send: the innermost stage — one HTTP exchange over fetch (undici), under a deadline, read and parsed.
import { NetworkError, PlatformError, TimeoutError, type RequestContext } from '../errors.js';
import type { SecretRedactor } from '../redact.js';
import { CORRELATION_HEADER, errorFromAnswer, parseSuccessBody, type RawAnswer } from './parse.js';
import type { Handler, PipelineRequest } from './request.js';
import { startDeadline } from './timeout.js';

export type FetchFunction = typeof globalThis.fetch;

export interface SendOptions {
  fetch: FetchFunction;
  /** Default timeout of a request (ms), covering connection, headers and body. */
  timeoutMs: number;
  redactor: SecretRedactor;
  now: () => number;
}

/** The low-level reason of a failed fetch: `ECONNRESET`, `ECONNREFUSED`, `UND_ERR_SOCKET`, or a message. */
export function networkReason(error: unknown): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  let fallback = error instanceof Error ? error.message : String(error);
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    if (current instanceof Error && current.message && current.message !== 'fetch failed') fallback = current.message;
    current = (current as { cause?: unknown }).cause;
  }
  return fallback;
}

function requestBody(request: PipelineRequest, headers: Record<string, string>): string | Uint8Array<ArrayBuffer> | undefined {
  // A copy for bytes: fetch's types want an ArrayBuffer-backed view (a Buffer may sit on a shared pool).
  if (request.rawBody !== undefined) return typeof request.rawBody === 'string' ? request.rawBody : new Uint8Array(request.rawBody);
  if (request.json === undefined) return undefined;
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  return JSON.stringify(request.json);
}

export function createSend(options: SendOptions): Handler {
  return async (request) => {
    const context: RequestContext = { method: request.method, path: request.logPath };
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    const headers: Record<string, string> = { ...request.headers };
    if (!request.external && !Object.keys(headers).some((h) => h.toLowerCase() === 'accept')) headers.accept = 'application/json';
    const body = requestBody(request, headers);
    const deadline = startDeadline(timeoutMs, request.signal);
    let answer: RawAnswer;
    try {
      const response = await options.fetch(request.url, { method: request.method, headers, body, signal: deadline.signal, redirect: 'manual' });
      const text = await response.text();
      answer = { status: response.status, statusText: response.statusText, headers: response.headers, text };
    } catch (error) {
      if (deadline.expired()) throw new TimeoutError(context, timeoutMs);
      if (request.signal?.aborted) throw request.signal.reason;
      if (error instanceof PlatformError) throw error;
      throw new NetworkError(context, options.redactor.redact(networkReason(error)));
    } finally {
      deadline.clear();
    }
    const correlationId = answer.headers.get(CORRELATION_HEADER) ?? undefined;
    const answered: RequestContext = correlationId ? { ...context, correlationId } : context;
    if (answer.status < 200 || answer.status >= 300) throw errorFromAnswer(answer, answered, options.redactor, options.now());
    const parsed = parseSuccessBody(answer, request.responseType ?? 'json', answered);
    return correlationId ? { status: answer.status, headers: answer.headers, body: parsed, correlationId } : { status: answer.status, headers: answer.headers, body: parsed };
  };
}
