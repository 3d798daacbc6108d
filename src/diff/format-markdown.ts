// The Markdown format of a diff, for a pull-request comment: a summary table, then each node's changes in a diff block.
import { changeEffect, type ChangeEffect, type FlowChange } from './change.js';
import { describeChange } from './describe.js';
import { groupFlowChanges } from './group.js';
import { SUMMARY_ROWS, summarizeFlowChanges } from './summary.js';

/** In a ```diff block GitHub shows + green, - red and ! orange. */
const DIFF_MARKERS: Record<ChangeEffect, string> = { added: '+', removed: '-', changed: '!' };
/** More node groups than this are folded into a <details> block. */
const FOLD_NODE_GROUPS = 10;

const ROW_LABELS: Record<(typeof SUMMARY_ROWS)[number], string> = {
  nodes: 'Nodes',
  conditions: 'Conditions',
  actions: 'Actions',
  transitions: 'Transitions',
  flow: 'Flow settings and variables',
};

/** Inline code that survives backticks in the text (a longer fence than any run inside). */
function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function diffBlock(changes: readonly FlowChange[]): string[] {
  // Descriptions are one line each (strings are JSON-quoted), so a line cannot close the fence.
  return ['```diff', ...changes.map((change) => `${DIFF_MARKERS[changeEffect(change)]} ${describeChange(change)}`), '```'];
}

export function formatDiffMarkdown(changes: readonly FlowChange[], files: { old?: string; new?: string } = {}): string {
  const lines: string[] = ['### Flow diff', ''];
  if (files.old !== undefined && files.new !== undefined) lines.push(`${inlineCode(files.old)} → ${inlineCode(files.new)}`, '');
  if (changes.length === 0) {
    lines.push('No changes.');
    return `${lines.join('\n')}\n`;
  }
  const summary = summarizeFlowChanges(changes);
  lines.push('| | added | removed | changed |', '| --- | ---: | ---: | ---: |');
  for (const row of SUMMARY_ROWS) {
    const counts = summary[row];
    lines.push(`| ${ROW_LABELS[row]} | ${counts.added} | ${counts.removed} | ${counts.changed} |`);
  }
  lines.push('');
  const groups = groupFlowChanges(changes);
  const flowGroup = groups.find((group) => group.nodeId === undefined);
  const nodeGroups = groups.filter((group) => group.nodeId !== undefined);
  if (flowGroup) lines.push('#### Flow', '', ...diffBlock(flowGroup.changes), '');
  if (nodeGroups.length > 0) {
    const fold = nodeGroups.length > FOLD_NODE_GROUPS;
    lines.push(`#### Nodes (${nodeGroups.length})`, '');
    if (fold) lines.push(`<details><summary>${nodeGroups.length} nodes with changes</summary>`, '');
    for (const group of nodeGroups) {
      const id = group.nodeId as string;
      lines.push(fold ? `<b><code>${escapeHtml(id)}</code></b>` : `**${inlineCode(id)}**`, '', ...diffBlock(group.changes), '');
    }
    if (fold) lines.push('</details>', '');
  }
  return `${lines.join('\n')}`;
}
