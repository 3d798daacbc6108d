import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

const dir = mkdtempSync(join(tmpdir(), 'gcflow-atomic-'));

test('creates parent folders and writes the whole content', async () => {
  const path = join(dir, 'a', 'b', 'out.json');
  await writeFileAtomic(path, '{"ok":true}\n');
  assert.equal(readFileSync(path, 'utf8'), '{"ok":true}\n');
});

test('replaces an existing file, leaving no temp file behind', async () => {
  const path = join(dir, 'replace.txt');
  writeFileSync(path, 'old');
  await writeFileAtomic(path, 'new');
  assert.equal(readFileSync(path, 'utf8'), 'new');
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('exclusive refuses an existing file and keeps it as it was', async () => {
  const path = join(dir, 'keep.txt');
  writeFileSync(path, 'theirs');
  await assert.rejects(writeFileAtomic(path, 'ours', { exclusive: true }), { code: 'EEXIST' });
  assert.equal(readFileSync(path, 'utf8'), 'theirs');
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('a target that cannot be replaced (a folder) fails and leaves no temp file', async () => {
  const path = join(dir, 'folder');
  mkdirSync(path);
  await assert.rejects(writeFileAtomic(path, 'x'));
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});
