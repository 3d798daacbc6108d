// A flow whose node ids are keywords of DOT and Mermaid or hold quotes, backslashes, line breaks, brackets, markup and unicode.
import type { FlowDefinition, FlowNode } from '../../flow/schema.js';

/** Ids chained start → each in turn → `done`; a transition node among them sends parallel edges to one target. */
export const HOSTILE_IDS: readonly string[] = [
  // DOT keywords (case-insensitive in DOT)
  'node', 'edge', 'graph', 'digraph', 'subgraph', 'strict', 'NODE', 'Strict',
  // Mermaid keywords and edge-shape letters
  'end', 'END', 'class', 'classDef', 'style', 'click', 'default', 'flowchart', 'direction', 'linkStyle', 'o', 'x', 'oB', 'xylophone',
  // quotes and backslashes: a backslash before a quote, at the end, before n
  'say "hi"', "it's", 'back\\slash', 'ends with \\', '\\"', 'literal \\n not a break',
  // line breaks of every kind: each a different node
  'line\nbreak', 'line\r\nbreak', 'line\rbreak', 'line\u2028break', 'line\u2029break',
  // brackets, markup, DOT and Mermaid punctuation
  '{brace}', '[square]', '(round)', '<b>bold</b>', 'a->b', 'a --> b', 'a|b', 'a;b', 'a:b', 'a=b', '#35;', '&amp;', '%%{init: {"theme":"dark"}}%%',
  // unicode and control characters
  'ünïcödé', '日本語', '😀 emoji', 'e\u0301', 'שלום', 'bell\u0007', 'tab\there', ' spaced ',
];

/** Node labels that try the same tricks in the label text. */
const LABELS = [
  'label "quoted" \\N \\G \\l \\ trailing\\',
  'two\nlines\r\nand\rmore',
  '<b>html</b> &amp; #35; {brace} [square] |pipe| `tick` %%comment',
  '*stars* _under_ ~~strike~~ \\n \\* a\\_b',
  '%%{init: {"theme":"dark"}}%%',
  'direction LR\nstyle x fill:#f00;',
  'bell\u0007 nul\u0000 esc\u001b del\u007f',
];

function chain(): Record<string, FlowNode> {
  const nodes: Record<string, FlowNode> = { start: { type: 'start', transition: HOSTILE_IDS[0] } };
  HOSTILE_IDS.forEach((id, index) => {
    const next = HOSTILE_IDS[index + 1] ?? 'done';
    nodes[id] = { type: 'action', label: LABELS[index % LABELS.length], actions: [{ name: 'set', variable: 'last', value: id }], transition: next };
  });
  // Parallel edges (two conditions and the default to one target), a self-loop, a wait with a timeout, and a dangling target.
  nodes['line\nbreak'] = {
    type: 'transition',
    label: 'branch on "line\nbreak"',
    conditions: [
      { variable: 'msg', condition: 'equals', value: 'a "quoted"\nvalue \\ |pipe| -->', transition: 'line\r\nbreak' },
      { variable: 'msg', condition: 'matches', value: '^[{}<>]+$', transition: 'line\r\nbreak' },
      { variable: 'msg', condition: 'exists', transition: 'line\nbreak' },
      { variable: 'msg', condition: 'contains', value: 'nowhere', transition: 'no "such" node' },
    ],
    transition: 'line\r\nbreak',
  };
  nodes['<b>bold</b>'] = {
    type: 'webchat',
    message: 'Wait "here" \\ <b>',
    waitForInput: { variable: 'reply', timeoutSeconds: 30, timeoutTransition: 'done' },
    transition: 'a->b',
  };
  nodes.done = { type: 'end', label: 'end' };
  return nodes;
}

export const hostileIdsFlow: FlowDefinition = {
  id: 'hostile-ids',
  version: 1,
  name: 'strict digraph "x" { node }',
  status: 'draft',
  nodes: chain(),
};

/** Targets of hostileIdsFlow that are not nodes: drawn as `missing` nodes. */
export const HOSTILE_IDS_MISSING = ['no "such" node'];
