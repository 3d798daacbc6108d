// Typed errors of the platform client: what went wrong with a call to Genesys Cloud, as data, never carrying a secret.
import { GcflowError } from '../flow/diagnostic.js';

/** Genesys' error body (`ErrorBody` in the SDK), plus the OAuth endpoint's `error`/`error_description`. */
export interface GenesysErrorBody {
  message?: string;
  code?: string;
  status?: number;
  contextId?: string;
  entityId?: string;
  entityName?: string;
  messageWithParams?: string;
  messageParams?: Record<string, string>;
  details?: GenesysErrorDetail[];
  errors?: GenesysErrorBody[];
  error?: string;
  error_description?: string;
  description?: string;
  [key: string]: unknown;
}

export interface GenesysErrorDetail {
  errorCode?: string;
  fieldName?: string;
  entityId?: string;
  entityName?: string;
  [key: string]: unknown;
}

/** Where a failed request went: enough to find it in Genesys' logs, never its headers or body. */
export interface RequestContext {
  method: string;
  /** The path (and query) on the API host; for external URLs (presigned uploads) the path only. */
  path: string;
  /** The `inin-correlation-id` response header, when there was a response. */
  correlationId?: string;
}

/** Anything that went wrong talking to Genesys Cloud. Exit code 1: an operation failed. */
export class PlatformError extends GcflowError {
  readonly method: string;
  readonly path: string;
  readonly correlationId?: string;

  constructor(code: string, message: string, context: RequestContext) {
    super(code, message, {}, 1);
    this.name = 'PlatformError';
    this.method = context.method;
    this.path = context.path;
    if (context.correlationId !== undefined) this.correlationId = context.correlationId;
  }
}

export interface ApiErrorInit extends RequestContext {
  status: number;
  /** Already redacted. */
  body?: GenesysErrorBody;
  /** The status text or a fallback message when the body has none. */
  fallbackMessage?: string;
  /** The wait the `Retry-After` header asked for, in seconds (fractions kept). */
  retryAfterSeconds?: number;
}

function correlationSuffix(id: string | undefined): string {
  return id ? ` (correlation id ${id})` : '';
}

/** The server answered with an error status. `code` is Genesys' dotted code (`not.found`), or `http.<status>`. */
export class ApiError extends PlatformError {
  readonly status: number;
  /** Genesys' own message, as sent (redacted). */
  readonly serverMessage: string;
  readonly contextId?: string;
  readonly details: GenesysErrorDetail[];
  readonly messageParams?: Record<string, string>;
  /** Seconds the server asked to wait before retrying (`Retry-After`), when it said. */
  readonly retryAfter?: number;

  constructor(init: ApiErrorInit) {
    const body = init.body ?? {};
    const serverMessage = body.message ?? body.error_description ?? body.description ?? body.error ?? init.fallbackMessage ?? '';
    const code = body.code ?? body.error ?? `http.${init.status}`;
    const text = `${init.method} ${init.path} failed: ${init.status}${serverMessage ? ` ${serverMessage}` : ''}${correlationSuffix(init.correlationId ?? body.contextId)}`;
    super(code, text, { method: init.method, path: init.path, correlationId: init.correlationId ?? body.contextId });
    this.name = 'ApiError';
    this.status = init.status;
    this.serverMessage = serverMessage;
    if (body.contextId !== undefined) this.contextId = body.contextId;
    this.details = Array.isArray(body.details) ? body.details : [];
    if (body.messageParams && typeof body.messageParams === 'object') this.messageParams = body.messageParams;
    if (init.retryAfterSeconds !== undefined) this.retryAfter = init.retryAfterSeconds;
  }
}

/** 401: the token was refused (after one refresh), or the OAuth endpoint refused the client credentials. */
export class AuthError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init);
    this.name = 'AuthError';
  }
}

const PERMISSION_PATTERN = /\b[a-zA-Z][\w-]*:[\w*-]+:[\w*-]+\b/g;

/** 403: the OAuth client's roles lack a permission. `missingPermissions` lists those the body names. */
export class PermissionError extends ApiError {
  readonly missingPermissions: string[];

  constructor(init: ApiErrorInit) {
    super(init);
    this.name = 'PermissionError';
    this.missingPermissions = permissionsNamedIn(init.body);
  }
}

/** Permission strings (`domain:entity:action`) named anywhere in an error body, in order, without duplicates. */
export function permissionsNamedIn(body: GenesysErrorBody | undefined): string[] {
  if (!body) return [];
  const texts: string[] = [body.message ?? '', body.messageWithParams ?? ''];
  for (const value of Object.values(body.messageParams ?? {})) texts.push(String(value));
  for (const detail of body.details ?? []) texts.push(...Object.values(detail).filter((v): v is string => typeof v === 'string'));
  if (Array.isArray(body.missingPermissions)) texts.push(...body.missingPermissions.map(String));
  const found = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(PERMISSION_PATTERN)) found.add(match[0]);
  return [...found];
}

/** 409: someone else changed the resource (stale `version`) or holds its lock. */
export class VersionConflictError extends ApiError {
  /** The version the server holds now, when the body says it. */
  readonly currentVersion?: number;

  constructor(init: ApiErrorInit) {
    super(init);
    this.name = 'VersionConflictError';
    const current = currentVersionNamedIn(init.body);
    if (current !== undefined) this.currentVersion = current;
  }
}

/** The current version a 409 body names: `currentVersion` field or param, or "current version is N" in the message. */
export function currentVersionNamedIn(body: GenesysErrorBody | undefined): number | undefined {
  if (!body) return undefined;
  const candidates: unknown[] = [body.currentVersion, body.messageParams?.currentVersion, body.messageParams?.version];
  for (const candidate of candidates) {
    const n = typeof candidate === 'number' ? candidate : typeof candidate === 'string' && /^\d+$/.test(candidate) ? Number(candidate) : undefined;
    if (n !== undefined && Number.isSafeInteger(n)) return n;
  }
  for (const text of [body.message, body.messageWithParams]) {
    const match = text?.match(/current version(?: is| =|:)?\s*(\d+)/i);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** 429 that outlasted the retries (or asked for a wait above the cap). */
export class RateLimitedError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init);
    this.name = 'RateLimitedError';
  }
}

/** The request did not complete within its timeout. */
export class TimeoutError extends PlatformError {
  readonly timeoutMs: number;

  constructor(context: RequestContext, timeoutMs: number) {
    super('GCF951', `${context.method} ${context.path} timed out after ${timeoutMs} ms`, context);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** The connection failed (refused, reset, DNS, TLS) before a response arrived. */
export class NetworkError extends PlatformError {
  /** The low-level reason: an errno code such as `ECONNRESET`, or the transport's message. */
  readonly reason: string;

  constructor(context: RequestContext, reason: string) {
    super('GCF952', `${context.method} ${context.path} failed: network error (${reason})`, context);
    this.name = 'NetworkError';
    this.reason = reason;
  }
}
