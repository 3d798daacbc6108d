// Permission matching: `*` per segment, policies as grants, any-of versus all-of requirements.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { grantedPermissions, missingPermissions, permissionCovers, policiesOf } from './permissions.js';

describe('emulator permissions', () => {
  const covers: Array<[string, string, boolean]> = [
    ['architect:flow:view', 'architect:flow:view', true],
    ['architect:flow:*', 'architect:flow:publish', true],
    ['architect:*:view', 'architect:job:view', true],
    ['*:*:*', 'webDeployments:deployment:edit', true],
    ['architect:flow:view', 'architect:flow:edit', false],
    ['architect:*:view', 'architect:flow:edit', false],
    ['architect:flow', 'architect:flow:view', false],
    ['architect:flow:view:extra', 'architect:flow:view', false],
  ];
  for (const [granted, required, expected] of covers) {
    it(`${granted} ${expected ? 'covers' : 'does not cover'} ${required}`, () => assert.equal(permissionCovers(granted, required), expected));
  }

  it('reads grants from permissions and from permissionPolicies', () => {
    const granted = grantedPermissions([
      { id: 'a', name: 'a', permissions: ['oauth:client:view'] },
      { id: 'b', name: 'b', permissions: [], permissionPolicies: [{ domain: 'architect', entityName: 'flow', actionSet: ['view', 'edit'] }] },
    ]);
    assert.deepEqual(granted.sort(), ['architect:flow:edit', 'architect:flow:view', 'oauth:client:view']);
  });

  it('any-of needs one, all-of names each one missing', () => {
    const granted = ['architect:flow:view', 'architect:flow:edit'];
    assert.deepEqual(missingPermissions(granted, { any: ['architect:flow:publish', 'architect:flow:edit'] }), []);
    assert.deepEqual(missingPermissions(granted, { any: ['architect:flow:publish', 'architect:flow:unlock'] }), ['architect:flow:publish', 'architect:flow:unlock']);
    assert.deepEqual(missingPermissions(granted, { all: ['architect:flow:view', 'architect:job:create'] }), ['architect:job:create']);
  });

  it('groups flat permissions into policies by domain and entity', () => {
    assert.deepEqual(
      policiesOf(['architect:flow:view', 'architect:flow:edit', 'oauth:client:view']).map((p) => [p.domain, p.entityName, p.actionSet]),
      [['architect', 'flow', ['view', 'edit']], ['oauth', 'client', ['view']]],
    );
  });
});
