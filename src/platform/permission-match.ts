// Permission matching: whether granted `domain:entity:action` strings (with `*` wildcards) cover a required one.

/** Expands a role's permission policies to `domain:entity:action` strings. */
export function permissionsOfPolicies(policies: ReadonlyArray<{ domain?: string; entityName?: string; actionSet?: string[] }>): string[] {
  const out: string[] = [];
  for (const policy of policies) {
    if (!policy.domain || !policy.entityName) continue;
    for (const action of policy.actionSet ?? []) out.push(`${policy.domain}:${policy.entityName}:${action}`);
  }
  return out;
}

function segmentMatches(granted: string | undefined, required: string | undefined): boolean {
  return granted === '*' || (granted !== undefined && granted === required);
}

/** Whether one granted permission covers the required one; `*` in a granted segment matches any value there. */
export function permissionCovers(granted: string, required: string): boolean {
  const g = granted.split(':');
  const r = required.split(':');
  if (g.length !== r.length) return g.length === 1 && g[0] === '*';
  return g.every((part, i) => segmentMatches(part, r[i]));
}

export function isPermissionGranted(granted: readonly string[], required: string): boolean {
  return granted.some((permission) => permissionCovers(permission, required));
}

/** The required permissions that nothing granted covers, in the order given. */
export function missingPermissions(granted: readonly string[], required: readonly string[]): string[] {
  return required.filter((permission) => !isPermissionGranted(granted, permission));
}
