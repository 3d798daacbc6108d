// Reading the coverage `gcflow test --coverage-file` writes (CoverageTotals) into what the diagrams need: covered node and edge ids.
import { GcflowError } from '../flow/diagnostic.js';
import type { FlowDefinition } from '../flow/schema.js';
import type { FlowCoverage } from '../simulate/index.js';
import type { RenderCoverage } from './overlay.js';

export const COVERAGE_REPORT_ERROR = 'GCF972';

function isFlowCoverage(value: unknown): value is FlowCoverage {
  const v = value as Partial<FlowCoverage> | null;
  return Boolean(v && typeof v === 'object' && Array.isArray(v.nodes) && Array.isArray(v.edges));
}

/** The per-flow entries of a coverage file, a JSON test report (its `coverage`), or one flow's coverage. */
function flowEntries(report: unknown): FlowCoverage[] | undefined {
  if (isFlowCoverage(report)) return [report];
  const data = report && typeof report === 'object' ? (report as { flows?: unknown; coverage?: unknown }) : undefined;
  if (!data) return undefined;
  if (Array.isArray(data.flows)) return data.flows.filter(isFlowCoverage);
  if (data.coverage !== undefined) return flowEntries(data.coverage);
  return undefined;
}

/** Covered node ids and edge ids (transition pointers) of one flow's coverage. */
export function coverageOfFlow(coverage: FlowCoverage): RenderCoverage {
  return {
    nodes: coverage.nodes.filter((node) => node?.covered === true).map((node) => String(node.id)),
    edges: coverage.edges.filter((edge) => edge?.covered === true).map((edge) => String(edge.pointer)),
  };
}

/**
 * The coverage of `flow` in a coverage report (`gcflow test --coverage-file`): the entry with the flow's id, the one
 * for `flowFile` (an absolute path, as reports hold them) when several have it. A file that is not a report, or has no entry for the flow, is a clean error.
 */
export function coverageFromReport(report: unknown, flow: FlowDefinition, options: { file?: string; flowFile?: string } = {}): RenderCoverage {
  const entries = flowEntries(report);
  if (!entries) {
    throw new GcflowError(COVERAGE_REPORT_ERROR, 'this is not a coverage report; write one with `gcflow test --coverage-file FILE`', { file: options.file });
  }
  const sameId = entries.filter((entry) => entry.flowId === flow.id);
  const sameFile = options.flowFile ? sameId.filter((entry) => entry.file === options.flowFile) : [];
  const entry = sameFile[0] ?? sameId[0] ?? (entries.length === 1 && !entries[0].flowId ? entries[0] : undefined);
  if (!entry) {
    const covered = entries.map((e) => e.flowId || e.file).join(', ') || 'no flows';
    throw new GcflowError(COVERAGE_REPORT_ERROR, `the coverage report has no coverage for flow ${String(flow.id)} (it covers: ${covered})`, { file: options.file });
  }
  return coverageOfFlow(entry);
}
