// The JSON report of a test run: results per suite and case (path, end, failures) and the coverage, for tools.
import type { CoverageTotals } from './coverage.js';
import type { ExpectationFailure } from './expectations.js';
import type { SimulationEnd } from './state.js';
import type { TestRunResult } from './suite-files.js';

export interface TestReportJson {
  passed: number;
  failed: number;
  errors: number;
  suites: Array<{
    file: string;
    format: string;
    flow?: string;
    flowId?: string;
    error?: { code: string; message: string };
    cases: Array<{ name: string; line?: number; passed: boolean; failures: ExpectationFailure[]; path: string[]; end: SimulationEnd; routedTo: string | null; durationMs?: number }>;
  }>;
  coverage?: CoverageTotals;
}

export function testRunReport(run: TestRunResult): TestReportJson {
  return {
    passed: run.passed,
    failed: run.failed,
    errors: run.errors,
    suites: run.suites.map((suite) => ({
      file: suite.file,
      format: suite.format,
      ...(suite.flowFile !== undefined ? { flow: suite.flowFile } : {}),
      ...(suite.flowId !== undefined ? { flowId: suite.flowId } : {}),
      ...(suite.error ? { error: suite.error } : {}),
      cases: suite.cases.map((c) => ({
        name: c.name,
        ...(c.line !== undefined ? { line: c.line } : {}),
        passed: c.passed,
        failures: c.failures,
        path: c.trace.path,
        end: c.trace.end,
        routedTo: c.trace.routedTo,
        ...(c.durationMs !== undefined ? { durationMs: Math.round(c.durationMs * 1000) / 1000 } : {}),
      })),
    })),
    ...(run.coverage ? { coverage: run.coverage } : {}),
  };
}

export function formatTestRunJson(run: TestRunResult): string {
  return `${JSON.stringify(testRunReport(run), null, 2)}\n`;
}
