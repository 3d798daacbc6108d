// Test harness: an emulator on an ephemeral port, a platform client and a document target over real HTTP, a temp project.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index.js';
import { createPlatformClient, type PlatformClient, type PlatformClientOptions } from '../../platform/index.js';
import { SYSTEM_CLOCK } from '../connect.js';
import type { DeployContext } from '../deploy.js';
import { DocumentApiTarget } from '../document-target.js';
import { documentApiOf } from '../platform-document-api.js';

export interface Harness {
  emulator: RunningEmulator;
  projectDir: string;
  /** A new client (its own token and rate limiter) and target: one per deployer. */
  deployer(options?: Partial<PlatformClientOptions>): { client: PlatformClient; target: DocumentApiTarget; context(extra?: Partial<DeployContext>): DeployContext };
  close(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ publishDelayMs: 20, ...options });
  const projectDir = await mkdtemp(join(tmpdir(), 'gcflow-deploy-'));
  return {
    emulator,
    projectDir,
    deployer(clientOptions = {}) {
      const client = createPlatformClient({
        baseUrl: emulator.url,
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        retry: { baseDelayMs: 5, maxDelayMs: 50 },
        ...clientOptions,
      });
      const target = new DocumentApiTarget({ api: documentApiOf(client), clock: SYSTEM_CLOCK });
      const context = (extra: Partial<DeployContext> = {}): DeployContext => ({ target, projectDir, secrets: [], wallClock: () => new Date(), timeoutMs: 10_000, ...extra });
      return { client, target, context };
    },
    async close() {
      await emulator.close();
      await rm(projectDir, { recursive: true, force: true });
    },
  };
}
