// The machine format of a validation report (stable, documented in the README): one JSON document.
import type { Finding } from './finding.js';
import { validationOutcome, type ValidationReport } from './validation-report.js';

export const VALIDATION_JSON_VERSION = 1;

function findingJson(finding: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = { code: finding.code, severity: finding.severity, message: finding.message };
  if (finding.pointer !== undefined) out.pointer = finding.pointer;
  if (finding.line !== undefined) out.line = finding.line;
  if (finding.column !== undefined) out.column = finding.column;
  return out;
}

export function formatValidationJson(report: ValidationReport, options: { strict?: boolean } = {}): string {
  const document = {
    version: VALIDATION_JSON_VERSION,
    valid: validationOutcome(report, options) === 'passed',
    strict: options.strict === true,
    summary: { files: report.files.length, errors: report.errorCount, warnings: report.warningCount, unreadable: report.unreadableCount },
    files: report.files.map((file) => ({
      file: file.file,
      valid: !file.unreadable && file.errorCount === 0,
      unreadable: file.unreadable,
      errorCount: file.errorCount,
      warningCount: file.warningCount,
      findings: file.findings.map(findingJson),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
