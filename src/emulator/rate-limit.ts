// Per-token request limits: a fixed window per token (default 300 requests a minute), answered with Retry-After.

export interface RateLimit {
  requests: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { requests: 300, windowMs: 60_000 };

/** Parses `300/60s`, `100/1m`, `50/500ms` (a bare number of the window means seconds). */
export function parseRateLimit(text: string): RateLimit | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = (match[3] ?? 's').toLowerCase();
  const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000;
  const requests = Number(match[1]);
  const windowMs = Math.round(Number(match[2]) * factor);
  if (requests < 1 || windowMs < 1) return undefined;
  return { requests, windowMs };
}

interface Window {
  start: number;
  count: number;
}

/** Counts requests per key; `take` answers 0 when allowed, else the seconds to wait (rounded up). */
export class RateLimiter {
  readonly #limit: RateLimit;
  readonly #windows = new Map<string, Window>();

  constructor(limit: RateLimit) {
    this.#limit = limit;
  }

  take(key: string, now: number): number {
    let window = this.#windows.get(key);
    if (!window || now - window.start >= this.#limit.windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
      if (this.#windows.size > 10_000) this.#sweep(now);
    }
    if (window.count < this.#limit.requests) {
      window.count++;
      return 0;
    }
    return Math.max(1, Math.ceil((window.start + this.#limit.windowMs - now) / 1000));
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (now - window.start >= this.#limit.windowMs) this.#windows.delete(key);
  }
}
