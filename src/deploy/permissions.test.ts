import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPermissionsFor, checkSeedScopes, grantCoversPermission } from './permissions.js';

const coverCases: Array<[string, string, boolean]> = [
  ['architect:flow:view', 'architect:flow:view', true],
  ['architect:flow:*', 'architect:flow:publish', true],
  ['architect:*:*', 'architect:flow:edit', true],
  ['*', 'architect:flow:edit', true],
  ['architect:flow:view', 'architect:flow:edit', false],
  ['architect:flowOutcome:*', 'architect:flow:view', false],
  ['authorization:role:view', 'architect:flow:view', false],
];
for (const [granted, needed, expected] of coverCases) {
  test(`grant ${granted} ${expected ? 'covers' : 'does not cover'} ${needed}`, () => assert.equal(grantCoversPermission(granted, needed), expected));
}

test('deploy needs view, edit and publish; the table says which are missing', () => {
  const check = checkPermissionsFor('deploy', ['architect:flow:view', 'architect:flow:edit']);
  assert.equal(check.ok, false);
  assert.deepEqual(check.missing, ['architect:flow:publish']);
  assert.deepEqual(check.rows.map((r) => [r.permission, r.granted]), [
    ['architect:flow:view', true],
    ['architect:flow:edit', true],
    ['architect:flow:publish', false],
  ]);
  assert.equal(checkPermissionsFor('read', ['architect:flow:view']).ok, true);
});

test('seed scopes map onto real permissions; flow:edit needs edit and publish', () => {
  const check = checkSeedScopes(['flow:view', 'flow:edit', 'authorization:read', 'flow:launch'], ['architect:flow:view', 'architect:flow:edit', 'authorization:role:view']);
  assert.equal(check.ok, false);
  assert.deepEqual(check.scopes.map((s) => [s.scope, s.granted]), [['flow:view', true], ['flow:edit', false], ['authorization:read', true], ['flow:launch', false]]);
  assert.deepEqual(check.scopes[1].missing, ['architect:flow:publish']);
  assert.deepEqual(check.unknown, ['flow:launch']);
});
