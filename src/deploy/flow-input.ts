// A flow file made ready to deploy: loaded, validated locally, with its {env.NAME} values filled in.
import type { LoadedFlow } from '../flow/load.js';
import { loadFlowFile } from '../flow/load.js';
import type { FlowDefinition } from '../flow/schema.js';
import { isSecretName, loadEnvironment, resolveFlowEnvironment, type EnvironmentValues, type MissingEnvironmentValue } from '../env/index.js';
import { validate, type ValidationResult } from '../validate/index.js';
import type { NamedSecret } from './secret-redaction.js';

export interface DeployInputOptions {
  profile?: string;
  envFile?: string;
  cwd?: string;
  processEnv?: Readonly<Record<string, string | undefined>>;
}

export interface DeployInput {
  file: string;
  source: LoadedFlow;
  /** Local validation, with the environment's values (so a missing {env.NAME} is an error). */
  validation: ValidationResult;
  /** The flow with {env.NAME} filled in: what a deploy pushes. Undefined when validation found errors. */
  resolved?: FlowDefinition;
  missing: MissingEnvironmentValue[];
  values: EnvironmentValues;
  /** Values of secret-named variables (…_SECRET, …_TOKEN, …_PASSWORD), kept out of plan files and backups. */
  secrets: NamedSecret[];
}

export function secretsOf(values: Readonly<EnvironmentValues>): NamedSecret[] {
  return Object.entries(values)
    .filter(([name]) => isSecretName(name))
    .map(([name, value]) => ({ name, value }));
}

/** Loads, validates and resolves one flow file. Throws GcflowError only for unreadable input. */
export async function loadDeployInput(file: string, options: DeployInputOptions = {}): Promise<DeployInput> {
  const source = await loadFlowFile(file);
  const values = await loadEnvironment({ flowFile: file, profile: options.profile, envFile: options.envFile, cwd: options.cwd, processEnv: options.processEnv });
  const validation = validate(source.data, { source, env: values });
  const { flow, missing } = resolveFlowEnvironment(source.data, values);
  const input: DeployInput = { file, source, validation, missing, values, secrets: secretsOf(values) };
  if (validation.valid && missing.length === 0) input.resolved = flow as unknown as FlowDefinition;
  return input;
}
