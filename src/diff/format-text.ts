// The text format of a diff: grouped by node, one marked line per change, and a summary line; colour is passed in.
import { changeEffect, type ChangeEffect, type FlowChange } from './change.js';
import { bare, describeChange } from './describe.js';
import { groupFlowChanges } from './group.js';
import { summarizeFlowChanges } from './summary.js';

export interface DiffTextStyle {
  /** Colours a change line by what it does (red removed, green added, yellow changed on a terminal). */
  effect(effect: ChangeEffect, text: string): string;
  heading(text: string): string;
  dim(text: string): string;
}

export const PLAIN_DIFF_STYLE: DiffTextStyle = { effect: (_effect, text) => text, heading: (text) => text, dim: (text) => text };

export const EFFECT_MARKERS: Record<ChangeEffect, string> = { added: '+', removed: '-', changed: '~' };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The closing line: `7 changes: 1 node added, 1 removed, 3 changed; 2 flow-level changes`. */
export function diffSummaryLine(changes: readonly FlowChange[]): string {
  if (changes.length === 0) return 'No changes.';
  const { nodes, flow } = summarizeFlowChanges(changes);
  const flowCount = flow.added + flow.removed + flow.changed;
  const parts = [`${plural(nodes.added, 'node')} added, ${nodes.removed} removed, ${nodes.changed} changed`];
  if (flowCount > 0) parts.push(plural(flowCount, 'flow-level change'));
  return `${plural(changes.length, 'change')}: ${parts.join('; ')}`;
}

export function formatDiffText(changes: readonly FlowChange[], style: DiffTextStyle = PLAIN_DIFF_STYLE): string {
  const lines: string[] = [];
  for (const group of groupFlowChanges(changes)) {
    lines.push(style.heading(group.nodeId === undefined ? 'flow' : `node ${bare(group.nodeId)}`));
    for (const change of group.changes) {
      const effect = changeEffect(change);
      lines.push(`  ${style.effect(effect, `${EFFECT_MARKERS[effect]} ${describeChange(change)}`)}`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(style.dim(diffSummaryLine(changes)));
  return `${lines.join('\n')}\n`;
}
