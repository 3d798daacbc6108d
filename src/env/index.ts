// The environment room: {env.NAME} values from the process, profiles and env files, filling them in, masking secrets.
export { loadEnvironment, environmentsFolder, GCFLOW_CONFIG_FILE, EnvironmentErrorCode, type LoadEnvironmentOptions } from './load-environment.js';
export {
  resolveFlowEnvironment,
  missingEnvironmentError,
  MISSING_ENVIRONMENT_CODE,
  type EnvironmentValues,
  type MissingEnvironmentValue,
  type ResolvedFlow,
} from './resolve-flow-environment.js';
export { isSecretName, maskSecrets, maskedValues, SECRET_MASK } from './secret-names.js';
export { addEnvironmentOptions, environmentFromOptions, hasExplicitEnvironment, type EnvironmentOptions } from './cli-options.js';
