// The deploy room: deploy targets, plans and plan files, backups, locked pushes, watching, rollback, and the seed's names.
export type { DeployTarget, DeployedFlow, DeployedStatus, DeployedVersionInfo, FlowLock, ServerFinding, ServerValidation, PushReceipt, WatchOptions, WatchProgress, WatchResult } from './target.js';
export { createPlan, planStillApplies, nextVersion, type DeployPlan, type PlanAction, type PlanBase } from './plan.js';
export { createPlanFile, readPlanFile, PLAN_FILE_FORMAT, type PlanFile, type SavedFlowPlan } from './plan-file.js';
export { writeBackup, readBackup, listBackups, backupPath, backupsFolder, type Backup, type BackupFile } from './backup.js';
export { redactSecrets, restoreSecrets, type NamedSecret } from './secret-redaction.js';
export { contentFingerprint, sameContent, definitionOf } from './definition.js';
export { DEFAULT_POLL_SCHEDULE, pollDelay, type PollSchedule } from './poll-schedule.js';
export { DocumentApiTarget, type DeployClock, type DocumentTargetOptions } from './document-target.js';
export type { FlowDocumentApi, RemoteFlowDocument } from './document-api.js';
export { documentApiOf } from './platform-document-api.js';
export { NoDocumentApiError } from './no-document-api.js';
export type { VersionConflict } from './conflict.js';
export {
  prepareDeploy,
  applyDeploy,
  checkPlanStillApplies,
  type DeployContext,
  type DeployEvent,
  type DeployOutcome,
  type DeployStatus,
  type PreparedDeploy,
  type SmokeResult,
} from './deploy.js';
export { rollbackFlow, type RollbackOutcome, type RollbackContext } from './rollback.js';
export { connect, SYSTEM_CLOCK, type Connection, type ConnectOptions } from './connect.js';
export {
  REQUIRED_PERMISSIONS,
  SEED_SCOPE_PERMISSIONS,
  SEED_SCOPES,
  checkPermissionsFor,
  checkSeedScopes,
  type PermissionPurpose,
  type PermissionCheck,
  type ScopeCheck,
} from './permissions.js';
export {
  validateFlow,
  pushFlowUpdate,
  monitorDeployment,
  verifyRoleScopes,
  type FlowValidationReport,
  type PushFlowOptions,
  type PushFlowResult,
  type MonitorOptions,
  type MonitorResult,
  type RoleScopeReport,
} from './seed-api.js';
