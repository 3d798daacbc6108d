import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPermissionsFor, checkSeedScopes } from './permissions.js';

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
  assert.equal(checkPermissionsFor('deploy', ['architect:flow:*']).ok, true, 'wildcards count');
});

test('creating a flow also needs architect:flow:add', () => {
  const granted = ['architect:flow:view', 'architect:flow:edit', 'architect:flow:publish'];
  assert.equal(checkPermissionsFor('deploy', granted).ok, true);
  assert.deepEqual(checkPermissionsFor('deploy', granted, { creating: true }).missing, ['architect:flow:add']);
});

test('seed scopes map onto real permissions; flow:edit needs edit and publish', () => {
  const check = checkSeedScopes(['flow:view', 'flow:edit', 'authorization:read', 'flow:launch'], ['architect:flow:view', 'architect:flow:edit', 'authorization:role:view']);
  assert.equal(check.ok, false);
  assert.deepEqual(check.scopes.map((s) => [s.scope, s.granted]), [['flow:view', true], ['flow:edit', false], ['authorization:read', true], ['flow:launch', false]]);
  assert.deepEqual(check.scopes[1].missing, ['architect:flow:publish']);
  assert.deepEqual(check.unknown, ['flow:launch']);
});
