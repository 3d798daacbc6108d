// Mermaid `flowchart` text for a flow: shapes by node type, condition labels, dashed default and timeout branches.
import type { FlowDefinition } from '../flow/schema.js';
import { showControlCharacters } from './control-characters.js';
import { flowDiagram, type DiagramEdge, type DiagramNode } from './graph.js';
import { diagramOverlay, type DiagramOverlay, type OverlayInput } from './overlay.js';

export interface MermaidOptions extends OverlayInput {
  /** `TD` (top down, the default) or `LR`. */
  direction?: 'TD' | 'LR';
}

/**
 * Words that Mermaid's lexer takes as keywords when an id starts with them (it matches the first rule,
 * not the longest), so `classify` or `end` cannot be plain ids.
 */
const KEYWORD_PREFIXES = ['style', 'linkstyle', 'interpolate', 'classdef', 'class', 'graph', 'flowchart', 'subgraph', 'href', 'click', 'call', 'direction', 'acc'];

function isPlainId(id: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(id)) return false;
  const lower = id.toLowerCase();
  return lower !== 'end' && !KEYWORD_PREFIXES.some((word) => lower.startsWith(word));
}

/** Maps flow node ids to Mermaid ids: kept when plain and safe, otherwise `n_` plus a sanitised form, made unique. */
export function mermaidIds(ids: readonly string[]): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) if (isPlainId(id)) {
    result.set(id, id);
    used.add(id);
  }
  for (const id of ids) {
    if (result.has(id)) continue;
    const base = `n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}_${n}`;
    result.set(id, candidate);
    used.add(candidate);
  }
  return result;
}

/**
 * Text safe inside a Mermaid quoted label: characters the lexer or the HTML label would read are written as
 * numeric entities (`#34;`), which Mermaid decodes after parsing. `:` is encoded because Mermaid rewrites
 * `style…:…#…;` anywhere in the source before parsing; `direction LR` because its lexer matches that on any line;
 * `%` because Mermaid cuts `%%{…}%%` directives out of the whole text before parsing.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[#"<>&`:|%]/g, (char) => `#${char.charCodeAt(0)};`)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/direction(?=\s)/gi, (word) => `${word.slice(0, -1)}#${word.charCodeAt(word.length - 1)};`);
}

/**
 * A label as Mermaid should show it. Its label renderer draws the two characters `\n` as a line break, even
 * decoded from an entity, so a word joiner (U+2060, `#8288;`, unseen) stands between them.
 */
function label(lines: readonly string[]): string {
  const shown = lines.map((line) => mermaidText(showControlCharacters(line)).replace(/\\n/g, '\\#8288;n'));
  return `"${shown.join('<br/>')}"`;
}

function shape(node: DiagramNode, text: string): string {
  switch (node.type) {
    case 'start':
      return `([${text}])`;
    case 'transition':
      return `{${text}}`;
    case 'webchat':
      return `[/${text}/]`;
    case 'end':
      return `(((${text})))`;
    default:
      return `[${text}]`;
  }
}

function arrow(edge: DiagramEdge): string {
  const dashed = edge.kind === 'default' || edge.kind === 'timeout';
  const line = dashed ? '-.->' : '-->';
  return edge.label === '' ? line : `${line}|${label([edge.label])}|`;
}

const TYPE_CLASSES: Record<string, string> = {
  start: 'fill:#e8f5e9,stroke:#2e7d32',
  action: 'fill:#e3f2fd,stroke:#1565c0',
  transition: 'fill:#fff8e1,stroke:#f9a825',
  webchat: 'fill:#f3e5f5,stroke:#7b1fa2',
  end: 'fill:#eceff1,stroke:#455a64',
  missing: 'fill:#ffebee,stroke:#c62828,stroke-dasharray:4 3',
  unknown: 'fill:#ffffff,stroke:#7b8794,stroke-dasharray:4 3',
};

function overlayLines(diagram: ReturnType<typeof flowDiagram>, overlay: DiagramOverlay, ids: Map<string, string>): string[] {
  const out: string[] = [];
  const classes = new Map<string, string[]>();
  const add = (name: string, id: string): void => void (classes.get(name) ?? classes.set(name, []).get(name)!).push(ids.get(id)!);
  for (const node of diagram.nodes) {
    if (overlay.nodeSteps.has(node.id)) add('gcPath', node.id);
    if (overlay.coverage && node.type !== 'missing' && !overlay.coverage.nodes.has(node.id)) add('gcUncovered', node.id);
    const findings = overlay.nodeFindings.get(node.id) ?? [];
    if (findings.some((finding) => finding.severity === 'error')) add('gcError', node.id);
    else if (findings.length > 0) add('gcWarning', node.id);
  }
  const styles: Record<string, string> = {
    gcPath: 'stroke:#ff6f00,stroke-width:3px',
    gcUncovered: 'stroke:#d32f2f,stroke-width:2px,stroke-dasharray:5 4',
    gcError: 'fill:#ffcdd2',
    gcWarning: 'fill:#fff3cd',
  };
  for (const [name, members] of classes) out.push(`  classDef ${name} ${styles[name]}`, `  class ${members.join(',')} ${name}`);
  diagram.edges.forEach((edge, index) => {
    if (overlay.edgeSteps.has(edge.id)) out.push(`  linkStyle ${index} stroke:#ff6f00,stroke-width:3px`);
    else if (overlay.coverage && !overlay.coverage.edges.has(edge.id)) out.push(`  linkStyle ${index} stroke:#d32f2f,stroke-dasharray:5 4`);
  });
  return out;
}

/** The flow as a Mermaid flowchart. Pure; ids and labels are escaped so any flow text is safe. */
export function renderMermaid(flow: FlowDefinition, options: MermaidOptions = {}): string {
  const diagram = flowDiagram(flow);
  const overlay = diagramOverlay(diagram, options);
  const ids = mermaidIds(diagram.nodes.map((node) => node.id));
  const lines = [`flowchart ${options.direction ?? 'TD'}`];
  for (const node of diagram.nodes) {
    const steps = overlay.nodeSteps.get(node.id);
    const text = label(steps ? [...node.lines, `step ${steps.join(', ')}`] : node.lines);
    lines.push(`  ${ids.get(node.id)}${shape(node, text)}`);
  }
  for (const edge of diagram.edges) lines.push(`  ${ids.get(edge.from)} ${arrow(edge)} ${ids.get(edge.to)}`);
  const used = new Set(diagram.nodes.map((node) => node.type));
  for (const [type, style] of Object.entries(TYPE_CLASSES)) {
    if (!used.has(type as DiagramNode['type'])) continue;
    const members = diagram.nodes.filter((node) => node.type === type).map((node) => ids.get(node.id));
    lines.push(`  classDef gc_${type} ${style}`, `  class ${members.join(',')} gc_${type}`);
  }
  lines.push(...overlayLines(diagram, overlay, ids));
  return `${lines.join('\n')}\n`;
}
