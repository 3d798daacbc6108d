// Auth stage: puts the bearer token on every API request; a 401 invalidates that token, fetches a fresh one and retries once.
import { AuthError } from '../errors.js';
import type { Stage } from './request.js';

/** What the auth stage needs from a token source. */
export interface BearerTokenSource {
  getToken(signal?: AbortSignal): Promise<string>;
  /** Forgets `token` if it is still the cached one (so that concurrent 401s cause one refresh, not many). */
  invalidate(token?: string): void;
}

export function withBearerAuth(tokens: BearerTokenSource): Stage {
  return (next) => async (request) => {
    if (request.external) return next(request);
    const token = await tokens.getToken(request.signal);
    try {
      return await next({ ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } });
    } catch (error) {
      if (!(error instanceof AuthError) || error.status !== 401) throw error;
      tokens.invalidate(token);
      const fresh = await tokens.getToken(request.signal);
      return next({ ...request, headers: { ...request.headers, authorization: `Bearer ${fresh}` } });
    }
  };
}
