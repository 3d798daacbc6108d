// The platform client: one pipeline (retry → auth → rate limit → log → send with timeout and parse) under typed endpoint groups.
import { GcflowError } from '../flow/diagnostic.js';
import { DEFAULT_TIMEOUT_MS, GenesysAuth } from './auth.js';
import { documentEndpoints } from './endpoints/documents.js';
import { flowEndpoints } from './endpoints/flows.js';
import { oauthClientEndpoints, roleEndpoints, tokenEndpoints } from './endpoints/identity.js';
import { jobEndpoints, validateJobEndpoints } from './endpoints/jobs.js';
import { versionEndpoints } from './endpoints/versions.js';
import { webDeploymentEndpoints } from './endpoints/web-deployments.js';
import { discoverGrantedPermissions } from './granted-permissions.js';
import { withBearerAuth } from './pipeline/auth.js';
import { withRequestLog, type RequestLogger } from './pipeline/log.js';
import { DEFAULT_RATE_LIMIT, TokenBucket, withRateLimit, type RateLimitOptions } from './pipeline/rate-limit.js';
import { compose, loggablePath, requestUrl, type PlatformRequest, type PlatformResponse, type PlatformTransport, type Stage } from './pipeline/request.js';
import { DEFAULT_RETRY, sleep as realSleep, withRetry, type RetryOptions, type Sleep } from './pipeline/retry.js';
import { createSend, type FetchFunction } from './pipeline/send.js';
import { SecretRedactor } from './redact.js';
import { resolvePlatformHosts } from './region.js';

export interface PlatformClientOptions {
  /** A full base URL serving both the API and /oauth/token (an emulator, a gateway). */
  baseUrl?: string;
  /** A region name (`eu_west_1`, `eu-west-1`), an environment or a base URL. */
  region?: string;
  /** A Genesys environment (`mypurecloud.ie`, `usw2.pure.cloud`). */
  environment?: string;
  clientId: string;
  clientSecret: string;
  /** Timeout of each request, in ms (default 15 000). */
  timeoutMs?: number;
  /** Client-side token bucket shared by this client's requests (default 300 a minute, burst 10); false turns it off. */
  rateLimit?: Partial<RateLimitOptions> | false;
  /** Retry policy (default 4 attempts; see RetryOptions); false turns retries off. */
  retry?: Partial<RetryOptions> | false;
  /** Receives one entry per HTTP exchange; nothing is logged without it. */
  logger?: RequestLogger;
  /** Defaults to Node's global fetch (undici). */
  fetch?: FetchFunction;
  /** Clock (epoch ms) for token expiry, rate limiting and Retry-After dates. */
  now?: () => number;
  /** Used by the rate limiter, retries and job polling. */
  sleep?: Sleep;
  /** Renew the token this long (ms) before it expires (default 10 000). */
  expiryMarginMs?: number;
}

function whereTo(options: PlatformClientOptions): string {
  const given = [options.baseUrl, options.environment, options.region].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (given.length === 0) throw new GcflowError('GCF940', 'No Genesys Cloud region given: pass baseUrl, region or environment.');
  return given[0];
}

/** A client for the Genesys Cloud Platform API (or gcflow's emulator). Nothing is sent until an endpoint is called. */
export function createPlatformClient(options: PlatformClientOptions) {
  const target = whereTo(options);
  const hosts = resolvePlatformHosts(target);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const redactor = new SecretRedactor();
  const fetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry: RetryOptions | false = options.retry === false ? false : { ...DEFAULT_RETRY, sleep, ...options.retry };

  const auth = new GenesysAuth(target, options.clientId, options.clientSecret, {
    fetch,
    timeoutMs,
    now,
    logger: options.logger,
    retry,
    redactor,
    expiryMarginMs: options.expiryMarginMs,
  });

  const stages: Stage[] = [];
  if (retry) stages.push(withRetry(retry));
  stages.push(withBearerAuth(auth));
  if (options.rateLimit !== false) stages.push(withRateLimit(new TokenBucket({ ...DEFAULT_RATE_LIMIT, ...options.rateLimit }, now), sleep));
  if (options.logger) stages.push(withRequestLog(options.logger, () => performance.now()));
  const handler = compose(stages, createSend({ fetch, timeoutMs, redactor, now }));

  const transport: PlatformTransport = {
    async request<T>(request: PlatformRequest): Promise<PlatformResponse<T>> {
      const url = requestUrl(hosts.apiBase, request);
      const response = await handler({ ...request, url, logPath: loggablePath(url, request.external), headers: { ...request.headers }, attempt: 1 });
      return response as PlatformResponse<T>;
    },
    async json<T>(request: PlatformRequest): Promise<T> {
      return (await transport.request<T>(request)).body;
    },
  };

  const clock = { sleep, now };
  const documents = documentEndpoints(transport);
  const tokens = tokenEndpoints(transport);
  const oauthClients = oauthClientEndpoints(transport);
  const roles = roleEndpoints(transport);
  return {
    apiBase: hosts.apiBase,
    loginBase: hosts.loginBase,
    /** The OAuth token source (getToken, invalidate). */
    auth,
    /** The pipeline itself, for calls without a typed endpoint. */
    request: transport.request,
    json: transport.json,
    documents,
    flows: flowEndpoints(transport),
    versions: versionEndpoints(transport),
    jobs: jobEndpoints(transport, clock),
    validateJobs: validateJobEndpoints(transport, clock),
    tokens,
    oauthClients,
    roles,
    webDeployments: webDeploymentEndpoints(transport),
    permissions: {
      /** The caller's granted permissions (client credentials): see discoverGrantedPermissions. */
      discover: () => discoverGrantedPermissions({ tokens, oauthClients, roles }),
    },
    // The seed's function names for the document API.
    getFlowDocument: documents.get,
    putFlowDocument: documents.put,
    validateFlowDocument: documents.validate,
    simulateFlowDocument: documents.simulate,
  };
}

export type PlatformClient = ReturnType<typeof createPlatformClient>;
