// The JSON format of a diff: stable, documented, for scripts (each change with its one-line description).
import type { FlowChange } from './change.js';
import { describeChange } from './describe.js';
import { summarizeFlowChanges, type DiffSummary } from './summary.js';

export interface DiffReport {
  old?: string;
  new?: string;
  changed: boolean;
  summary: DiffSummary;
  changes: Array<FlowChange & { description: string }>;
}

export function diffReport(changes: readonly FlowChange[], files: { old?: string; new?: string } = {}): DiffReport {
  return {
    ...(files.old === undefined ? {} : { old: files.old }),
    ...(files.new === undefined ? {} : { new: files.new }),
    changed: changes.length > 0,
    summary: summarizeFlowChanges(changes),
    changes: changes.map((change) => ({ ...change, description: describeChange(change) })),
  };
}

export function formatDiffJson(changes: readonly FlowChange[], files: { old?: string; new?: string } = {}): string {
  return `${JSON.stringify(diffReport(changes, files), null, 2)}\n`;
}
