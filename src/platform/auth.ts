// OAuth client credentials: fetches, caches (until expiry minus a margin) and shares one bearer token per client.
import { ApiError, AuthError } from './errors.js';
import { SecretRedactor } from './redact.js';
import { resolvePlatformHosts } from './region.js';
import type { BearerTokenSource } from './pipeline/auth.js';
import { withRequestLog, type RequestLogger } from './pipeline/log.js';
import { compose, type Handler, type PipelineRequest, type Stage } from './pipeline/request.js';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from './pipeline/retry.js';
import { createSend, type FetchFunction } from './pipeline/send.js';

/** The seed's safety margin: a token is renewed this long (ms) before it expires. */
export const DEFAULT_EXPIRY_MARGIN_MS = 10_000;
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface GenesysAuthOptions {
  fetch?: FetchFunction;
  /** Timeout of a token request (ms). */
  timeoutMs?: number;
  /** Renew this long (ms) before expiry; never more than half the token's lifetime. */
  expiryMarginMs?: number;
  /** Clock (epoch ms); Date.now by default. */
  now?: () => number;
  logger?: RequestLogger;
  /** Retry policy for the token request (429 always; 5xx and network errors too, since asking for a token has no side effect). */
  retry?: Partial<RetryOptions> | false;
  /** Shared with the API pipeline, so that the secret and tokens are scrubbed from every error. */
  redactor?: SecretRedactor;
}

interface CachedToken {
  value: string;
  /** When to stop using it (expiry minus margin), epoch ms. */
  renewAt: number;
}

interface TokenResponse {
  access_token?: unknown;
  expires_in?: unknown;
  token_type?: unknown;
}

/** Used when a token response does not say `expires_in`: assume a short life rather than the 24 h default. */
const ASSUMED_TTL_SECONDS = 300;

/**
 * OAuth client credentials against `<login>/oauth/token` (Basic authorization, `grant_type=client_credentials`).
 * Keeps the seed's constructor `(envUrl, clientId, clientSecret)` and `getToken()`. Concurrent callers share one
 * in-flight token request; `invalidate()` forgets the cached token.
 */
export class GenesysAuth implements BearerTokenSource {
  readonly tokenUrl: string;
  private readonly basic: string;
  private readonly handler: Handler;
  private readonly now: () => number;
  private readonly marginMs: number;
  private readonly redactor: SecretRedactor;
  private cached?: CachedToken;
  private inflight?: Promise<CachedToken>;

  constructor(envUrl: string, clientId: string, clientSecret: string, options: GenesysAuthOptions = {}) {
    const { loginBase } = resolvePlatformHosts(envUrl);
    this.tokenUrl = `${loginBase}/oauth/token`;
    this.now = options.now ?? Date.now;
    this.marginMs = options.expiryMarginMs ?? DEFAULT_EXPIRY_MARGIN_MS;
    this.redactor = options.redactor ?? new SecretRedactor();
    this.basic = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
    this.redactor.add(clientSecret);
    this.redactor.add(this.basic);
    const send = createSend({ fetch: options.fetch ?? globalThis.fetch, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, redactor: this.redactor, now: this.now });
    const stages: Stage[] = [];
    if (options.retry !== false) stages.push(withRetry({ ...DEFAULT_RETRY, ...options.retry }));
    if (options.logger) stages.push(withRequestLog(options.logger, () => performance.now()));
    this.handler = compose(stages, send);
  }

  /** A valid access token: the cached one, the one being fetched, or a new one. */
  async getToken(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.value;
    if (!this.inflight) {
      this.inflight = this.requestToken().then(
        (token) => {
          this.cached = token;
          this.inflight = undefined;
          return token;
        },
        (error: unknown) => {
          this.inflight = undefined;
          throw error;
        },
      );
    }
    return (await this.inflight).value;
  }

  /** Forgets the cached token (only if it is still `token`, when given), so that the next call fetches a new one. */
  invalidate(token?: string): void {
    if (token === undefined || this.cached?.value === token) this.cached = undefined;
  }

  private async requestToken(): Promise<CachedToken> {
    const url = new URL(this.tokenUrl);
    const request: PipelineRequest = {
      method: 'POST',
      path: url.pathname,
      url,
      logPath: url.pathname,
      headers: { authorization: `Basic ${this.basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      rawBody: 'grant_type=client_credentials',
      idempotent: true,
      attempt: 1,
    };
    let body: TokenResponse;
    try {
      body = ((await this.handler(request)).body ?? {}) as TokenResponse;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 401 || error.status === 403)) {
        throw new AuthError({
          method: error.method,
          path: error.path,
          correlationId: error.correlationId,
          status: error.status,
          body: { code: error.code, message: `the OAuth server refused the client credentials${error.serverMessage ? ` (${error.serverMessage})` : ''}; check the client id and secret and the region` },
        });
      }
      throw error;
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new AuthError({ method: 'POST', path: url.pathname, status: 200, body: { code: 'invalid.token.response', message: 'the OAuth token response has no access_token' } });
    }
    this.redactor.add(body.access_token);
    const ttlSeconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : ASSUMED_TTL_SECONDS;
    const ttlMs = ttlSeconds * 1000;
    const margin = Math.min(this.marginMs, ttlMs / 2);
    return { value: body.access_token, renewAt: this.now() + ttlMs - margin };
  }
}
