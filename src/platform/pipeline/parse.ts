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

/** Every string inside a parsed body, redacted (after parsing, so that JSON escaping cannot hide a secret). */
function redactDeep(value: unknown, redactor: SecretRedactor): unknown {
  if (typeof value === 'string') return redactor.redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redactor));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redactor)]));
  return value;
}

function errorBodyOf(text: string, redactor: SecretRedactor): GenesysErrorBody | undefined {
  if (text.trim() === '') return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return redactDeep(parsed, redactor) as GenesysErrorBody;
  } catch {
    // Not JSON (a proxy's HTML page): fall back to a short excerpt as the message.
  }
  return { message: redactor.redact(text).replace(/\s+/g, ' ').trim().slice(0, 200) };
}

/** The typed error for a non-2xx answer. The body is redacted before anything is read from it. */
export function errorFromAnswer(answer: RawAnswer, context: RequestContext, redactor: SecretRedactor, nowMs: number): ApiError {
  const body = errorBodyOf(answer.text, redactor);
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
