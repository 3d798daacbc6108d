// Credentials from environment variables and .env files: both naming schemes, precedence, and partial configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GcflowError } from '../flow/diagnostic.js';
import { credentialsFromEnvironment } from './credentials.js';

const SECRET = 's3cr3t-value-never-printed';

test('nothing configured → undefined (the CLI then starts the embedded emulator)', () => {
  assert.equal(credentialsFromEnvironment({}), undefined);
  assert.equal(credentialsFromEnvironment({ PATH: '/usr/bin', OAUTH_CLIENT_ID: '  ' }), undefined);
});

test("the seed's names", () => {
  const credentials = credentialsFromEnvironment({ GENESYS_ENV_URL: 'https://api.mypurecloud.ie', OAUTH_CLIENT_ID: 'id-1', OAUTH_CLIENT_SECRET: SECRET });
  assert.deepEqual(credentials, {
    region: 'https://api.mypurecloud.ie',
    clientId: 'id-1',
    clientSecret: SECRET,
    variables: { region: 'GENESYS_ENV_URL', clientId: 'OAUTH_CLIENT_ID', clientSecret: 'OAUTH_CLIENT_SECRET' },
    source: 'environment',
  });
});

test("the Genesys tools' names, GENESYSCLOUD_API_REGION as a region alternative", () => {
  const a = credentialsFromEnvironment({ GENESYSCLOUD_REGION: 'eu-west-1', GENESYSCLOUD_OAUTHCLIENT_ID: 'id-2', GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET });
  assert.equal(a?.region, 'eu-west-1');
  assert.equal(a?.clientId, 'id-2');
  const b = credentialsFromEnvironment({ GENESYSCLOUD_API_REGION: 'https://api.usw2.pure.cloud', GENESYSCLOUD_OAUTHCLIENT_ID: 'id-3', GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET });
  assert.equal(b?.region, 'https://api.usw2.pure.cloud');
  assert.equal(b?.variables.region, 'GENESYSCLOUD_API_REGION');
});

test("the seed's name wins when both schemes set a value", () => {
  const credentials = credentialsFromEnvironment({ OAUTH_CLIENT_ID: 'seed', GENESYSCLOUD_OAUTHCLIENT_ID: 'tool', GENESYSCLOUD_REGION: 'us-east-1', OAUTH_CLIENT_SECRET: SECRET });
  assert.equal(credentials?.clientId, 'seed');
});

const partial: Array<[env: Record<string, string>, names: RegExp, notNamed: RegExp]> = [
  [{ OAUTH_CLIENT_ID: 'id', OAUTH_CLIENT_SECRET: SECRET }, /GENESYS_ENV_URL is not set/, /GENESYSCLOUD_/],
  [{ GENESYSCLOUD_REGION: 'us-east-1', GENESYSCLOUD_OAUTHCLIENT_ID: 'id' }, /GENESYSCLOUD_OAUTHCLIENT_SECRET is not set/, /OAUTH_CLIENT_SECRET \(/],
  [{ GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET }, /GENESYSCLOUD_REGION and GENESYSCLOUD_OAUTHCLIENT_ID are not set/, /GENESYS_ENV_URL/],
  [{ GENESYS_ENV_URL: 'us-east-1', GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET }, /OAUTH_CLIENT_ID \(or GENESYSCLOUD_OAUTHCLIENT_ID\) is not set/, /^$/],
];

for (const [env, names, notNamed] of partial) {
  test(`partial configuration ${Object.keys(env).join('+')} names what is missing and never the secret`, () => {
    assert.throws(
      () => credentialsFromEnvironment(env),
      (error: unknown) => {
        assert.ok(error instanceof GcflowError);
        assert.equal(error.code, 'GCF942');
        assert.match(error.message, names);
        if (notNamed.source !== '^$') assert.doesNotMatch(error.message, notNamed);
        assert.ok(!error.message.includes(SECRET));
        assert.ok(!JSON.stringify(error).includes(SECRET));
        return true;
      },
    );
  });
}

test('a bad region is refused up front', () => {
  assert.throws(() => credentialsFromEnvironment({ GENESYSCLOUD_REGION: 'http://example.com', GENESYSCLOUD_OAUTHCLIENT_ID: 'id', GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET }), /plain http/);
});

test('a .env file in cwd is read; the environment wins over it; values are combined', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcflow-credentials-'));
  writeFileSync(join(dir, '.env'), `# credentials\nGENESYSCLOUD_REGION=eu-west-1\nGENESYSCLOUD_OAUTHCLIENT_ID="from-file"\nGENESYSCLOUD_OAUTHCLIENT_SECRET='${SECRET}'\n`);
  const fromFile = credentialsFromEnvironment({}, { cwd: dir });
  assert.equal(fromFile?.clientId, 'from-file');
  assert.equal(fromFile?.clientSecret, SECRET);
  assert.equal(fromFile?.source, join(dir, '.env'));
  const mixed = credentialsFromEnvironment({ GENESYSCLOUD_OAUTHCLIENT_ID: 'from-env' }, { cwd: dir });
  assert.equal(mixed?.clientId, 'from-env');
  assert.equal(mixed?.region, 'eu-west-1');
  assert.equal(mixed?.source, `environment and ${join(dir, '.env')}`);
});

test('a missing .env in cwd is fine; a named env file must exist', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcflow-credentials-'));
  assert.equal(credentialsFromEnvironment({}, { cwd: dir }), undefined);
  assert.throws(
    () => credentialsFromEnvironment({}, { envFile: join(dir, 'nope.env') }),
    (error: unknown) => error instanceof GcflowError && error.code === 'GCF943' && /nope\.env/.test(error.message),
  );
});

test('a named env file is read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcflow-credentials-'));
  const file = join(dir, 'prod.env');
  writeFileSync(file, `OAUTH_CLIENT_ID=a\nOAUTH_CLIENT_SECRET=${SECRET}\nGENESYS_ENV_URL=mypurecloud.de\n`);
  assert.equal(credentialsFromEnvironment({}, { envFile: file })?.region, 'mypurecloud.de');
});
