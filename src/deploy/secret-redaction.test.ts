import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWebMessagingFlow } from '../flow/builder.js';
import { redactSecrets, restoreSecrets } from './secret-redaction.js';

const flow = {
  ...createWebMessagingFlow('flow-1', 1),
  environmentVariables: { api_key: 'Bearer s3cr3t-value', queue: 'q-1', other: 'plain' },
};
const secrets = [{ name: 'API_SECRET', value: 's3cr3t-value' }, { name: 'SHORT_TOKEN', value: 'q' }];

test('a secret value is swapped for its placeholder wherever it appears, and its place is listed', () => {
  const { value, redacted } = redactSecrets(flow, secrets);
  assert.equal(value.environmentVariables?.api_key, 'Bearer {env.API_SECRET}');
  assert.deepEqual(redacted, ['/environmentVariables/api_key']);
  assert.ok(!JSON.stringify(value).includes('s3cr3t-value'));
  assert.equal(value.environmentVariables?.queue, 'q-1', 'values too short to be secrets are left alone');
});

test('restoring puts the values back only where they were taken, as data', () => {
  const { value, redacted } = redactSecrets(flow, secrets);
  const withPlaceholderText = { ...value, environmentVariables: { ...value.environmentVariables, other: '{env.API_SECRET}' } };
  const restored = restoreSecrets(withPlaceholderText, redacted, { API_SECRET: 's3cr3t-value' });
  assert.equal(restored.value.environmentVariables?.api_key, 'Bearer s3cr3t-value');
  assert.equal(restored.value.environmentVariables?.other, '{env.API_SECRET}', 'a pointer that was not redacted is not filled');
  assert.deepEqual(restored.missing, []);
});

test('restoring without the value reports the missing name', () => {
  const { value, redacted } = redactSecrets(flow, secrets);
  assert.deepEqual(restoreSecrets(value, redacted, {}).missing, ['API_SECRET']);
});
