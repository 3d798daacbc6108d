// Counts of what a diff adds, removes and changes, per kind of thing (nodes, conditions, actions, transitions, flow settings).
import { changeEffect, changeNodeId, type ChangeEffect, type FlowChange } from './change.js';

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface DiffSummary {
  /** Number of changes in the list. */
  total: number;
  /** Nodes added, removed, and nodes present on both sides with any change (renamed ones included). */
  nodes: DiffCounts;
  conditions: DiffCounts;
  actions: DiffCounts;
  /** Transitions (default, condition target, timeout) pointed elsewhere; added/removed when there was none before/after. */
  transitions: DiffCounts;
  /** Flow fields, inputs, application settings and environment variables. */
  flow: DiffCounts;
}

export type SummaryRow = Exclude<keyof DiffSummary, 'total'>;
export const SUMMARY_ROWS: readonly SummaryRow[] = ['nodes', 'conditions', 'actions', 'transitions', 'flow'];

function rowOf(change: FlowChange): SummaryRow | undefined {
  if (change.kind.startsWith('condition-')) return 'conditions';
  if (change.kind.startsWith('action-')) return 'actions';
  if (change.kind === 'transition-changed') return 'transitions';
  if (changeNodeId(change) === undefined) return 'flow';
  return undefined;
}

function transitionEffect(change: FlowChange): ChangeEffect {
  if (change.before === undefined) return 'added';
  if (change.after === undefined) return 'removed';
  return 'changed';
}

export function summarizeFlowChanges(changes: readonly FlowChange[]): DiffSummary {
  const zero = (): DiffCounts => ({ added: 0, removed: 0, changed: 0 });
  const summary: DiffSummary = { total: changes.length, nodes: zero(), conditions: zero(), actions: zero(), transitions: zero(), flow: zero() };
  const changedNodes = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'node-added') summary.nodes.added++;
    else if (change.kind === 'node-removed') summary.nodes.removed++;
    else {
      const nodeId = changeNodeId(change);
      if (nodeId !== undefined) changedNodes.add(nodeId);
    }
    const row = rowOf(change);
    if (row) summary[row][row === 'transitions' ? transitionEffect(change) : changeEffect(change)]++;
  }
  summary.nodes.changed = changedNodes.size;
  return summary;
}
