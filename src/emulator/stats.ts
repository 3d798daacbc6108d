// Request counters for tests and benchmarks: by route and status, token requests, injected faults, rate-limited answers.

export interface EmulatorStats {
  /** Every HTTP request answered (all routes). */
  requests: number;
  /** POST /oauth/token requests, successful or not. */
  tokenRequests: number;
  /** Tokens handed out. */
  tokensIssued: number;
  /** `METHOD /route/:pattern` → status → count. */
  byRoute: Record<string, Record<string, number>>;
  /** Injected faults by kind. */
  faults: { latency: number; unavailable: number; tooManyRequests: number; reset: number };
  /** 429s from the per-token rate limit (not injected ones). */
  rateLimited: number;
}

export function emptyStats(): EmulatorStats {
  return { requests: 0, tokenRequests: 0, tokensIssued: 0, byRoute: {}, faults: { latency: 0, unavailable: 0, tooManyRequests: 0, reset: 0 }, rateLimited: 0 };
}

/** Counts of one running emulator (mutable at the edge; handed out as copies). */
export class StatsRecorder {
  #stats = emptyStats();

  get current(): EmulatorStats {
    return this.#stats;
  }

  response(route: string, status: number): void {
    this.#stats.requests++;
    const counts = (this.#stats.byRoute[route] ??= {});
    counts[status] = (counts[status] ?? 0) + 1;
  }

  snapshot(): EmulatorStats {
    return structuredClone(this.#stats);
  }

  reset(): void {
    this.#stats = emptyStats();
  }
}
