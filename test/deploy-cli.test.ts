// plan, deploy, status, rollback and permissions through the real bin, against an emulator on an ephemeral port.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { NO_CREDENTIALS, runCli, SEED_FLOW } from './support/run-cli.js';

const SECRET = 'tok-4f9a8b7c6d5e';
/** No credentials and no rate-limit override from the caller's environment; each test adds its emulator's own. */
const CLEAN_ENV = { ...NO_CREDENTIALS, GCFLOW_RATE_LIMIT: undefined };

describe('gcflow plan / deploy / status / rollback / permissions (CLI)', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let flowFile: string;
  let env: Record<string, string | undefined>;
  const cli = (args: string[], extraEnv: Record<string, string | undefined> = {}) => runCli(args, { cwd: dir, env: { ...env, ...extraEnv } });
  const deployed = (id: string) => emulator.snapshot().flows[id];

  before(async () => {
    emulator = await startEmulator({
      publishDelayMs: 30,
      clients: [{ id: 'reader', secret: 'reader-secret-123', roles: ['readOnly'] }],
    });
    dir = await mkdtemp(join(tmpdir(), 'gcflow-deploy-cli-'));
    const seed = JSON.parse(await readFile(SEED_FLOW, 'utf8'));
    seed.environmentVariables.crm_token = '{env.CRM_API_TOKEN}';
    flowFile = join(dir, 'support.flow.json');
    await writeFile(flowFile, JSON.stringify(seed, null, 2));
    await writeFile(join(dir, 'test.env'), `BILLING_QUEUE_ID=queue-billing\nTECH_QUEUE_ID=queue-tech\nCRM_API_TOKEN=${SECRET}\n`);
    env = { ...CLEAN_ENV, GENESYS_ENV_URL: emulator.url, OAUTH_CLIENT_ID: emulator.clientId, OAUTH_CLIENT_SECRET: emulator.clientSecret };
  });

  after(async () => {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('plan shows a new flow, --exit-code says there are changes, --out saves a plan without the secret', async () => {
    const plain = await cli(['plan', 'support.flow.json', '--env-file', 'test.env']);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /create: a new flow, to be published as version 1/);
    assert.ok(!plain.stdout.includes(SECRET), 'the secret value is masked in the diff');
    const withCode = await cli(['plan', 'support.flow.json', '--env-file', 'test.env', '--exit-code', '--out', 'plan.json']);
    assert.equal(withCode.code, 1);
    const saved = await readFile(join(dir, 'plan.json'), 'utf8');
    assert.ok(!saved.includes(SECRET), 'the plan file holds no secret');
    assert.match(saved, /\{env\.CRM_API_TOKEN\}/);
    assert.equal(deployed('6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23'), undefined, 'plan changes nothing');
  });

  it('deploy without --yes off a terminal refuses and changes nothing', async () => {
    const result = await cli(['deploy', 'support.flow.json', '--env-file', 'test.env']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /pass --yes/);
    assert.equal(deployed('6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23'), undefined);
  });

  it('deploy --plan applies exactly the saved plan; deploying again changes nothing; status shows it', async () => {
    const result = await cli(['deploy', '--plan', 'plan.json', '--env-file', 'test.env', '--yes']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /published version 1/);
    assert.match(result.stdout, /verified/);
    assert.ok(!result.stdout.includes(SECRET));
    const record = deployed('6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23');
    assert.equal(record.status, 'published');
    assert.equal((record.document?.environmentVariables as Record<string, string>).crm_token, SECRET, 'the secret itself was pushed');
    const again = await cli(['deploy', 'support.flow.json', '--env-file', 'test.env', '--yes']);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /No changes/);
    assert.equal(deployed('6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23').version, 1, 'no second version');
    const status = await cli(['status', '6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23']);
    assert.equal(status.code, 0);
    assert.match(status.stdout, /version\s+1/);
    assert.match(status.stdout, /status\s+published/);
  });

  it('an update backs up the deployed version without the secret; a plan made before it is then refused', async () => {
    const stalePlan = await cli(['plan', 'support.flow.json', '--env-file', 'test.env', '--out', 'stale.json']);
    assert.equal(stalePlan.code, 0);
    const flow = JSON.parse(await readFile(flowFile, 'utf8'));
    flow.name = 'Support Flow v2';
    await writeFile(flowFile, JSON.stringify(flow));
    const update = await cli(['deploy', 'support.flow.json', '--env-file', 'test.env', '--yes']);
    assert.equal(update.code, 0, update.stdout + update.stderr);
    assert.match(update.stdout, /update: version 1 \(published\) -> 2/);
    const backups = join(dir, '.gcflow', 'backups', '6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23');
    assert.deepEqual(await readdir(backups), ['v1.json']);
    assert.ok(!(await readFile(join(backups, 'v1.json'), 'utf8')).includes(SECRET));
    const refused = await cli(['deploy', '--plan', 'stale.json', '--env-file', 'test.env', '--yes']);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /the plan is out of date/);
    assert.match(refused.stdout, /their changes \(version 1 -> 2\):[\s\S]*Support Flow v2[\s\S]*our changes \(against version 1\)/);
    assert.equal(deployed('6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23').version, 2, 'nothing was changed');
  });

  it('rollback puts version 1 back as version 3', async () => {
    const result = await cli(['rollback', '6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23', '--env-file', 'test.env', '--yes']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /rolled-back/);
    const record = deployed('6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23');
    assert.equal(record.version, 3);
    assert.equal(record.document?.name, 'WebChat Support Flow');
  });

  it('a flow with local errors, or without its environment, is not deployed (exit 1)', async () => {
    const missing = await cli(['deploy', 'support.flow.json', '--yes'], { BILLING_QUEUE_ID: undefined });
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /BILLING_QUEUE_ID/);
    assert.equal(deployed('6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23').version, 3);
  });

  it('permissions: the deployer has everything (exit 0), the read-only role does not (exit 1), a bad --for is a usage error', async () => {
    const ok = await cli(['permissions']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /architect:flow:publish\s+publish it\s+granted/);
    const readOnly = await cli(['permissions', '--role', emulator.roles.readOnly]);
    assert.equal(readOnly.code, 1);
    assert.match(readOnly.stdout, /architect:flow:edit\s+write a new version\s+MISSING/);
    const usage = await cli(['permissions', '--for', 'everything']);
    assert.equal(usage.code, 2);
  });

  it('a client without the deploy permissions fails the preflight and changes nothing', async () => {
    const result = await cli(['deploy', 'support.flow.json', '--env-file', 'test.env', '--yes'], { OAUTH_CLIENT_ID: 'reader', OAUTH_CLIENT_SECRET: 'reader-secret-123' });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /preflight failed.*architect:flow:edit/);
    assert.equal(deployed('6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23').version, 3);
  });

  it('status of an unknown flow exits 1; bad options exit 2', async () => {
    assert.equal((await cli(['status', 'no-such-flow'])).code, 1);
    assert.equal((await cli(['deploy', 'support.flow.json', '--timeout', 'soon'])).code, 2);
    assert.equal((await cli(['deploy'])).code, 2);
  });

  it('with no credentials configured, deploy uses an embedded emulator and says so', async () => {
    const result = await cli(['deploy', 'support.flow.json', '--env-file', 'test.env', '--yes'], CLEAN_ENV);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /target: embedded emulator at http:\/\/127\.0\.0\.1:\d+ \(no Genesys Cloud credentials configured\)/);
    assert.match(result.stdout, /create: a new flow/);
  });
});
