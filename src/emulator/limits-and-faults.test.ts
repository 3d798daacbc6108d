// Per-token rate limits (429 with Retry-After and Genesys' body) and seeded fault injection that replays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { faultDecider, parseFaults, seededRandom } from './faults.js';
import { parseRateLimit } from './rate-limit.js';
import { OTHER_CLIENT, startTestEmulator } from './testdata/emulator-http.js';

describe('emulator rate limits', () => {
  it('answers 429 after N requests per token in the window, with Retry-After and the Genesys body', async () => {
    const t = await startTestEmulator({ rateLimit: '3/10s' });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await t.api('GET', '/api/v2/tokens/me')).status, 200);
      t.clock.advance(2_500);
      const limited = await t.api('GET', '/api/v2/tokens/me');
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '8');
      assert.deepEqual(limited.body, {
        message: 'Rate limit exceeded the maximum. Retry the request in [8] seconds',
        code: 'too.many.requests.retry.after',
        status: 429,
        contextId: limited.headers.get('inin-correlation-id'),
        details: [],
        errors: [],
      });
      // Another token has its own budget; the window resets after it has passed.
      assert.equal((await t.api('GET', '/api/v2/tokens/me', { token: await t.token(OTHER_CLIENT.id, OTHER_CLIENT.secret) })).status, 200);
      t.clock.advance(7_500);
      assert.equal((await t.api('GET', '/api/v2/tokens/me')).status, 200);
      assert.equal(t.emulator.stats().rateLimited, 1);
    } finally {
      await t.close();
    }
  });

  const specs: Array<[string, { requests: number; windowMs: number } | undefined]> = [
    ['300/60s', { requests: 300, windowMs: 60_000 }],
    ['50/1m', { requests: 50, windowMs: 60_000 }],
    ['10/500ms', { requests: 10, windowMs: 500 }],
    ['5/2', { requests: 5, windowMs: 2_000 }],
    ['0/60s', undefined],
    ['lots', undefined],
  ];
  for (const [text, expected] of specs) {
    it(`parses the rate limit ${text}`, () => assert.deepEqual(parseRateLimit(text), expected));
  }
});

describe('emulator fault injection', () => {
  it('parses fault specs and names the bad part', () => {
    assert.deepEqual(parseFaults('latency=50-200ms,503=5%,429=5%,reset=1%'), {
      latencyMs: { min: 50, max: 200 },
      unavailable: 0.05,
      tooManyRequests: 0.05,
      reset: 0.01,
      retryAfterSeconds: 1,
    });
    assert.deepEqual(parseFaults('latency=10ms,retry-after=3s').latencyMs, { min: 10, max: 10 });
    assert.throws(() => parseFaults('500=5%'), /unknown fault "500"/);
    assert.throws(() => parseFaults('503=lots'), /503=lots/);
    assert.throws(() => parseFaults('503=60%,429=50%'), /more than 100%/);
    assert.throws(() => parseFaults('latency=200-50ms'), /upper bound/);
  });

  it('draws the same decisions for the same seed and different ones for another seed', () => {
    const spec = parseFaults('latency=0-100ms,503=20%,429=20%,reset=10%');
    const run = (seed: number) => {
      const decide = faultDecider(spec, seededRandom(seed));
      return Array.from({ length: 200 }, decide);
    };
    assert.deepEqual(run(42), run(42));
    assert.notDeepEqual(run(42), run(43));
    const kinds = new Set(run(42).map((d) => d.fault));
    assert.deepEqual([...kinds].sort(), ['429', '503', 'none', 'reset']);
  });

  async function statusSequence(seed: number): Promise<Array<number | string>> {
    const t = await startTestEmulator({ faults: '503=25%,429=25%,reset=10%,retry-after=2s', seed, rateLimit: '10000/60s' });
    try {
      const token = await t.token();
      const seen: Array<number | string> = [];
      for (let i = 0; i < 40; i++) {
        try {
          const response = await fetch(`${t.emulator.url}/api/v2/tokens/me`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } });
          if (response.status === 429) assert.equal(response.headers.get('retry-after'), '2');
          if (response.status === 503) assert.equal(((await response.json()) as { code: string }).code, 'service.unavailable');
          else await response.arrayBuffer();
          seen.push(response.status);
        } catch {
          seen.push('reset');
        }
      }
      const faults = t.emulator.stats().faults;
      assert.equal(faults.reset, seen.filter((s) => s === 'reset').length);
      assert.equal(faults.unavailable, seen.filter((s) => s === 503).length);
      return seen;
    } finally {
      await t.close();
    }
  }

  it('replays the same sequence of 503, 429 and dropped connections over HTTP for the same seed', async () => {
    const first = await statusSequence(7);
    const second = await statusSequence(7);
    assert.deepEqual(first, second);
    for (const kind of [200, 503, 429, 'reset']) assert.ok(first.includes(kind), `the sequence includes ${kind}`);
  });

  it('leaves /oauth/token alone', async () => {
    const t = await startTestEmulator({ faults: '503=100%' });
    try {
      const token = await t.token();
      assert.equal((await t.api('GET', '/api/v2/tokens/me', { token })).status, 503);
    } finally {
      await t.close();
    }
  });
});
