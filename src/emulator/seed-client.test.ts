// Seed compatibility: a client written only from the seed document runs its whole pipeline against the emulator.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startEmulator } from './index.js';
import { runSeedPipeline } from './testdata/seed-client.js';
import { seedFlow } from './testdata/emulator-http.js';

describe('seed document client against the emulator', () => {
  it('gets a token, checks role scopes, validates, pushes with version + 1, sees it published and simulates', async () => {
    const emulator = await startEmulator({ publishDelayMs: 30 });
    try {
      const config = { baseUrl: emulator.url, clientId: emulator.clientId, clientSecret: emulator.clientSecret, roleId: emulator.roles.deployer };
      const flow = seedFlow() as { id: string; version: number; status: string };
      const transcript = [{ from: 'customer', text: 'I need help with my bill' }];
      const first = await runSeedPipeline(config, flow, transcript);
      assert.equal(first.scopesOk, true);
      assert.equal(first.validation.valid, true);
      assert.equal(first.pushedVersion, 1);
      assert.equal(first.finalStatus, 'published');
      assert.ok(Array.isArray(first.simulation.path));
      assert.equal((first.simulation.end as { node: string }).node, 'default_end');
      const second = await runSeedPipeline(config, flow, transcript);
      assert.equal(second.pushedVersion, 2);
      assert.equal(second.finalStatus, 'published');
      assert.equal(emulator.stats().tokenRequests, 2, 'one token per pipeline run, cached in between');
    } finally {
      await emulator.close();
    }
  });
});
