// The result of validating several files: per-file findings (or why a file could not be read) and the totals.
import type { Diagnostic, SourceLocation } from '../flow/diagnostic.js';
import type { Finding, ValidationResult } from './finding.js';

export interface FileValidation {
  /** The file as the user named it. */
  file: string;
  /** The file could not be read as a flow; its one finding is the GCF9xx input error. */
  unreadable: boolean;
  errorCount: number;
  warningCount: number;
  findings: Finding[];
}

export interface ValidationReport {
  files: FileValidation[];
  errorCount: number;
  warningCount: number;
  unreadableCount: number;
}

/** passed: exit 0; failed: errors (or warnings with strict), exit 1; unreadable: a file could not be read, exit 2. */
export type ValidationOutcome = 'passed' | 'failed' | 'unreadable';

export function fileValidation(file: string, result: ValidationResult): FileValidation {
  return { file, unreadable: false, errorCount: result.errorCount, warningCount: result.warningCount, findings: result.findings };
}

/** A file that could not be loaded, from the loader's error (code GCF9xx, message, location). */
export function unreadableFile(file: string, error: { code: string; message: string; location: SourceLocation }): FileValidation {
  const finding: Diagnostic = { code: error.code, severity: 'error', message: error.message, ...error.location, file: error.location.file ?? file };
  return { file, unreadable: true, errorCount: 1, warningCount: 0, findings: [finding] };
}

export function summarizeValidation(files: FileValidation[]): ValidationReport {
  let errorCount = 0;
  let warningCount = 0;
  let unreadableCount = 0;
  for (const file of files) {
    errorCount += file.errorCount;
    warningCount += file.warningCount;
    if (file.unreadable) unreadableCount++;
  }
  return { files, errorCount, warningCount, unreadableCount };
}

export function validationOutcome(report: ValidationReport, options: { strict?: boolean } = {}): ValidationOutcome {
  if (report.unreadableCount > 0) return 'unreadable';
  if (report.errorCount > 0 || (options.strict && report.warningCount > 0)) return 'failed';
  return 'passed';
}
