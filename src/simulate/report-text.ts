// The text report of a test run: one line per case, an expected-vs-actual block per failure, totals and coverage.
import { describeBranch, type CoverageTotals } from './coverage.js';
import type { ExpectationFailure } from './expectations.js';
import type { TestRunResult } from './suite-files.js';
import { plainStyle as plain, type TextStyle } from './text-style.js';


function showValue(failure: ExpectationFailure, value: unknown): string {
  if (Array.isArray(value) && (failure.expectation === 'path' || failure.expectation === 'pathContains')) return value.length === 0 ? '(empty)' : value.join(' → ');
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((v) => (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v))).join(', ');
  if (value === undefined) return '(nothing)';
  return typeof value === 'string' && failure.expectation.startsWith('step ') ? value : JSON.stringify(value);
}

function failureLines(failure: ExpectationFailure, style: TextStyle): string[] {
  const lines = [`      ${style.bold(failure.expectation)}: ${failure.message}`];
  lines.push(`        ${style.green('expected:')} ${showValue(failure, failure.expected)}`);
  lines.push(`        ${style.red('actual:  ')} ${showValue(failure, failure.actual)}`);
  if (failure.hint) lines.push(`        ${style.dim('why:     ')} ${failure.hint}`);
  return lines;
}

export function formatCoverageText(totals: CoverageTotals, style: TextStyle = plain, minimum?: number): string {
  const lines = [style.bold('Coverage (nodes and branches)')];
  for (const flow of totals.flows) {
    const nodes = flow.nodes.filter((n) => n.covered).length;
    const branches = flow.branches.filter((b) => b.covered).length;
    const low = minimum !== undefined && flow.percent < minimum;
    const percent = `${flow.percent}%`;
    lines.push(`  ${flow.file}  ${low ? style.red(percent) : style.green(percent)}  (nodes ${nodes}/${flow.nodes.length}, branches ${branches}/${flow.branches.length})`);
    const missedNodes = flow.nodes.filter((n) => !n.covered).map((n) => n.id);
    const missedBranches = flow.branches.filter((b) => !b.covered).map(describeBranch);
    if (missedNodes.length > 0) lines.push(`    ${style.yellow('uncovered nodes:')} ${missedNodes.join(', ')}`);
    if (missedBranches.length > 0) lines.push(`    ${style.yellow('uncovered branches:')} ${missedBranches.join(', ')}`);
  }
  if (totals.flows.length > 1) lines.push(`  total ${totals.percent}%`);
  return `${lines.join('\n')}\n`;
}

/** The report for people: `✓`/`✗` per case, a readable diff per failure, then totals (and coverage when run with it). */
export function formatTestRunText(run: TestRunResult, options: { style?: TextStyle; minCoverage?: number } = {}): string {
  const style = options.style ?? plain;
  const lines: string[] = [];
  for (const suite of run.suites) {
    lines.push(`${style.bold(suite.file)}${suite.flowFile ? style.dim(`  (${suite.flowFile})`) : ''}`);
    if (suite.error) {
      lines.push(`  ${style.red('✗ cannot run:')} ${suite.error.message} [${suite.error.code}]`);
      continue;
    }
    if (suite.cases.length === 0) lines.push(`  ${style.dim('(no cases)')}`);
    for (const c of suite.cases) {
      const where = c.line !== undefined ? style.dim(` (line ${c.line})`) : '';
      if (c.passed) {
        lines.push(`  ${style.green('✓')} ${c.name}`);
        continue;
      }
      lines.push(`  ${style.red('✗')} ${c.name}${where}`);
      for (const failure of c.failures) lines.push(...failureLines(failure, style));
      lines.push(`      ${style.dim(`path: ${c.trace.path.join(' → ')}; end: ${c.trace.end.reason} at ${c.trace.end.node}`)}`);
    }
  }
  lines.push('');
  const parts = [style.green(`${run.passed} passed`)];
  if (run.failed > 0) parts.push(style.red(`${run.failed} failed`));
  if (run.errors > 0) parts.push(style.red(`${run.errors} suite${run.errors === 1 ? '' : 's'} could not run`));
  lines.push(`${parts.join(', ')} (${run.suites.length} suite${run.suites.length === 1 ? '' : 's'})`);
  let text = `${lines.join('\n')}\n`;
  if (run.coverage) text += `\n${formatCoverageText(run.coverage, style, options.minCoverage)}`;
  return text;
}
