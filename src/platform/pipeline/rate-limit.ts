// Rate limit: a client-side token bucket, shared by a client's requests, so that batch work stays under Genesys' limit instead of provoking 429s.
import type { Stage } from './request.js';
import type { Sleep } from './retry.js';

export interface RateLimitOptions {
  /** Requests allowed per window (default 300). */
  requests: number;
  /** The window, in ms (default 60 000). */
  perMs: number;
  /** Requests that may go at once after a quiet spell (default 10). */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { requests: 300, perMs: 60_000, burst: 10 };

/**
 * A token bucket whose refill rate is (requests − burst) / perMs, so that no window of `perMs` ever holds more
 * than `requests` requests (burst at the start plus refill during it). Callers reserve a slot and wait the
 * returned time; reservations queue in order (the balance may go negative). Time comes from `now`.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly ratePerMs: number;
  private readonly capacity: number;

  constructor(options: RateLimitOptions, private readonly now: () => number) {
    if (!(options.requests > 0) || !(options.perMs > 0)) throw new RangeError('rate limit needs requests > 0 and perMs > 0');
    this.capacity = Math.max(1, Math.min(options.burst, options.requests));
    const refill = options.requests - this.capacity;
    // With burst == requests there is nothing left to refill within the window: refill one window later.
    this.ratePerMs = refill > 0 ? refill / options.perMs : this.capacity / options.perMs;
    this.tokens = this.capacity;
    this.last = now();
  }

  /** Takes one slot and returns how long (ms) the caller must wait before using it (0 = go now). */
  reserve(): number {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.ratePerMs);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil(-this.tokens / this.ratePerMs);
  }
}

/** The stage: each API attempt waits for a slot of the client's bucket (external uploads do not). */
export function withRateLimit(bucket: TokenBucket, sleep: Sleep): Stage {
  return (next) => async (request) => {
    if (!request.external) {
      const wait = bucket.reserve();
      if (wait > 0) await sleep(wait, request.signal);
    }
    return next(request);
  };
}
