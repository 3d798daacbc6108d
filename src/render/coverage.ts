// Reading a coverage report (the JSON `gcflow test --coverage` writes) into what the diagrams need: covered node ids and edge ids.
import { GcflowError } from '../flow/diagnostic.js';
import type { FlowDefinition } from '../flow/schema.js';
import type { RenderCoverage } from './overlay.js';

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/** Covered node and edge ids from a coverage report; a report that is not one is a clean error naming the file. */
export function coverageFromReport(report: unknown, _flow: FlowDefinition, file?: string): RenderCoverage {
  const data = report && typeof report === 'object' ? (report as Record<string, unknown>) : {};
  const nodes = stringList(data.nodes);
  const edges = stringList(data.edges);
  if (!nodes || !edges) {
    throw new GcflowError('GCF972', 'this is not a coverage report (write one with `gcflow test --coverage FILE`)', { file });
  }
  return { nodes, edges };
}
