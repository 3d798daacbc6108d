// The request and response shapes every stage of the one HTTP pipeline handles, and how stages compose.

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number | boolean>;

/** A call as an endpoint describes it. */
export interface PlatformRequest {
  method: HttpMethod;
  /** A path on the API base (`/api/v2/flows/abc`), or an absolute URL when `external` is set. */
  path: string;
  /** Arrays are joined with commas, as the official JavaScript SDK sends them; undefined and null are left out. */
  query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (e.g. YAML to a presigned URL). */
  rawBody?: string | Uint8Array;
  headers?: Readonly<Record<string, string>>;
  /**
   * An absolute URL outside the API (a presigned upload URL): no bearer token, no client-side rate limit,
   * and its query string (which may hold a signature) is kept out of logs and errors.
   */
  external?: boolean;
  /** Whether repeating the request is harmless; defaults from the method (GET, HEAD, PUT, DELETE). */
  idempotent?: boolean;
  /** Overrides the client's timeout for this request. */
  timeoutMs?: number;
  /** Lets the caller cancel. */
  signal?: AbortSignal;
  /** What the 2xx body is: JSON (default; an empty body gives undefined) or text. */
  responseType?: 'json' | 'text';
}

/** A request on its way through the pipeline: the stages may add headers; `attempt` counts from 1. */
export interface PipelineRequest extends PlatformRequest {
  url: URL;
  /** `method path` as it may appear in logs and errors (no signature, never a header). */
  logPath: string;
  headers: Record<string, string>;
  attempt: number;
}

export interface PlatformResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  correlationId?: string;
}

export type Handler = (request: PipelineRequest) => Promise<PlatformResponse>;
export type Stage = (next: Handler) => Handler;

/** Stages listed outermost first: compose([retry, auth, rateLimit], send) = retry(auth(rateLimit(send))). */
export function compose(stages: readonly Stage[], innermost: Handler): Handler {
  return stages.reduceRight<Handler>((next, stage) => stage(next), innermost);
}

const IDEMPOTENT_METHODS = new Set<HttpMethod>(['GET', 'HEAD', 'PUT', 'DELETE']);

/**
 * Whether a request may be repeated after a 5xx or a dropped connection. PUT counts as idempotent (HTTP says so,
 * and our PUTs carry the resource's `version`, so a replay can at worst be refused with 409, never overwrite).
 */
export function isIdempotent(request: Pick<PlatformRequest, 'method' | 'idempotent'>): boolean {
  return request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
}

/** Builds the URL of a request on an API base; arrays in the query are comma-joined. */
export function requestUrl(apiBase: string, request: Pick<PlatformRequest, 'path' | 'query' | 'external'>): URL {
  const url = request.external ? new URL(request.path) : new URL(`${apiBase}${request.path.startsWith('/') ? '' : '/'}${request.path}`);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) url.searchParams.set(key, value.join(','));
    } else {
      url.searchParams.set(key, String(value));
    }
  }
  return url;
}

/** The form of a URL that may be shown: path and query for API calls, the path alone for external URLs. */
export function loggablePath(url: URL, external: boolean | undefined): string {
  return external ? `${url.origin}${url.pathname}` : `${url.pathname}${url.search}`;
}

/** Percent-encodes one path segment (an id from the user may hold anything). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/** What endpoints are written against: one pipeline, full response or body only. */
export interface PlatformTransport {
  request<T = unknown>(request: PlatformRequest): Promise<PlatformResponse<T>>;
  /** The 2xx body (parsed JSON) of a request. */
  json<T = unknown>(request: PlatformRequest): Promise<T>;
}
