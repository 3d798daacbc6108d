// The human format of a validation report: findings grouped by file, `file:line:col  severity  message  CODE`, a summary.
import type { Finding } from './finding.js';
import type { ValidationReport } from './validation-report.js';

/** Colour functions (picocolors' shape); identity functions when colour is off. */
export interface TextColors {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

export const PLAIN: TextColors = { red: String, yellow: String, green: String, dim: String, bold: String, underline: String };

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function where(finding: Finding, file: string): string {
  let at = finding.file ?? file;
  if (finding.line !== undefined) at += `:${finding.line}:${finding.column ?? 1}`;
  else if (finding.pointer) at += `#${finding.pointer}`;
  return at;
}

/** Files without findings are not listed; unreadable files are left to the caller (they are reported as errors on stderr). */
export function formatValidationText(report: ValidationReport, colors: TextColors = PLAIN): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.unreadable || file.findings.length === 0) continue;
    lines.push(colors.underline(file.file));
    const locations = file.findings.map((finding) => where(finding, file.file));
    const width = Math.max(...locations.map((text) => text.length));
    file.findings.forEach((finding, i) => {
      const severity = finding.severity === 'error' ? colors.red('error  ') : colors.yellow('warning');
      lines.push(`  ${colors.dim(locations[i].padEnd(width))}  ${severity}  ${finding.message}  ${colors.dim(finding.code)}`);
    });
    lines.push('');
  }
  const checked = plural(report.files.length, 'file');
  const unreadable = report.unreadableCount > 0 ? `, ${plural(report.unreadableCount, 'file')} could not be checked` : '';
  const readableErrors = report.errorCount - report.unreadableCount;
  if (readableErrors === 0 && report.warningCount === 0 && report.unreadableCount === 0) {
    lines.push(colors.green(`✔ no problems in ${checked}`));
  } else {
    const mark = readableErrors > 0 || report.unreadableCount > 0 ? colors.red('✖') : colors.yellow('⚠');
    lines.push(colors.bold(`${mark} ${plural(readableErrors, 'error')}, ${plural(report.warningCount, 'warning')} in ${checked}${unreadable}`));
  }
  return `${lines.join('\n')}\n`;
}
