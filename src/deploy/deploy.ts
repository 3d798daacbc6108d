// Deploying one flow safely: plan, server validation, backup, push with optimistic locking, watch, verify, smoke, roll back.
import type { FlowDefinition } from '../flow/schema.js';
import { writeBackup } from './backup.js';
import { conflictOf, isVersionConflict, type VersionConflict } from './conflict.js';
import { sameContent } from './definition.js';
import { createPlan, planStillApplies, type DeployPlan } from './plan.js';
import type { NamedSecret } from './secret-redaction.js';
import type { DeployedFlow, DeployTarget, ServerValidation, WatchProgress, WatchResult } from './target.js';

/** The result of running a flow's simulation suite against what was deployed. */
export interface SmokeResult {
  passed: number;
  failed: number;
  /** One line per failed case. */
  failures: string[];
}

export type DeployEvent =
  | { type: 'plan'; plan: DeployPlan }
  | { type: 'validated'; flowId: string; validation: ServerValidation }
  | { type: 'backup'; flowId: string; version: number; path: string }
  | { type: 'push'; flowId: string; version: number }
  | { type: 'conflict'; flowId: string; conflict: VersionConflict; forcing: boolean }
  | { type: 'watch'; flowId: string; version: number; progress: WatchProgress }
  | { type: 'published'; flowId: string; version: number; elapsedMs: number }
  | { type: 'verified'; flowId: string; version: number }
  | { type: 'smoke'; flowId: string; result: SmokeResult }
  | { type: 'rollback'; flowId: string; reason: string; toVersion: number }
  | { type: 'remove'; flowId: string; reason: string };

export interface DeployContext {
  target: DeployTarget;
  /** The project folder: backups go to `<projectDir>/.gcflow/backups`. */
  projectDir: string;
  /** Secret values to keep out of backups. */
  secrets: readonly NamedSecret[];
  /** Wall-clock time for backup stamps. */
  wallClock: () => Date;
  /** How long publication may take before giving up (the flow is then left as it is). */
  timeoutMs: number;
  /** On a conflict, re-plan on top of the other side's version instead of stopping. */
  force?: boolean;
  /** Runs the flow's simulation suite against a deployed definition; undefined when it has none. */
  smokeTest?: (flowId: string, deployed: FlowDefinition) => Promise<SmokeResult | undefined>;
  onEvent?: (event: DeployEvent) => void;
  signal?: AbortSignal;
}

export type DeployStatus =
  /** The new version is published, verified and (if there is a suite) smoke-tested. */
  | 'deployed'
  /** Nothing to do: the same content is already published. */
  | 'unchanged'
  /** Someone else changed the flow since the plan; nothing was written. */
  | 'conflict'
  /** The saved plan no longer matches what is deployed; nothing was written. */
  | 'stale-plan'
  /** The server's validation refused the flow; nothing was written. */
  | 'invalid'
  /** Publishing, verification or the smoke test failed, and the previous version was put back. */
  | 'rolled-back'
  /** Publication did not finish in time; the flow is left as it is. */
  | 'timeout'
  /** Something failed and could not be undone; the message says what state the flow is in. */
  | 'failed';

export interface DeployOutcome {
  flowId: string;
  name: string;
  status: DeployStatus;
  ok: boolean;
  /** The version deployed before (undefined for a new flow). */
  fromVersion?: number;
  /** The version deployed now, when it changed. */
  toVersion?: number;
  /** One sentence a person can act on. */
  message: string;
  backupPath?: string;
  conflict?: VersionConflict;
  validation?: ServerValidation;
  smoke?: SmokeResult;
  /** Time from the write to published, when there was one. */
  publishMs?: number;
}

/** A plan together with the server's verdict on its flow, made before any confirmation. */
export interface PreparedDeploy {
  plan: DeployPlan;
  /** The server's verdict (undefined when it was not asked: a saved plan with nothing to push). */
  validation?: ServerValidation;
}

/** How many times `--force` re-plans on top of a moving target before giving up. */
export const MAX_FORCED_REPLANS = 3;

/**
 * Plans a resolved flow and asks the server to validate it, both at once (the validation does not depend on
 * what is deployed, and a deploy's wall time is mostly round trips); changes nothing.
 */
export async function prepareDeploy(ctx: Pick<DeployContext, 'target' | 'onEvent'>, resolved: FlowDefinition): Promise<PreparedDeploy> {
  const [plan, validation] = await Promise.all([ctx.target.plan(resolved), ctx.target.validate({ ...resolved, status: 'published' })]);
  ctx.onEvent?.({ type: 'plan', plan });
  ctx.onEvent?.({ type: 'validated', flowId: plan.flowId, validation });
  return { plan, validation };
}

/** Asks the server to validate a plan's flow (skipped when there is nothing to push). */
export async function validatePrepared(ctx: Pick<DeployContext, 'target' | 'onEvent'>, plan: DeployPlan): Promise<PreparedDeploy> {
  if (plan.action === 'none') return { plan };
  const validation = await ctx.target.validate(plan.desired);
  ctx.onEvent?.({ type: 'validated', flowId: plan.flowId, validation });
  return { plan, validation };
}

function outcome(plan: DeployPlan, status: DeployStatus, message: string, extra: Partial<DeployOutcome> = {}): DeployOutcome {
  const ok = status === 'deployed' || status === 'unchanged';
  return { flowId: plan.flowId, name: plan.name, status, ok, ...(plan.base ? { fromVersion: plan.base.version } : {}), message, ...extra };
}

/** Refuses a plan (from a file) when the deployed flow moved since it was made; changes nothing. */
export async function checkPlanStillApplies(target: DeployTarget, plan: DeployPlan): Promise<DeployOutcome | undefined> {
  const deployed = await target.fetchDeployed(plan.flowId);
  if (planStillApplies(plan, deployed)) return undefined;
  const now = deployed === undefined ? 'it is no longer deployed' : `it is now at version ${deployed.version}`;
  const then = plan.base === null ? 'when it did not exist' : `at version ${plan.base.version}`;
  return outcome(plan, 'stale-plan', `the plan was made ${then} and ${now}; nothing was changed. Make a new plan.`, {
    ...(deployed ? { conflict: conflictOf(plan.flowId, plan.base, deployed, plan.desired) } : {}),
  });
}

/**
 * Applies a prepared plan: backup, push (base+1 only), watch, verify, smoke test; on failure puts the backup
 * back as a new version. Never throws for a failed deploy: the outcome says what happened and what state
 * the flow is in. Errors before anything was written (network, permissions) are thrown as they are.
 */
export async function applyDeploy(ctx: DeployContext, prepared: PreparedDeploy): Promise<DeployOutcome> {
  let plan = prepared.plan;
  if (plan.action === 'none') return outcome(plan, 'unchanged', `already published at version ${plan.base?.version}; nothing to do`);
  if (prepared.validation && !prepared.validation.valid) {
    const errors = prepared.validation.findings.filter((f) => f.severity === 'error');
    return outcome(plan, 'invalid', `the server's validation refused the flow (${errors.length} error(s)): ${errors.map((f) => f.message).join('; ')}; nothing was changed`, {
      validation: prepared.validation,
    });
  }
  let backupPath: string | undefined;
  for (let replans = 0; ; replans++) {
    if (plan.base) {
      const deployedBase: DeployedFlow = { flowId: plan.flowId, version: plan.base.version, status: plan.base.status, definition: plan.base.definition };
      backupPath = await writeBackup(ctx.projectDir, deployedBase, ctx.wallClock().toISOString(), ctx.secrets);
      ctx.onEvent?.({ type: 'backup', flowId: plan.flowId, version: plan.base.version, path: backupPath });
    }
    ctx.onEvent?.({ type: 'push', flowId: plan.flowId, version: plan.desired.version });
    let writeError: unknown;
    try {
      const receipt = await ctx.target.push(plan);
      return await publishAndVerify(ctx, plan, receipt.version, backupPath);
    } catch (error) {
      writeError = error;
    }
    if (!isVersionConflict(writeError)) return afterFailedWrite(ctx, plan, writeError, backupPath);
    let theirs: DeployedFlow | undefined;
    try {
      theirs = await ctx.target.fetchDeployed(plan.flowId);
    } catch (error) {
      return outcome(plan, 'failed', `the write was refused as a conflict and the flow could not be read back (${messageOf(error)}); check with gcflow status ${plan.flowId}`, backupPath ? { backupPath } : {});
    }
    // A PUT retried after a lost response is refused with 409 although it landed: that version is ours.
    if (theirs && theirs.version === plan.desired.version && sameContent(theirs.definition, plan.desired)) {
      return publishAndVerify(ctx, plan, theirs.version, backupPath);
    }
    const conflict = conflictOf(plan.flowId, plan.base, theirs, plan.desired);
    const forcing = Boolean(ctx.force) && theirs !== undefined && replans < MAX_FORCED_REPLANS;
    ctx.onEvent?.({ type: 'conflict', flowId: plan.flowId, conflict, forcing });
    if (!forcing || theirs === undefined) {
      const who = theirs ? `version ${theirs.version} was deployed by someone else` : 'the flow changed on the server';
      const hint = ctx.force ? `gave up after ${replans} re-plan(s)` : 'run plan again to see their change, or deploy with --force to re-plan on top of it';
      return outcome(plan, 'conflict', `${who} since the plan (made against version ${plan.base?.version ?? 'none'}); nothing was written (${hint})`, {
        conflict,
        ...(backupPath ? { backupPath } : {}),
      });
    }
    plan = createPlan(plan.desired, theirs);
    ctx.onEvent?.({ type: 'plan', plan });
    if (plan.action === 'none') return outcome(plan, 'unchanged', `their version ${theirs.version} already has this content; nothing to do`, { conflict });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The write failed with something other than a conflict (after the client's retries). Whether it landed is
 * read back rather than guessed: a lost response may hide a write that did happen.
 */
async function afterFailedWrite(ctx: DeployContext, plan: DeployPlan, error: unknown, backupPath: string | undefined): Promise<DeployOutcome> {
  const extra = backupPath ? { backupPath } : {};
  let now: DeployedFlow | undefined;
  try {
    now = await ctx.target.fetchDeployed(plan.flowId);
  } catch {
    return outcome(plan, 'failed', `writing version ${plan.desired.version} failed (${messageOf(error)}) and the server could not be read back to see whether it landed; check with gcflow status ${plan.flowId}`, extra);
  }
  if (now && now.version === plan.desired.version && sameContent(now.definition, plan.desired)) return publishAndVerify(ctx, plan, now.version, backupPath);
  if (planStillApplies(plan, now)) return outcome(plan, 'failed', `writing version ${plan.desired.version} failed (${messageOf(error)}); nothing was written`, extra);
  throw error;
}

async function watch(ctx: DeployContext, flowId: string, version: number): Promise<WatchResult> {
  return ctx.target.watch(flowId, version, {
    timeoutMs: ctx.timeoutMs,
    onProgress: (progress) => ctx.onEvent?.({ type: 'watch', flowId, version, progress }),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
}

async function publishAndVerify(ctx: DeployContext, plan: DeployPlan, version: number, backupPath: string | undefined): Promise<DeployOutcome> {
  const extra = { toVersion: version, ...(backupPath ? { backupPath } : {}) };
  try {
    return await watchVerifySmoke(ctx, plan, version, extra);
  } catch (error) {
    return outcome(plan, 'failed', `version ${version} was written, then: ${messageOf(error)}; the flow is left as it is (check it with gcflow status ${plan.flowId})`, extra);
  }
}

async function watchVerifySmoke(ctx: DeployContext, plan: DeployPlan, version: number, extra: Partial<DeployOutcome>): Promise<DeployOutcome> {
  const result = await watch(ctx, plan.flowId, version);
  if (result.outcome === 'timeout') {
    return outcome(plan, 'timeout', `version ${version} was written but not published within ${Math.round(ctx.timeoutMs / 1000)} s; the flow is left as it is (check it with gcflow status ${plan.flowId})`, extra);
  }
  if (result.outcome === 'gone') return outcome(plan, 'failed', `the flow disappeared from the server while it was being published`, extra);
  if (result.outcome === 'superseded') {
    return outcome(plan, 'conflict', `someone else deployed version ${result.deployed.version} while version ${version} was being published; theirs stands, nothing was rolled back`, extra);
  }
  if (result.outcome === 'failed') return rollBack(ctx, plan, version, `publishing version ${version} failed: ${result.reason}`, extra);
  ctx.onEvent?.({ type: 'published', flowId: plan.flowId, version, elapsedMs: result.elapsedMs });
  if (!sameContent(result.deployed.definition, plan.desired)) {
    return rollBack(ctx, plan, version, `version ${version} as read back differs from what was pushed`, { ...extra, publishMs: result.elapsedMs });
  }
  ctx.onEvent?.({ type: 'verified', flowId: plan.flowId, version });
  const smoke = ctx.smokeTest ? await ctx.smokeTest(plan.flowId, result.deployed.definition) : undefined;
  if (smoke) {
    ctx.onEvent?.({ type: 'smoke', flowId: plan.flowId, result: smoke });
    if (smoke.failed > 0) {
      return rollBack(ctx, plan, version, `the smoke test failed against version ${version} (${smoke.failed} case(s): ${smoke.failures.join('; ')})`, { ...extra, smoke, publishMs: result.elapsedMs });
    }
  }
  const what = plan.base ? `version ${plan.base.version} -> ${version}` : `created as version ${version}`;
  return outcome(plan, 'deployed', `published and verified (${what})`, { ...extra, publishMs: result.elapsedMs, ...(smoke ? { smoke } : {}) });
}

/** A new flow whose first version failed: deletes it again, so that the server is left as it was. */
async function removeCreated(ctx: DeployContext, plan: DeployPlan, failedVersion: number, reason: string, extra: Partial<DeployOutcome>): Promise<DeployOutcome> {
  ctx.onEvent?.({ type: 'remove', flowId: plan.flowId, reason });
  let removed: boolean;
  try {
    removed = await ctx.target.removeCreated(plan.flowId, failedVersion);
  } catch (error) {
    return outcome(plan, 'failed', `${reason}; the flow was new and could not be removed again (${messageOf(error)}): version ${failedVersion} is left unpublished`, extra);
  }
  if (!removed) return outcome(plan, 'failed', `${reason}; the flow was new and is left unpublished as version ${failedVersion} (it was not removed: the server cannot delete flows, or someone wrote on top of it)`, extra);
  return outcome(plan, 'rolled-back', `${reason}; the flow was new, so it was removed again: the server is as it was before this deploy`, extra);
}

/** Puts the plan's base back as a new version on top of `failedVersion`, and says what state that leaves. */
async function rollBack(ctx: DeployContext, plan: DeployPlan, failedVersion: number, reason: string, extra: Partial<DeployOutcome>): Promise<DeployOutcome> {
  if (plan.base === null) return removeCreated(ctx, plan, failedVersion, reason, extra);
  const toVersion = failedVersion + 1;
  ctx.onEvent?.({ type: 'rollback', flowId: plan.flowId, reason, toVersion });
  try {
    const receipt = await ctx.target.rollback(plan.flowId, plan.base.definition, failedVersion);
    const result = await watch(ctx, plan.flowId, receipt.version);
    if (result.outcome === 'published' && sameContent(result.deployed.definition, plan.base.definition)) {
      return outcome(plan, 'rolled-back', `${reason}; rolled back: version ${receipt.version} is the content of version ${plan.base.version} again`, {
        ...extra,
        toVersion: receipt.version,
      });
    }
    return outcome(plan, 'failed', `${reason}; the rollback (version ${receipt.version}) did not publish (${result.outcome}); restore with gcflow rollback ${plan.flowId} --to ${plan.base.version}`, extra);
  } catch (error) {
    const why = isVersionConflict(error) ? 'someone else changed the flow meanwhile' : error instanceof Error ? error.message : String(error);
    return outcome(plan, 'failed', `${reason}; the rollback could not be written (${why}); restore with gcflow rollback ${plan.flowId} --to ${plan.base.version}`, extra);
  }
}
