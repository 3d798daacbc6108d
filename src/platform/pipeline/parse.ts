// Parse: a raw HTTP answer → the JSON body, or the typed error its status means (with secrets scrubbed).
import {
  ApiError,
  AuthError,
  PermissionError,
  RateLimitedError,
  VersionConflictError,
  type ApiErrorInit,
  type GenesysErrorBody,
  type RequestContext,
} from '../errors.js';
import type { SecretRedactor } from '../redact.js';
import { parseRetryAfter } from './retry-after.js';

export const CORRELATION_HEADER = 'inin-correlation-id';

export interface RawAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/** The body of a 2xx answer: parsed JSON (undefined when empty), or the text. */
export function parseSuccessBody(answer: RawAnswer, responseType: 'json' | 'text', context: RequestContext): unknown {
  if (responseType === 'text') return answer.text;
  if (answer.text.trim() === '') return undefined;
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    throw new ApiError({ ...context, status: answer.status, fallbackMessage: 'the response body is not valid JSON' });
  }
}

function errorBodyOf(text: string): GenesysErrorBody | undefined {
  if (text.trim() === '') return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as GenesysErrorBody;
  } catch {
    // Not JSON (a proxy's HTML page): fall back to a short excerpt as the message.
  }
  return { message: text.replace(/\s+/g, ' ').trim().slice(0, 200) };
}

/** The typed error for a non-2xx answer. The body is redacted before anything is read from it. */
export function errorFromAnswer(answer: RawAnswer, context: RequestContext, redactor: SecretRedactor, nowMs: number): ApiError {
  const body = errorBodyOf(redactor.redact(answer.text));
  const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), nowMs);
  const init: ApiErrorInit = {
    ...context,
    status: answer.status,
    body,
    fallbackMessage: answer.statusText || undefined,
    retryAfterSeconds: retryAfterMs === undefined ? undefined : retryAfterMs / 1000,
  };
  switch (answer.status) {
    case 401:
      return new AuthError(init);
    case 403:
      return new PermissionError(init);
    case 409:
      return new VersionConflictError(init);
    case 429:
      return new RateLimitedError(init);
    default:
      return new ApiError(init);
  }
}
