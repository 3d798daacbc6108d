// The JUnit XML report of a test run (testsuites/testsuite/testcase/failure/error), as CI systems read it.
import type { ExpectationFailure } from './expectations.js';
import type { TestRunResult } from './suite-files.js';

// XML 1.0 cannot carry most control characters, even escaped; they are dropped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

function failureText(failure: ExpectationFailure): string {
  const lines = [`${failure.expectation}: ${failure.message}`, `  expected: ${JSON.stringify(failure.expected)}`, `  actual:   ${JSON.stringify(failure.actual)}`];
  if (failure.hint) lines.push(`  why:      ${failure.hint}`);
  return lines.join('\n');
}

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

export function formatTestRunJunit(run: TestRunResult): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = run.passed + run.failed + run.errors;
  const allTime = run.suites.reduce((t, s) => t + s.cases.reduce((u, c) => u + (c.durationMs ?? 0), 0), 0);
  out.push(`<testsuites${attributes({ name: 'gcflow test', tests: total, failures: run.failed, errors: run.errors, time: seconds(allTime) })}>`);
  for (const suite of run.suites) {
    const failures = suite.cases.filter((c) => !c.passed).length;
    const time = suite.cases.reduce((t, c) => t + (c.durationMs ?? 0), 0);
    const tests = suite.error ? 1 : suite.cases.length;
    out.push(`  <testsuite${attributes({ name: suite.file, tests, failures, errors: suite.error ? 1 : 0, skipped: 0, time: seconds(time), file: suite.file })}>`);
    if (suite.flowFile) out.push(`    <properties><property${attributes({ name: 'flow', value: suite.flowFile })}/></properties>`);
    if (suite.error) {
      out.push(`    <testcase${attributes({ name: '(load suite)', classname: suite.file, file: suite.file, time: '0.000' })}>`);
      out.push(`      <error${attributes({ message: suite.error.message, type: suite.error.code })}>${escapeXml(suite.error.message)}</error>`);
      out.push('    </testcase>');
    }
    for (const c of suite.cases) {
      const head = `    <testcase${attributes({ name: c.name, classname: suite.file, file: suite.file, line: c.line, time: seconds(c.durationMs) })}`;
      if (c.passed) {
        out.push(`${head}/>`);
        continue;
      }
      const message = c.failures.map((f) => `${f.expectation}: ${f.message}`).join('; ');
      const body = `${c.failures.map(failureText).join('\n\n')}\n\npath: ${c.trace.path.join(' -> ')}\nend: ${c.trace.end.reason} at ${c.trace.end.node}`;
      out.push(`${head}>`);
      out.push(`      <failure${attributes({ message, type: 'expectation' })}>${escapeXml(body)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
