// Identity and authorization: who the token belongs to (tokens/me), its OAuth client, and roles.
import type { DomainOrganizationRole, EntityListing, OAuthClient, TokenInfo } from '../models.js';
import { segment, type PlatformTransport } from '../pipeline/request.js';

export interface ListRolesQuery {
  pageSize?: number;
  pageNumber?: number;
  sortBy?: string;
  expand?: string[];
  nextPage?: string;
  previousPage?: string;
  name?: string;
  permission?: string[];
  defaultRoleId?: string[];
  userCount?: boolean;
  id?: string[];
}

export function tokenEndpoints(api: PlatformTransport) {
  return {
    /** GET /api/v2/tokens/me: the calling token (for client credentials, `OAuthClient.id` names the client). */
    me: (query: { preserveIdleTTL?: boolean } = {}): Promise<TokenInfo> => api.json({ method: 'GET', path: '/api/v2/tokens/me', query }),
  };
}

export function oauthClientEndpoints(api: PlatformTransport) {
  return {
    /** GET /api/v2/oauth/clients/{clientId} (needs oauth:client:view): carries `roleDivisions`. */
    get: (clientId: string): Promise<OAuthClient> => api.json({ method: 'GET', path: `/api/v2/oauth/clients/${segment(clientId)}` }),
  };
}

export function roleEndpoints(api: PlatformTransport) {
  return {
    /** GET /api/v2/authorization/roles/{roleId} (authorization:role:view). `userCount` defaults to true server-side and is slow on big roles. */
    get: (roleId: string, query: { userCount?: boolean; expand?: string[] } = {}): Promise<DomainOrganizationRole> =>
      api.json({ method: 'GET', path: `/api/v2/authorization/roles/${segment(roleId)}`, query }),
    /** GET /api/v2/authorization/roles. */
    list: (query: ListRolesQuery = {}): Promise<EntityListing<DomainOrganizationRole>> => api.json({ method: 'GET', path: '/api/v2/authorization/roles', query: { ...query } }),
  };
}

export type TokenEndpoints = ReturnType<typeof tokenEndpoints>;
export type OAuthClientEndpoints = ReturnType<typeof oauthClientEndpoints>;
export type RoleEndpoints = ReturnType<typeof roleEndpoints>;
