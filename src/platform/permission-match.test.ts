// Permission matching: exact strings, `*` per segment, and policies expanded to strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPermissionGranted, missingPermissions, permissionCovers, permissionsOfPolicies } from './permission-match.js';

const cases: Array<[granted: string, required: string, covers: boolean]> = [
  ['architect:flow:view', 'architect:flow:view', true],
  ['architect:flow:view', 'architect:flow:edit', false],
  ['architect:flow:*', 'architect:flow:publish', true],
  ['architect:*:*', 'architect:job:create', true],
  ['*:*:*', 'oauth:client:view', true],
  ['*', 'oauth:client:view', true],
  ['architect:flow:*', 'architect:job:create', false],
  ['architect:flow', 'architect:flow:view', false],
  ['Architect:flow:view', 'architect:flow:view', false],
];

for (const [granted, required, covers] of cases) {
  test(`permissionCovers(${granted}, ${required}) = ${covers}`, () => assert.equal(permissionCovers(granted, required), covers));
}

test('missingPermissions keeps the order of the required list', () => {
  const granted = ['architect:flow:view', 'architect:job:*'];
  assert.equal(isPermissionGranted(granted, 'architect:job:view'), true);
  assert.deepEqual(missingPermissions(granted, ['architect:flow:publish', 'architect:flow:view', 'architect:job:create', 'architect:flow:edit']), [
    'architect:flow:publish',
    'architect:flow:edit',
  ]);
});

test('permissionsOfPolicies expands action sets and skips incomplete policies', () => {
  assert.deepEqual(
    permissionsOfPolicies([
      { domain: 'architect', entityName: 'flow', actionSet: ['view', 'edit'] },
      { domain: 'oauth', entityName: 'client', actionSet: ['view'] },
      { domain: 'broken', actionSet: ['view'] },
    ]),
    ['architect:flow:view', 'architect:flow:edit', 'oauth:client:view'],
  );
});
