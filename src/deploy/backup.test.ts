import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWebMessagingFlow } from '../flow/builder.js';
import { GcflowError } from '../flow/diagnostic.js';
import { backupPath, listBackups, readBackup, writeBackup } from './backup.js';

const definition = { ...createWebMessagingFlow('flow-1', 3), environmentVariables: { key: 'sk-live-0123456789' } };
const deployed = { flowId: 'flow-1', version: 3, status: 'published', definition };

test('a backup lands at .gcflow/backups/<flowId>/v<version>.json without secrets, and reads back whole', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gcflow-backup-'));
  try {
    const path = await writeBackup(dir, deployed, '2024-01-01T00:00:00.000Z', [{ name: 'CRM_API_KEY_SECRET', value: 'sk-live-0123456789' }]);
    assert.equal(path, join(dir, '.gcflow', 'backups', 'flow-1', 'v3.json'));
    const text = await readFile(path, 'utf8');
    assert.ok(!text.includes('sk-live-0123456789'));
    assert.deepEqual(await readdir(join(dir, '.gcflow', 'backups', 'flow-1')), ['v3.json'], 'no temp file is left behind');
    await writeBackup(dir, { ...deployed, version: 5 }, '2024-01-02T00:00:00.000Z', []);
    assert.deepEqual(await listBackups(dir, 'flow-1'), [5, 3]);
    const back = await readBackup(dir, 'flow-1', 3, { CRM_API_KEY_SECRET: 'sk-live-0123456789' });
    assert.deepEqual(back.definition, definition);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a flow id cannot climb out of the backups folder', () => {
  for (const id of ['../etc', 'a/b', '..', '.hidden']) assert.throws(() => backupPath('/p', id, 1), GcflowError, id);
});

test('no backups for an unknown flow is an empty list', async () => {
  assert.deepEqual(await listBackups(tmpdir(), 'never-deployed-flow'), []);
});
