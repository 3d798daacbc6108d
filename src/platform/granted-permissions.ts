// Granted permissions of a client-credentials token: tokens/me → OAuth client → roleDivisions → roles → permissions.
import { GcflowError } from '../flow/diagnostic.js';
import type { OAuthClientEndpoints, RoleEndpoints, TokenEndpoints } from './endpoints/identity.js';
import { PermissionError } from './errors.js';
import type { RoleDivision } from './models.js';
import { permissionsOfPolicies } from './permission-match.js';

export interface GrantedRole {
  roleId: string;
  name?: string;
  /** The divisions the role is granted in, for this client. */
  divisionIds: string[];
  permissions: string[];
}

export interface GrantedPermissions {
  clientId: string;
  clientName?: string;
  roles: GrantedRole[];
  /** Every permission of every role, sorted, without duplicates. */
  permissions: string[];
}

export interface IdentityEndpoints {
  tokens: TokenEndpoints;
  oauthClients: OAuthClientEndpoints;
  roles: RoleEndpoints;
}

/**
 * What the caller may do. `users/me` cannot be used with client credentials, so: `GET /api/v2/tokens/me` →
 * `OAuthClient.id` → `GET /api/v2/oauth/clients/{id}` → `roleDivisions` → `GET /api/v2/authorization/roles/{roleId}`.
 * When reading the client is forbidden (no oauth:client:view), the roleDivisions tokens/me carries are used if present.
 */
export async function discoverGrantedPermissions(api: IdentityEndpoints): Promise<GrantedPermissions> {
  const token = await api.tokens.me();
  const clientId = token.OAuthClient?.id;
  if (!clientId) {
    throw new GcflowError('GCF944', 'The token belongs to no OAuth client (tokens/me has no OAuthClient.id): use client credentials to discover permissions.', {}, 1);
  }
  let clientName = token.OAuthClient?.name;
  let roleDivisions: RoleDivision[];
  try {
    const client = await api.oauthClients.get(clientId);
    clientName = client.name ?? clientName;
    roleDivisions = client.roleDivisions ?? [];
  } catch (error) {
    const fromToken = token.OAuthClient?.roleDivisions;
    if (!(error instanceof PermissionError) || !fromToken) throw error;
    roleDivisions = fromToken;
  }
  const divisionsByRole = new Map<string, string[]>();
  for (const { roleId, divisionId } of roleDivisions) {
    const divisions = divisionsByRole.get(roleId) ?? [];
    if (divisionId && !divisions.includes(divisionId)) divisions.push(divisionId);
    divisionsByRole.set(roleId, divisions);
  }
  const roles = await Promise.all(
    [...divisionsByRole].map(async ([roleId, divisionIds]): Promise<GrantedRole> => {
      const role = await api.roles.get(roleId, { userCount: false });
      const permissions = [...new Set([...(role.permissions ?? []), ...permissionsOfPolicies(role.permissionPolicies ?? [])])].sort();
      return { roleId, name: role.name, divisionIds, permissions };
    }),
  );
  const permissions = [...new Set(roles.flatMap((role) => role.permissions))].sort();
  return clientName === undefined ? { clientId, roles, permissions } : { clientId, clientName, roles, permissions };
}
