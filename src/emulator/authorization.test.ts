// Roles, clients and the permission each endpoint checks: 403 with missing.*.permissions naming what is missing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { READ_ONLY_CLIENT, seedFlow, startTestEmulator, type TestEmulator } from './testdata/emulator-http.js';

const FLOW_ID = '6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23';

describe('emulator authorization', () => {
  let t: TestEmulator;
  let readOnly: string;
  before(async () => {
    t = await startTestEmulator({
      clients: [READ_ONLY_CLIENT, { id: 'no-roles', secret: 'no-roles-secret', roles: [] }, { id: 'custom', secret: 'custom-secret', roles: ['custom-role'] }, { id: 'editor', secret: 'editor-secret', roles: ['edit-only'] }],
      roles: [{ id: 'edit-only', name: 'editor', permissions: ['architect:flow:view', 'architect:flow:edit'] }, { id: 'custom-role', name: 'wildcard viewer', permissions: ['architect:*:view'], permissionPolicies: [{ domain: 'authorization', entityName: 'role', actionSet: ['*'] }] }],
    });
    readOnly = await t.token(READ_ONLY_CLIENT.id, READ_ONLY_CLIENT.secret);
    await t.api('PUT', `/api/v2/flows/${FLOW_ID}`, { body: seedFlow() });
  });
  after(() => t.close());

  const forbidden: Array<{ method: string; path: string; body?: unknown; code: string; missing: string }> = [
    { method: 'PUT', path: `/api/v2/flows/${FLOW_ID}`, body: { ...seedFlow(), version: 2 }, code: 'missing.any.permissions', missing: 'architect:flow:edit' },
    { method: 'POST', path: '/api/v2/flows', body: { name: 'x', type: 'inboundshortmessage' }, code: 'missing.any.permissions', missing: 'architect:flow:add' },
    { method: 'DELETE', path: `/api/v2/flows/${FLOW_ID}`, code: 'missing.any.permissions', missing: 'architect:flow:delete' },
    { method: 'POST', path: `/api/v2/flows/actions/checkout?flow=${FLOW_ID}`, code: 'missing.any.permissions', missing: 'architect:flow:edit' },
    { method: 'POST', path: `/api/v2/flows/actions/checkin?flow=${FLOW_ID}`, code: 'missing.any.permissions', missing: 'architect:flow:edit, architect:flow:unlock' },
    { method: 'POST', path: `/api/v2/flows/actions/publish?flow=${FLOW_ID}`, code: 'missing.any.permissions', missing: 'architect:flow:publish, architect:flow:unlock' },
    { method: 'POST', path: `/api/v2/flows/actions/unlock?flow=${FLOW_ID}`, code: 'missing.any.permissions', missing: 'architect:flow:unlock' },
    { method: 'POST', path: `/api/v2/flows/actions/revert?flow=${FLOW_ID}`, code: 'missing.any.permissions', missing: 'architect:flow:edit' },
    { method: 'POST', path: `/api/v2/flows/${FLOW_ID}/versions`, body: seedFlow(), code: 'missing.any.permissions', missing: 'architect:flow:edit' },
    { method: 'POST', path: '/api/v2/flows/jobs', code: 'missing.all.permissions', missing: 'architect:job:create' },
    { method: 'POST', path: '/api/v2/flows/validate/jobs', body: { flows: [{ flow: { id: FLOW_ID } }] }, code: 'missing.all.permissions', missing: 'architect:jobValidate:create' },
    { method: 'PUT', path: '/api/v2/webdeployments/deployments/x', body: {}, code: 'missing.all.permissions', missing: 'webDeployments:deployment:edit' },
  ];
  for (const c of forbidden) {
    it(`a read-only client gets 403 ${c.code} for ${c.method} ${c.path.split('?')[0]}`, async () => {
      const response = await t.api<Record<string, unknown> & { messageParams: Record<string, string> }>(c.method, c.path, { token: readOnly, body: c.body });
      assert.equal(response.status, 403);
      assert.equal(response.body.code, c.code);
      assert.equal(response.body.status, 403);
      assert.equal(response.body.messageParams.permissions, c.missing);
      assert.ok(String(response.body.message).includes(c.missing.split(', ')[0]));
    });
  }

  const allowed = ['/api/v2/flows', `/api/v2/flows/${FLOW_ID}`, `/api/v2/flows/${FLOW_ID}/versions`, '/api/v2/webdeployments/deployments', '/api/v2/authorization/roles', '/api/v2/tokens/me'];
  for (const path of allowed) {
    it(`a read-only client may GET ${path}`, async () => {
      assert.equal((await t.api('GET', path, { token: readOnly })).status, 200);
    });
  }

  it('needs architect:flow:add for a PUT that creates and architect:flow:publish for one that publishes', async () => {
    const token = await t.token('editor', 'editor-secret');
    const create = await t.api<{ code: string; messageParams: Record<string, string> }>('PUT', '/api/v2/flows/brand-new', { token, body: { ...seedFlow(), id: 'brand-new', version: 1 } });
    assert.equal(create.status, 403);
    assert.equal(create.body.messageParams.permissions, 'architect:flow:add');
    const publish = await t.api<{ messageParams: Record<string, string> }>('PUT', `/api/v2/flows/${FLOW_ID}`, { token, body: { ...seedFlow(), version: 2, status: 'published' } });
    assert.equal(publish.status, 403);
    assert.equal(publish.body.messageParams.permissions, 'architect:flow:publish');
    const edit = await t.api('PUT', `/api/v2/flows/${FLOW_ID}`, { token, body: { ...seedFlow(), version: 2 } });
    assert.equal(edit.status, 200);
  });

  it('a client without roles may still read its own token but nothing else', async () => {
    const token = await t.token('no-roles', 'no-roles-secret');
    assert.equal((await t.api('GET', '/api/v2/tokens/me', { token })).status, 200);
    assert.equal((await t.api('GET', `/api/v2/flows/${FLOW_ID}`, { token })).status, 403);
  });

  it('honours * wildcards per segment in permissions and in permissionPolicies', async () => {
    const token = await t.token('custom', 'custom-secret');
    assert.equal((await t.api('GET', `/api/v2/flows/${FLOW_ID}`, { token })).status, 200);
    assert.equal((await t.api('GET', `/api/v2/authorization/roles/custom-role`, { token })).status, 200);
    assert.equal((await t.api('POST', '/api/v2/flows/jobs', { token })).status, 403);
  });

  it('serves roles with permissions, permissionPolicies and the seed scopes', async () => {
    const role = await t.api<{ permissions: string[]; permissionPolicies: Array<{ domain: string; entityName: string; actionSet: string[] }>; scopes: string[] }>(
      'GET',
      `/api/v2/authorization/roles/${t.emulator.roles.deployer}`,
    );
    assert.equal(role.status, 200);
    for (const scope of ['flow:view', 'flow:edit', 'flow:simulate', 'authorization:read']) assert.ok(role.body.scopes.includes(scope), scope);
    assert.ok(role.body.permissions.includes('architect:flow:publish'));
    const flowPolicy = role.body.permissionPolicies.find((p) => p.domain === 'architect' && p.entityName === 'flow');
    assert.ok(flowPolicy?.actionSet.includes('publish'));
    const readOnlyRole = await t.api<{ scopes: string[] }>('GET', `/api/v2/authorization/roles/${t.emulator.roles.readOnly}`);
    assert.deepEqual(readOnlyRole.body.scopes, ['flow:view', 'authorization:read']);
    assert.equal((await t.api('GET', '/api/v2/authorization/roles/unknown')).status, 404);
  });

  it('lists roles with paging and filters by id (comma-joined or repeated)', async () => {
    const all = await t.api<{ entities: Array<{ id: string }>; total: number; pageCount: number }>('GET', '/api/v2/authorization/roles?pageSize=1');
    assert.equal(all.body.total, 4);
    assert.equal(all.body.entities.length, 1);
    assert.equal(all.body.pageCount, 4);
    const { deployer, readOnly: ro } = t.emulator.roles;
    for (const query of [`id=${deployer},${ro}`, `id=${deployer}&id=${ro}`]) {
      const some = await t.api<{ entities: Array<{ id: string }> }>('GET', `/api/v2/authorization/roles?${query}`);
      assert.deepEqual(some.body.entities.map((r) => r.id).sort(), [deployer, ro].sort());
    }
  });

  it('serves the OAuth client with roleDivisions and never its secret', async () => {
    const client = await t.api<Record<string, unknown> & { roleDivisions: Array<{ roleId: string; divisionId: string }> }>('GET', `/api/v2/oauth/clients/${READ_ONLY_CLIENT.id}`);
    assert.equal(client.status, 200);
    assert.equal(client.body.authorizedGrantType, 'CLIENT-CREDENTIALS');
    assert.deepEqual(client.body.roleDivisions.map((rd) => rd.roleId), [t.emulator.roles.readOnly]);
    assert.equal(client.body.secret, undefined);
    assert.ok(!JSON.stringify(client.body).includes(READ_ONLY_CLIENT.secret));
    assert.equal((await t.api('GET', '/api/v2/oauth/clients/nobody')).status, 404);
  });
});
