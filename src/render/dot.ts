// Graphviz DOT text for a flow: shapes by node type, condition labels, dashed default and dotted timeout branches.
import type { FlowDefinition } from '../flow/schema.js';
import { showControlCharacters } from './control-characters.js';
import { flowDiagram, type DiagramEdge, type DiagramNode, type DiagramNodeType } from './graph.js';
import { diagramOverlay, type DiagramOverlay, type OverlayInput } from './overlay.js';

export interface DotOptions extends OverlayInput {
  /** `TB` (top to bottom, the default) or `LR`. */
  rankdir?: 'TB' | 'LR';
}

/** A DOT double-quoted string: backslash and quote escaped, line breaks as `\n`, so no text can end the string. */
export function dotString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n');
  return `"${escaped}"`;
}

/**
 * A label, tooltip or xlabel: Graphviz decodes `&name;` entities in these, so `&` is written `&amp;`;
 * a control character is shown as its Unicode picture (␇ for BEL).
 */
export function dotLabel(text: string): string {
  return dotString(showControlCharacters(text.replace(/&/g, '&amp;')));
}

/**
 * A node id (or the graph name) as a Graphviz name, one name per id: Graphviz keeps `\\` as two characters in a
 * name, so unlike a label no two line breaks may be written alike (`\n`, `\r`, `\uXXXX`). `&amp;` keeps the SVG
 * title true (Graphviz writes what looks like an entity unescaped), a leading `%` is `\u0025` (Graphviz prints
 * such a name as an anonymous `%3`), and no character XML forbids reaches the SVG.
 */
export function dotId(id: string): string {
  const escaped = id
    .replace(/&/g, '&amp;')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/^%|(?!\t)[\p{Cc}\u2028\u2029]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}

const SHAPES: Record<DiagramNodeType, string> = {
  start: 'shape=circle, style=filled, fillcolor="#e8f5e9", color="#2e7d32"',
  action: 'shape=box, style="rounded,filled", fillcolor="#e3f2fd", color="#1565c0"',
  transition: 'shape=diamond, style=filled, fillcolor="#fff8e1", color="#f9a825"',
  webchat: 'shape=parallelogram, style=filled, fillcolor="#f3e5f5", color="#7b1fa2"',
  end: 'shape=doublecircle, style=filled, fillcolor="#eceff1", color="#455a64"',
  missing: 'shape=box, style="dashed,filled", fillcolor="#ffebee", color="#c62828"',
  unknown: 'shape=box, style=dashed, color="#7b8794"',
};

function nodeAttributes(node: DiagramNode, overlay: DiagramOverlay): string {
  const attributes = [`label=${dotLabel(node.lines.join('\n'))}`, SHAPES[node.type]];
  const steps = overlay.nodeSteps.get(node.id);
  if (steps) attributes.push('penwidth=3', 'color="#ff6f00"', `xlabel=${dotLabel(steps.join(','))}`);
  else if (overlay.coverage && node.type !== 'missing' && !overlay.coverage.nodes.has(node.id))
    attributes.push('penwidth=2', 'color="#d32f2f"', 'style="dashed,filled"');
  const findings = overlay.nodeFindings.get(node.id) ?? [];
  if (findings.length > 0) {
    const error = findings.some((finding) => finding.severity === 'error');
    attributes.push(`fillcolor="${error ? '#ffcdd2' : '#fff3cd'}"`, `tooltip=${dotLabel(findings.map((f) => `${f.code} ${f.message}`).join('\n'))}`);
  }
  return attributes.join(', ');
}

function edgeAttributes(edge: DiagramEdge, overlay: DiagramOverlay): string {
  const attributes: string[] = [];
  if (edge.label !== '') attributes.push(`label=${dotLabel(edge.label)}`);
  if (edge.kind === 'default') attributes.push('style=dashed');
  if (edge.kind === 'timeout') attributes.push('style=dotted');
  const steps = overlay.edgeSteps.get(edge.id);
  if (steps) attributes.push('penwidth=3', 'color="#ff6f00"');
  else if (overlay.coverage && !overlay.coverage.edges.has(edge.id)) attributes.push('color="#d32f2f"', 'style=dashed');
  return attributes.length > 0 ? ` [${attributes.join(', ')}]` : '';
}

/** The flow as a Graphviz digraph. Pure; every id and label is a quoted, escaped DOT string. */
export function renderDot(flow: FlowDefinition, options: DotOptions = {}): string {
  const diagram = flowDiagram(flow);
  const overlay = diagramOverlay(diagram, options);
  const lines = [
    `digraph ${dotId(diagram.title)} {`,
    `  rankdir=${options.rankdir ?? 'TB'};`,
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const node of diagram.nodes) lines.push(`  ${dotId(node.id)} [${nodeAttributes(node, overlay)}];`);
  for (const edge of diagram.edges) lines.push(`  ${dotId(edge.from)} -> ${dotId(edge.to)}${edgeAttributes(edge, overlay)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
