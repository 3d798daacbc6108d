// The diagram model of a flow: its nodes with their display lines and its edges with kinds and labels.
import { NODE_TYPES, type FlowDefinition, type FlowNode } from '../flow/schema.js';
import { toPointer } from '../flow/pointer.js';
import { conditionSummary, nodeLines, nodeText, shorten, type NodeText } from './summary.js';

/** How an edge leaves its node: the only way on, a condition, the default branch, or a wait's timeout. */
export type EdgeKind = 'next' | 'condition' | 'default' | 'timeout';

export type DiagramNodeType = FlowNode['type'] | 'missing' | 'unknown';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The node with its lists cleaned of entries that are not objects, and its type one gcflow knows (else `unknown`). */
function normalise(node: FlowNode): { type: DiagramNodeType; node: FlowNode } {
  const type = (NODE_TYPES as readonly unknown[]).includes(node.type) ? node.type : 'unknown';
  const copy = { ...node } as FlowNode & { actions?: unknown; conditions?: unknown };
  if ('actions' in copy) copy.actions = Array.isArray(copy.actions) ? copy.actions.filter(isObject) : [];
  if ('conditions' in copy) copy.conditions = Array.isArray(copy.conditions) ? copy.conditions.filter(isObject) : [];
  return { type, node: copy };
}

export interface DiagramNode {
  id: string;
  /** The node type; `missing` for a transition target that is not in the flow, `unknown` for a type gcflow does not know. */
  type: DiagramNodeType;
  /** The label (or id), the id when labelled, and a line per action / message / wait. */
  text: NodeText;
  /** The same as lines for the text formats: `Label (id)`, then the body. */
  lines: string[];
  /** The node as written (lists cleaned of non-objects); absent for a `missing` node. */
  source?: FlowNode;
}

export interface DiagramEdge {
  /** The JSON pointer of the transition field this edge comes from: unique and stable. */
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** `intent equals billing`, `default`, `timeout 30s`, or empty for the only way on. */
  label: string;
  /** For `condition` edges: the index in the node's `conditions`. */
  conditionIndex?: number;
}

export interface FlowDiagram {
  title: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

function edgesOf(id: string, node: FlowNode): DiagramEdge[] {
  const edges: DiagramEdge[] = [];
  const add = (to: unknown, kind: EdgeKind, label: string, path: Array<string | number>, conditionIndex?: number): void => {
    if (typeof to !== 'string' || to === '') return;
    const edge: DiagramEdge = { id: toPointer(['nodes', id, ...path]), from: id, to, kind, label };
    if (conditionIndex !== undefined) edge.conditionIndex = conditionIndex;
    edges.push(edge);
  };
  switch (node.type) {
    case 'transition': {
      const conditions = Array.isArray(node.conditions) ? node.conditions : [];
      conditions.forEach((condition, index) =>
        add(condition?.transition, 'condition', conditionSummary(condition), ['conditions', index, 'transition'], index),
      );
      add(node.transition, conditions.length > 0 ? 'default' : 'next', conditions.length > 0 ? 'default' : '', ['transition']);
      break;
    }
    case 'webchat': {
      const wait = node.waitForInput;
      add(node.transition, 'next', '', ['transition']);
      if (wait?.timeoutTransition !== undefined) {
        const label = wait.timeoutSeconds !== undefined ? `timeout ${wait.timeoutSeconds}s` : 'timeout';
        add(wait.timeoutTransition, 'timeout', label, ['waitForInput', 'timeoutTransition']);
      }
      break;
    }
    case 'end':
      break;
    default:
      add((node as { transition?: unknown }).transition, 'next', '', ['transition']);
  }
  return edges;
}

/** Builds the diagram of a flow. Tolerates flows that do not validate: bad nodes are skipped, dangling targets shown as `missing`. */
export function flowDiagram(flow: FlowDefinition): FlowDiagram {
  const entries = Object.entries(isObject(flow.nodes) ? flow.nodes : {})
    .filter((entry): entry is [string, FlowNode] => isObject(entry[1]))
    .map(([id, node]) => [id, normalise(node)] as const);
  const nodes: DiagramNode[] = entries.map(([id, { type, node }]) => {
    const text = nodeText(id, node);
    return { id, type, text, lines: nodeLines(text), source: node };
  });
  const known = new Set(nodes.map((node) => node.id));
  const edges = entries.flatMap(([id, { node }]) => edgesOf(id, node));
  for (const edge of edges) {
    if (known.has(edge.to)) continue;
    known.add(edge.to);
    const text = { title: shorten(edge.to), body: ['missing node'] };
    nodes.push({ id: edge.to, type: 'missing', text, lines: nodeLines(text) });
  }
  const title = typeof flow.name === 'string' && flow.name !== '' ? flow.name : String(flow.id ?? 'flow');
  return { title, nodes, edges };
}
