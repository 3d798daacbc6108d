// The validation room: validate() with its checks, and the text, JSON and SARIF formats of its findings.
export { validate } from './validate.js';
export type { Finding, ValidateOptions, ValidationResult } from './finding.js';
export type { Check as ValidationCheck, CheckMeta, CheckContext, Report as CheckReport } from './check.js';
export { checks as validationChecks } from './checks/registry.js';
export {
  fileValidation,
  unreadableFile,
  summarizeValidation,
  validationOutcome,
  type FileValidation,
  type ValidationReport,
  type ValidationOutcome,
} from './validation-report.js';
export { formatValidationText, type TextColors } from './format-text.js';
export { formatValidationJson, VALIDATION_JSON_VERSION } from './format-json.js';
export { formatValidationSarif, SARIF_SCHEMA, type SarifOptions } from './format-sarif.js';
