// A lost race, as data: the base both sides started from, what the other side deployed, and what we meant to push.
import type { FlowDefinition } from '../flow/schema.js';
import { ApiError, VersionConflictError } from '../platform/errors.js';
import type { DeployedFlow } from './target.js';

export interface VersionConflict {
  flowId: string;
  /** The version our plan was made against (0 for a new flow). */
  baseVersion: number;
  /** The version the server holds now (undefined when it could not be read back). */
  theirVersion?: number;
  /** What was deployed when we planned (undefined for a new flow). */
  base?: FlowDefinition;
  /** What the other side deployed since. */
  theirs?: FlowDefinition;
  /** What we meant to push. */
  ours: FlowDefinition;
}

/** Whether an error from a write means "someone else changed it first". */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof VersionConflictError || (error instanceof ApiError && error.status === 409);
}

export function conflictOf(flowId: string, base: { version: number; definition: FlowDefinition } | null, theirs: DeployedFlow | undefined, ours: FlowDefinition): VersionConflict {
  const conflict: VersionConflict = { flowId, baseVersion: base?.version ?? 0, ours };
  if (base) conflict.base = base.definition;
  if (theirs) {
    conflict.theirVersion = theirs.version;
    conflict.theirs = theirs.definition;
  }
  return conflict;
}
