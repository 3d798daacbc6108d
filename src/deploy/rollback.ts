// `gcflow rollback`: put an earlier version back (from a local backup, else from the server's versions) as a new version.
import type { FlowDefinition } from '../flow/schema.js';
import { GcflowError } from '../flow/diagnostic.js';
import { listBackups, readBackup, writeBackup } from './backup.js';
import { isVersionConflict } from './conflict.js';
import { sameContent } from './definition.js';
import type { DeployContext } from './deploy.js';
import type { DeployedFlow, DeployTarget } from './target.js';

export const RollbackErrorCode = {
  notDeployed: 'GCF650',
  badVersion: 'GCF651',
  noSource: 'GCF652',
} as const;

export interface RollbackSource {
  version: number;
  from: 'backup' | 'server';
  definition: FlowDefinition;
  /** The backup file, when it came from one. */
  path?: string;
}

export type RollbackStatus = 'rolled-back' | 'unchanged' | 'conflict' | 'timeout' | 'failed';

export interface RollbackOutcome {
  flowId: string;
  status: RollbackStatus;
  ok: boolean;
  fromVersion: number;
  /** The new version holding the old content, when one was written. */
  toVersion?: number;
  source: Omit<RollbackSource, 'definition'>;
  /** Backup of what was deployed before the rollback (so it can be rolled forward). */
  backupPath?: string;
  message: string;
}

export interface RollbackContext extends Omit<DeployContext, 'force' | 'smokeTest'> {
  /** Environment values, to put secrets back into backups. */
  envValues: Readonly<Record<string, string>>;
}

/** Where the content of an earlier version comes from: a local backup first, else the server's saved versions. */
export async function findRollbackSource(
  target: DeployTarget,
  projectDir: string,
  current: DeployedFlow,
  to: number | undefined,
  envValues: Readonly<Record<string, string>>,
): Promise<RollbackSource> {
  const { flowId } = current;
  if (to !== undefined && (!Number.isInteger(to) || to < 1 || to >= current.version)) {
    throw new GcflowError(RollbackErrorCode.badVersion, `--to must be an earlier version than the deployed one (${current.version}); got ${to}`, {}, 2);
  }
  const backups = (await listBackups(projectDir, flowId)).filter((v) => v < current.version);
  const fromBackup = to === undefined ? backups[0] : backups.find((v) => v === to);
  if (fromBackup !== undefined) {
    const backup = await readBackup(projectDir, flowId, fromBackup, envValues);
    return { version: fromBackup, from: 'backup', definition: backup.definition, path: backup.path };
  }
  let version = to;
  if (version === undefined) {
    const earlier = (await target.listVersions(flowId)).filter((v) => v.version < current.version);
    version = (earlier.find((v) => v.published) ?? earlier[0])?.version;
  }
  const definition = version === undefined ? undefined : await target.fetchVersion(flowId, version);
  if (version === undefined || definition === undefined) {
    const which = to === undefined ? 'an earlier version' : `version ${to}`;
    throw new GcflowError(RollbackErrorCode.noSource, `there is no backup of ${which} of flow ${flowId} in .gcflow/backups and the server does not have it either`, {}, 1);
  }
  return { version, from: 'server', definition };
}

/** Rolls a flow back: the earlier content becomes version current+1, published and verified. */
export async function rollbackFlow(ctx: RollbackContext, flowId: string, to?: number): Promise<RollbackOutcome> {
  const current = await ctx.target.fetchDeployed(flowId);
  if (current === undefined) {
    throw new GcflowError(RollbackErrorCode.notDeployed, `flow ${flowId} is not deployed on ${ctx.target.description}; there is nothing to roll back`, {}, 1);
  }
  const source = await findRollbackSource(ctx.target, ctx.projectDir, current, to, ctx.envValues);
  const { definition, ...sourceInfo } = source;
  const base = { flowId, fromVersion: current.version, source: sourceInfo };
  if (sameContent(definition, current.definition) && current.status === 'published') {
    return { ...base, status: 'unchanged', ok: true, message: `version ${current.version} already has the content of version ${source.version}; nothing to do` };
  }
  const backupPath = await writeBackup(ctx.projectDir, current, ctx.wallClock().toISOString(), ctx.secrets);
  ctx.onEvent?.({ type: 'backup', flowId, version: current.version, path: backupPath });
  ctx.onEvent?.({ type: 'rollback', flowId, reason: `rolling back to version ${source.version}`, toVersion: current.version + 1 });
  let version: number;
  try {
    version = (await ctx.target.rollback(flowId, { ...definition, id: flowId }, current.version)).version;
  } catch (error) {
    if (!isVersionConflict(error)) throw error;
    return { ...base, status: 'conflict', ok: false, backupPath, message: `someone else changed flow ${flowId} since version ${current.version} was read; nothing was written` };
  }
  const result = await ctx.target.watch(flowId, version, {
    timeoutMs: ctx.timeoutMs,
    onProgress: (progress) => ctx.onEvent?.({ type: 'watch', flowId, version, progress }),
  });
  if (result.outcome === 'published' && sameContent(result.deployed.definition, definition)) {
    ctx.onEvent?.({ type: 'published', flowId, version, elapsedMs: result.elapsedMs });
    return { ...base, status: 'rolled-back', ok: true, toVersion: version, backupPath, message: `version ${version} is the content of version ${source.version} (from the ${source.from}), published` };
  }
  if (result.outcome === 'timeout') {
    return { ...base, status: 'timeout', ok: false, toVersion: version, backupPath, message: `version ${version} was written but not published in time; the flow is left as it is` };
  }
  const why = result.outcome === 'failed' ? result.reason : result.outcome === 'published' ? 'what was read back differs from what was written' : result.outcome;
  return { ...base, status: 'failed', ok: false, toVersion: version, backupPath, message: `the rollback version ${version} did not publish: ${why}` };
}
