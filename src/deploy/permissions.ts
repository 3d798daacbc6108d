// Which Genesys Cloud permissions each job needs, and the seed's scope names mapped onto them (pure).
import { isPermissionGranted } from '../platform/permission-match.js';

export type PermissionPurpose = 'deploy' | 'read' | 'simulate';
export const PERMISSION_PURPOSES: readonly PermissionPurpose[] = ['deploy', 'read', 'simulate'];

export interface NeededPermission {
  permission: string;
  /** Why it is needed, in a few words, for the permissions table. */
  why: string;
}

const VIEW: NeededPermission = { permission: 'architect:flow:view', why: 'read what is deployed' };
const EDIT: NeededPermission = { permission: 'architect:flow:edit', why: 'write a new version' };
const PUBLISH: NeededPermission = { permission: 'architect:flow:publish', why: 'publish it' };
/** Only when a flow is new: the document API creates it on its first PUT. */
const CREATE: NeededPermission = { permission: 'architect:flow:add', why: 'create a new flow' };

/** What each job needs (endpoint permissions from the platform reference, section B1). */
export const REQUIRED_PERMISSIONS: Readonly<Record<PermissionPurpose, readonly NeededPermission[]>> = {
  read: [VIEW],
  deploy: [VIEW, EDIT, PUBLISH],
  simulate: [{ ...VIEW, why: 'read and simulate a deployed flow' }],
};

/**
 * The seed document's scope names and the real permissions each stands for. Client-credentials clients have
 * no OAuth scopes in Genesys Cloud: their rights are their roles' permissions, so a "scope" is granted when
 * every permission it maps to is.
 */
export const SEED_SCOPE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  'flow:view': ['architect:flow:view'],
  'flow:edit': ['architect:flow:edit', 'architect:flow:publish'],
  'flow:simulate': ['architect:flow:view'],
  'authorization:read': ['authorization:role:view'],
};

export const SEED_SCOPES = Object.keys(SEED_SCOPE_PERMISSIONS);

export interface PermissionCheckRow extends NeededPermission {
  granted: boolean;
}

export interface PermissionCheck {
  purpose: PermissionPurpose;
  rows: PermissionCheckRow[];
  missing: string[];
  ok: boolean;
}

/** The table of needed versus granted for a job. */
export function checkPermissionsFor(purpose: PermissionPurpose, granted: readonly string[], options: { creating?: boolean } = {}): PermissionCheck {
  const needed = options.creating && purpose === 'deploy' ? [...REQUIRED_PERMISSIONS.deploy, CREATE] : REQUIRED_PERMISSIONS[purpose];
  const rows = needed.map((req) => ({ ...req, granted: isPermissionGranted(granted, req.permission) }));
  const missing = rows.filter((r) => !r.granted).map((r) => r.permission);
  return { purpose, rows, missing, ok: missing.length === 0 };
}

export interface ScopeCheckRow {
  scope: string;
  permissions: readonly string[];
  granted: boolean;
  missing: string[];
}

export interface ScopeCheck {
  ok: boolean;
  scopes: ScopeCheckRow[];
  /** Seed scope names the check does not know (they are reported as not granted). */
  unknown: string[];
}

/** Maps seed scope names onto permissions and checks each against what is granted. */
export function checkSeedScopes(scopes: readonly string[], granted: readonly string[]): ScopeCheck {
  const unknown: string[] = [];
  const rows = scopes.map((scope) => {
    const permissions = SEED_SCOPE_PERMISSIONS[scope];
    if (permissions === undefined) {
      unknown.push(scope);
      return { scope, permissions: [], granted: false, missing: [] };
    }
    const missing = permissions.filter((p) => !isPermissionGranted(granted, p));
    return { scope, permissions, granted: missing.length === 0, missing };
  });
  return { ok: rows.every((r) => r.granted), scopes: rows, unknown };
}
