// Backoff: exponential delays with full jitter (AWS architecture blog), bounded.

export interface BackoffOptions {
  /** The delay ceiling of the first retry, in ms. */
  baseDelayMs: number;
  /** No delay exceeds this, in ms. */
  maxDelayMs: number;
}

/**
 * The delay before retry number `retry` (1 for the first retry): a uniformly random value in
 * [0, min(maxDelayMs, baseDelayMs · 2^(retry-1))). `random` returns values in [0, 1) like Math.random.
 */
export function fullJitterDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.max(0, retry - 1);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(exponent, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(ceiling * r);
}
