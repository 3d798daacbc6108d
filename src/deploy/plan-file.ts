// The saved plan (`gcflow plan --out FILE`): its format, its integrity check, and reading it back (pure).
import { GcflowError } from '../flow/diagnostic.js';
import { contentFingerprint, fingerprint } from './definition.js';
import { planHash, type DeployPlan, type PlanBase } from './plan.js';
import { redactSecrets, restoreSecrets, type NamedSecret } from './secret-redaction.js';

export const PLAN_FILE_FORMAT = 'gcflow-plan';
export const PLAN_FILE_VERSION = 1;

export const PlanFileErrorCode = {
  malformed: 'GCF620',
  tampered: 'GCF621',
  missingSecret: 'GCF622',
} as const;

/** One flow's plan as saved: secret values replaced by `{env.NAME}` at the listed pointers. */
export interface SavedFlowPlan {
  file?: string;
  plan: DeployPlan;
  redacted: string[];
}

export interface PlanFile {
  format: typeof PLAN_FILE_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** The target the plan was made against (for the reader; apply checks versions, not this). */
  target: string;
  flows: SavedFlowPlan[];
  /** Fingerprint over every flow's plan hash, in order. */
  hash: string;
}

export interface PlanFileInput {
  createdAt: string;
  target: string;
  flows: Array<{ file?: string; plan: DeployPlan }>;
  secrets: readonly NamedSecret[];
}

function redactPlan(plan: DeployPlan, secrets: readonly NamedSecret[]): { plan: DeployPlan; redacted: string[] } {
  const { value, redacted } = redactSecrets(plan, secrets);
  return { plan: value, redacted };
}

/** The plan file for some plans; secret values are swapped for placeholders, the hashes keep the real ones. */
export function createPlanFile(input: PlanFileInput): PlanFile {
  const flows = input.flows.map(({ file, plan }) => ({ ...(file === undefined ? {} : { file }), ...redactPlan(plan, input.secrets) }));
  return {
    format: PLAN_FILE_FORMAT,
    formatVersion: PLAN_FILE_VERSION,
    createdAt: input.createdAt,
    target: input.target,
    flows,
    hash: fingerprint(input.flows.map(({ plan }) => plan.hash)),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function malformed(file: string, why: string): GcflowError {
  return new GcflowError(PlanFileErrorCode.malformed, `not a gcflow plan file: ${why}`, { file }, 2);
}

/**
 * Reads a plan file's text back into plans with their secrets restored from `values`, and checks that each
 * plan is exactly the one that was saved (its hash), so a plan edited by hand is refused.
 */
export function readPlanFile(text: string, file: string, values: Readonly<Record<string, string>>): { planFile: PlanFile; flows: Array<{ file?: string; plan: DeployPlan }> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw malformed(file, 'it is not JSON');
  }
  if (!isRecord(parsed) || parsed.format !== PLAN_FILE_FORMAT) throw malformed(file, `"format" is not "${PLAN_FILE_FORMAT}"`);
  if (parsed.formatVersion !== PLAN_FILE_VERSION) throw malformed(file, `format version ${String(parsed.formatVersion)} is not supported (expected ${PLAN_FILE_VERSION})`);
  if (!Array.isArray(parsed.flows) || parsed.flows.length === 0) throw malformed(file, 'it holds no flows');
  const planFile = parsed as unknown as PlanFile;
  const flows = planFile.flows.map((saved, index) => {
    if (!isRecord(saved) || !isRecord(saved.plan) || !isRecord(saved.plan.desired) || !Array.isArray(saved.redacted)) throw malformed(file, `flow ${index} is incomplete`);
    const restored = restoreSecrets(saved.plan as unknown as DeployPlan, saved.redacted as string[], values);
    if (restored.missing.length > 0) {
      throw new GcflowError(PlanFileErrorCode.missingSecret, `the plan needs ${restored.missing.join(', ')} from the environment (give the same --profile/--env-file as for plan)`, { file }, 2);
    }
    const plan = restored.value;
    const base = plan.base as PlanBase | null;
    const baseIntact = base === null || contentFingerprint(base.definition) === base.contentHash;
    if (!baseIntact || planHash(plan.flowId, base, plan.desired) !== plan.hash) {
      throw new GcflowError(PlanFileErrorCode.tampered, `the plan for flow ${plan.flowId} does not match its hash: it was edited, or the environment's secret values changed since it was made; make a new plan`, { file }, 2);
    }
    return { ...(saved.file === undefined ? {} : { file: saved.file }), plan };
  });
  if (fingerprint(flows.map((f) => f.plan.hash)) !== planFile.hash) {
    throw new GcflowError(PlanFileErrorCode.tampered, 'the plan file does not match its hash: flows were added, removed or reordered; make a new plan', { file }, 2);
  }
  return { planFile, flows };
}
