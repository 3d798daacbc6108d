// What validation returns: findings (diagnostics with a GCF0xx code) and their counts.
import type { Diagnostic } from '../flow/diagnostic.js';
import type { LoadedFlow } from '../flow/load.js';

/** One problem in a flow: code, severity, a message that says how to fix it, the JSON pointer and, from a file, line:column. */
export type Finding = Diagnostic;

export interface ValidationResult {
  /** No errors (warnings allowed). */
  valid: boolean;
  errorCount: number;
  warningCount: number;
  /** In a stable order: by line:column when the flow came from a file, else by node order and pointer. */
  findings: Finding[];
}

export interface ValidateOptions {
  /** The loaded file, so that findings carry file, line and column. */
  source?: LoadedFlow;
  /** Environment values (from a profile or env file): turns on the check that every {env.NAME} has a value. */
  env?: Record<string, string>;
}
