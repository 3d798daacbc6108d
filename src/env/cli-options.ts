// The --profile and --env-file options every command that fills {env.NAME} shares, and reading them.
import type { Command } from 'commander';
import type { EnvironmentValues } from './resolve-flow-environment.js';

export interface EnvironmentOptions {
  profile?: string;
  envFile?: string;
}

export function addEnvironmentOptions(command: Command): Command {
  return command
    .option('--profile <name>', 'read {env.NAME} values from environments/<name>.env beside the flow (or environmentsDir in gcflow.config.json)')
    .option('-e, --env-file <file>', 'read {env.NAME} values from a dotenv file (wins over the profile and the process environment)');
}

/** Whether the user named a profile or an env file (so that missing {env.NAME} values are errors). */
export function hasExplicitEnvironment(options: EnvironmentOptions): boolean {
  return options.profile !== undefined || options.envFile !== undefined;
}

/** The environment values for a flow file from the parsed options (process env < profile < env file). */
export async function environmentFromOptions(options: EnvironmentOptions, flowFile?: string): Promise<EnvironmentValues> {
  // Imported on use: every command registers these options at start, few read an environment.
  const { loadEnvironment } = await import('./load-environment.js');
  return loadEnvironment({ flowFile, profile: options.profile, envFile: options.envFile });
}
