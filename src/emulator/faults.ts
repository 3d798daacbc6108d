// Fault injection from a seed: latency, 503s, 429s and dropped connections that replay the same way for the same seed.

export interface FaultSpec {
  /** Added latency range in ms (inclusive). */
  latencyMs?: { min: number; max: number };
  /** Probabilities in [0, 1]. */
  unavailable: number;
  tooManyRequests: number;
  reset: number;
  /** Retry-After seconds on an injected 429. */
  retryAfterSeconds: number;
}

export type FaultDecision = { latencyMs: number; fault: 'none' | '503' | '429' | 'reset' };

export const NO_FAULTS: FaultSpec = { unavailable: 0, tooManyRequests: 0, reset: 0, retryAfterSeconds: 1 };

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percent(text: string, key: string): number {
  const match = /^(\d+(?:\.\d+)?)%?$/.exec(text.trim());
  if (!match) throw new Error(`fault ${key}=${text}: expected a percentage such as 5%`);
  const value = Number(match[1]);
  if (value > 100) throw new Error(`fault ${key}=${text}: a percentage cannot exceed 100%`);
  return value / 100;
}

/**
 * Parses `latency=50-200ms,503=5%,429=5%,reset=1%` (also `latency=100ms`, `retry-after=2s`).
 * Throws an Error naming the bad part.
 */
export function parseFaults(text: string): FaultSpec {
  const spec: FaultSpec = { ...NO_FAULTS };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (!key || value === undefined) throw new Error(`fault "${part}": expected key=value`);
    switch (key.toLowerCase()) {
      case 'latency': {
        const match = /^(\d+)(?:\s*-\s*(\d+))?\s*(ms)?$/.exec(value);
        if (!match) throw new Error(`fault latency=${value}: expected a range such as 50-200ms`);
        const min = Number(match[1]);
        const max = match[2] === undefined ? min : Number(match[2]);
        if (max < min) throw new Error(`fault latency=${value}: the upper bound is below the lower one`);
        spec.latencyMs = { min, max };
        break;
      }
      case '503':
        spec.unavailable = percent(value, key);
        break;
      case '429':
        spec.tooManyRequests = percent(value, key);
        break;
      case 'reset':
        spec.reset = percent(value, key);
        break;
      case 'retry-after': {
        const match = /^(\d+)\s*s?$/.exec(value);
        if (!match) throw new Error(`fault retry-after=${value}: expected whole seconds such as 2s`);
        spec.retryAfterSeconds = Number(match[1]);
        break;
      }
      default:
        throw new Error(`unknown fault "${key}"; use latency, 503, 429, reset or retry-after`);
    }
  }
  if (spec.unavailable + spec.tooManyRequests + spec.reset > 1) throw new Error('fault percentages add up to more than 100%');
  return spec;
}

/** Whether a spec injects anything at all. */
export function injectsFaults(spec: FaultSpec): boolean {
  return spec.latencyMs !== undefined || spec.unavailable > 0 || spec.tooManyRequests > 0 || spec.reset > 0;
}

/** Decides each request's fate; always draws exactly two numbers, so sequences replay for the same seed. */
export function faultDecider(spec: FaultSpec, random: () => number): () => FaultDecision {
  return () => {
    const latencyDraw = random();
    const faultDraw = random();
    const latencyMs = spec.latencyMs ? spec.latencyMs.min + Math.floor(latencyDraw * (spec.latencyMs.max - spec.latencyMs.min + 1)) : 0;
    let fault: FaultDecision['fault'] = 'none';
    if (faultDraw < spec.unavailable) fault = '503';
    else if (faultDraw < spec.unavailable + spec.tooManyRequests) fault = '429';
    else if (faultDraw < spec.unavailable + spec.tooManyRequests + spec.reset) fault = 'reset';
    return { latencyMs, fault };
  };
}
