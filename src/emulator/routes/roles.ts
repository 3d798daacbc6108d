// /api/v2/authorization/roles: roles with permissions, permissionPolicies and the seed's scopes.
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { failures } from '../errors.js';
import { policiesOf, type EmulatorRole } from '../permissions.js';
import { pageListing } from '../views.js';
import { listParam, pagingOf } from './query.js';

function roleView(role: EmulatorRole, userCount: number) {
  return {
    id: role.id,
    name: role.name,
    description: role.description,
    permissions: role.permissions,
    permissionPolicies: role.permissionPolicies ?? policiesOf(role.permissions),
    scopes: role.scopes ?? [],
    userCount,
    default: false,
    base: false,
    selfUri: `/api/v2/authorization/roles/${role.id}`,
  };
}

export function registerRoleRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  const permission = { any: ['authorization:role:view'] };
  const users = (roleId: string) => [...ctx.clients.values()].filter((c) => c.roleDivisions.some((rd) => rd.roleId === roleId)).length;
  api.get<{ Params: { roleId: string } }>('/authorization/roles/:roleId', { config: { permission } }, async (request) => {
    const role = ctx.roles.get(request.params.roleId);
    if (!role) throw failures.notFound('role', request.params.roleId);
    return roleView(role, users(role.id));
  });
  api.get<{ Querystring: Record<string, string | string[]> }>('/authorization/roles', { config: { permission } }, async (request) => {
    const ids = listParam(request.query.id);
    const name = typeof request.query.name === 'string' ? request.query.name.toLowerCase() : undefined;
    const wanted = listParam(request.query.permission);
    const roles = [...ctx.roles.values()].filter(
      (r) =>
        (ids.length === 0 || ids.includes(r.id)) &&
        (name === undefined || r.name.toLowerCase().includes(name)) &&
        wanted.every((p) => r.permissions.includes(p)),
    );
    return pageListing(roles.map((r) => roleView(r, users(r.id))), pagingOf(request.query), '/api/v2/authorization/roles');
  });
}
