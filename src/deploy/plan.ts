// The deploy plan: what will be pushed for one flow and the deployed state it was made against (pure).
import type { FlowDefinition } from '../flow/schema.js';
import { contentFingerprint, fingerprint, sameContent } from './definition.js';
import type { DeployedFlow, DeployedStatus } from './target.js';

/** What applying a plan does: create a new flow, update its content, publish unchanged content, or nothing. */
export type PlanAction = 'create' | 'update' | 'publish' | 'none';

/** The deployed state a plan was made against (the optimistic-lock base). */
export interface PlanBase {
  version: number;
  status: DeployedStatus;
  contentHash: string;
  definition: FlowDefinition;
}

export interface DeployPlan {
  flowId: string;
  name: string;
  /** What was deployed when the plan was made; null when the flow is new. */
  base: PlanBase | null;
  /** Exactly what will be written: the resolved flow, version base+1, status published. */
  desired: FlowDefinition;
  action: PlanAction;
  /** Fingerprint of (flow id, base version and content, desired flow): what `deploy --plan` checks. */
  hash: string;
}

/** The version a write on top of `base` must carry: never anything but base+1. */
export function nextVersion(base: PlanBase | null): number {
  return base === null ? 1 : base.version + 1;
}

export function planBaseOf(deployed: DeployedFlow): PlanBase {
  return { version: deployed.version, status: deployed.status, contentHash: contentFingerprint(deployed.definition), definition: deployed.definition };
}

/** The plan for a resolved flow against what is deployed (undefined: not deployed). */
export function createPlan(resolved: FlowDefinition, deployed: DeployedFlow | undefined): DeployPlan {
  const base = deployed === undefined ? null : planBaseOf(deployed);
  const desired: FlowDefinition = { ...resolved, version: nextVersion(base), status: 'published' };
  delete (desired as { $schema?: string }).$schema;
  let action: PlanAction;
  if (base === null) action = 'create';
  else if (!sameContent(base.definition, desired)) action = 'update';
  else if (base.status === 'published' || base.status === 'scheduled') action = 'none';
  else action = 'publish';
  return { flowId: resolved.id, name: resolved.name, base, desired, action, hash: planHash(resolved.id, base, desired) };
}

export function planHash(flowId: string, base: PlanBase | null, desired: FlowDefinition): string {
  return fingerprint({ flowId, base: base === null ? null : { version: base.version, contentHash: base.contentHash }, desired });
}

/** Whether the deployed flow is still the one the plan was made against. */
export function planStillApplies(plan: DeployPlan, deployed: DeployedFlow | undefined): boolean {
  if (plan.base === null) return deployed === undefined;
  if (deployed === undefined) return false;
  return deployed.version === plan.base.version && contentFingerprint(deployed.definition) === plan.base.contentHash;
}

/** A plan rebuilt on top of what someone else deployed (`--force`): their version is the new base. */
export function replanOnTop(plan: DeployPlan, theirs: DeployedFlow): DeployPlan {
  return createPlan(plan.desired, theirs);
}
