// Roles, OAuth clients and permission checks: `domain:entity:action` strings with `*` per segment.

/** A structured permission grant as Genesys roles carry it (`DomainPermissionPolicy`). */
export interface PermissionPolicy {
  domain: string;
  entityName: string;
  actionSet: string[];
  policyName?: string;
  policyDescription?: string;
  allowConditions?: boolean;
  namedResources?: string[];
}

/** A role (`DomainOrganizationRole`), plus the seed document's `scopes`. */
export interface EmulatorRole {
  id: string;
  name: string;
  description?: string;
  permissions: string[];
  permissionPolicies?: PermissionPolicy[];
  /** The seed document's scope names (`flow:view`, `flow:edit`, `flow:simulate`, `authorization:read`). */
  scopes?: string[];
}

/** A client-credentials OAuth client. */
export interface EmulatorClient {
  id: string;
  secret: string;
  name: string;
  roleDivisions: Array<{ roleId: string; divisionId: string }>;
  /** Overrides the emulator's token lifetime for this client. */
  accessTokenValiditySeconds?: number;
}

/** What a route needs: one of the permissions, or all of them. */
export type PermissionRequirement = { any: string[] } | { all: string[] };

export const HOME_DIVISION_ID = '6a43f1c8-1b9e-4c7d-9f0a-2e5d8b3c4a10';
export const HOME_DIVISION = { id: HOME_DIVISION_ID, name: 'Home', selfUri: `/api/v2/authorization/divisions/${HOME_DIVISION_ID}` };
export const ORGANIZATION = { id: '0c3a5e7f-9b1d-4f2a-8c6e-1d3f5a7b9c20', name: 'gcflow emulator org' };

/** Stable ids, so that role ids printed once stay valid across restarts. */
export const DEPLOYER_ROLE_ID = 'a4b2c6d8-0e1f-4a3b-9c5d-7e9f1a2b3c01';
export const READ_ONLY_ROLE_ID = 'a4b2c6d8-0e1f-4a3b-9c5d-7e9f1a2b3c02';

const READ_PERMISSIONS = [
  'architect:flow:view',
  'architect:flow:search',
  'architect:job:view',
  'architect:jobValidate:view',
  'oauth:client:view',
  'authorization:role:view',
  'webDeployments:deployment:view',
  'webDeployments:configuration:view',
];

const DEPLOY_PERMISSIONS = [
  ...READ_PERMISSIONS,
  'architect:flow:add',
  'architect:flow:edit',
  'architect:flow:delete',
  'architect:flow:publish',
  'architect:flow:unlock',
  'architect:job:create',
  'architect:jobValidate:create',
  'webDeployments:deployment:edit',
];

/** Turns a flat permission list into `permissionPolicies`, as Genesys shows both. */
export function policiesOf(permissions: string[]): PermissionPolicy[] {
  const byEntity = new Map<string, PermissionPolicy>();
  for (const permission of permissions) {
    const [domain, entityName, action] = permission.split(':');
    if (!domain || !entityName || !action) continue;
    const key = `${domain}:${entityName}`;
    const policy = byEntity.get(key) ?? { domain, entityName, actionSet: [], policyName: key, allowConditions: false };
    policy.actionSet.push(action);
    byEntity.set(key, policy);
  }
  return [...byEntity.values()];
}

export function defaultRoles(): EmulatorRole[] {
  return [
    {
      id: DEPLOYER_ROLE_ID,
      name: 'gcflow deployer',
      description: 'Everything gcflow needs to read, validate, deploy, publish and roll back flows.',
      permissions: DEPLOY_PERMISSIONS,
      scopes: ['flow:view', 'flow:edit', 'flow:simulate', 'authorization:read'],
    },
    {
      id: READ_ONLY_ROLE_ID,
      name: 'gcflow read only',
      description: 'Reads flows, versions, jobs, clients, roles and web deployments; changes nothing.',
      permissions: READ_PERMISSIONS,
      scopes: ['flow:view', 'authorization:read'],
    },
  ];
}

/** Whether one granted permission (with `*` segments) covers a required one. */
export function permissionCovers(granted: string, required: string): boolean {
  const g = granted.split(':');
  const r = required.split(':');
  if (g.length !== 3 || r.length !== 3) return granted === required;
  return g.every((segment, i) => segment === '*' || segment === r[i]);
}

/** Every permission string a set of roles grants, including those spelled as policies. */
export function grantedPermissions(roles: EmulatorRole[]): string[] {
  const granted = new Set<string>();
  for (const role of roles) {
    for (const permission of role.permissions) granted.add(permission);
    for (const policy of role.permissionPolicies ?? []) {
      for (const action of policy.actionSet) granted.add(`${policy.domain}:${policy.entityName}:${action}`);
    }
  }
  return [...granted];
}

/** The permissions of a requirement that are missing, or an empty list when it is met. */
export function missingPermissions(granted: string[], requirement: PermissionRequirement): string[] {
  const has = (required: string) => granted.some((g) => permissionCovers(g, required));
  if ('any' in requirement) return requirement.any.some(has) ? [] : requirement.any;
  return requirement.all.filter((required) => !has(required));
}
