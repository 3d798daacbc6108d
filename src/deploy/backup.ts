// Backups of what was deployed before gcflow changed it: `.gcflow/backups/<flowId>/v<version>.json`, secret-free.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FlowDefinition } from '../flow/schema.js';
import { GcflowError } from '../flow/diagnostic.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { redactSecrets, restoreSecrets, type NamedSecret } from './secret-redaction.js';
import type { DeployedFlow } from './target.js';

export const BACKUP_FORMAT = 'gcflow-backup';

export const BackupErrorCode = {
  unsafeId: 'GCF630',
  notFound: 'GCF631',
  malformed: 'GCF632',
  missingSecret: 'GCF633',
} as const;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  flowId: string;
  version: number;
  status: string;
  /** When the backup was taken (ISO). */
  savedAt: string;
  /** Pointers (into `definition`) where a secret value was replaced by `{env.NAME}`. */
  redacted: string[];
  definition: FlowDefinition;
}

export interface Backup {
  path: string;
  flowId: string;
  version: number;
  status: string;
  savedAt: string;
  definition: FlowDefinition;
}

/** Where backups live, relative to a project folder. */
export function backupsFolder(projectDir: string): string {
  return join(projectDir, '.gcflow', 'backups');
}

/** A flow id becomes a folder name, so it must not be able to climb out of the backups folder. */
export function safeFlowFolder(flowId: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(flowId) || flowId.includes('..')) {
    throw new GcflowError(BackupErrorCode.unsafeId, `flow id "${flowId}" cannot name a backup folder (use letters, digits, ".", "_" and "-")`, {}, 2);
  }
  return flowId;
}

export function backupPath(projectDir: string, flowId: string, version: number): string {
  return join(backupsFolder(projectDir), safeFlowFolder(flowId), `v${version}.json`);
}

/** The file content for a backup of a deployed flow, with secret values swapped for placeholders (pure). */
export function backupFileOf(deployed: DeployedFlow, savedAt: string, secrets: readonly NamedSecret[]): BackupFile {
  const { value, redacted } = redactSecrets(deployed.definition, secrets);
  return { format: BACKUP_FORMAT, flowId: deployed.flowId, version: deployed.version, status: deployed.status, savedAt, redacted, definition: value };
}

/** Writes the backup atomically and returns its path. */
export async function writeBackup(projectDir: string, deployed: DeployedFlow, savedAt: string, secrets: readonly NamedSecret[]): Promise<string> {
  const path = backupPath(projectDir, deployed.flowId, deployed.version);
  await writeFileAtomic(path, `${JSON.stringify(backupFileOf(deployed, savedAt, secrets), null, 2)}\n`);
  return path;
}

/** The versions backed up for a flow, newest first. */
export async function listBackups(projectDir: string, flowId: string): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(join(backupsFolder(projectDir), safeFlowFolder(flowId)));
  } catch {
    return [];
  }
  return names
    .map((name) => /^v(\d+)\.json$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => b - a);
}

/** Reads a backup, putting secret values back from `values`. */
export async function readBackup(projectDir: string, flowId: string, version: number, values: Readonly<Record<string, string>>): Promise<Backup> {
  const path = backupPath(projectDir, flowId, version);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new GcflowError(BackupErrorCode.notFound, `no backup of flow ${flowId} version ${version}`, { file: path }, 1);
  }
  let parsed: BackupFile;
  try {
    parsed = JSON.parse(text) as BackupFile;
  } catch {
    throw new GcflowError(BackupErrorCode.malformed, 'the backup is not JSON', { file: path }, 1);
  }
  if (parsed.format !== BACKUP_FORMAT || parsed.definition === null || typeof parsed.definition !== 'object' || !Array.isArray(parsed.redacted)) {
    throw new GcflowError(BackupErrorCode.malformed, `not a gcflow backup (format "${String(parsed.format)}")`, { file: path }, 1);
  }
  const restored = restoreSecrets(parsed.definition, parsed.redacted, values);
  if (restored.missing.length > 0) {
    throw new GcflowError(BackupErrorCode.missingSecret, `restoring this backup needs ${restored.missing.join(', ')} from the environment (--profile/--env-file)`, { file: path }, 2);
  }
  return { path, flowId: parsed.flowId, version: parsed.version, status: parsed.status, savedAt: parsed.savedAt, definition: restored.value };
}
