// Positions for a flow diagram, computed by dagre (layered layout), with node sizes estimated from their text.
import dagre, { type Edge, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { DiagramNode, FlowDiagram } from './graph.js';

export interface Point {
  x: number;
  y: number;
}

/** A node's box: centre and size, in SVG user units. */
export interface NodeBox extends Point {
  width: number;
  height: number;
}

export interface EdgeRoute {
  points: Point[];
  /** Where the label's centre goes (present when the edge has a label). */
  label?: Point;
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: Map<string, NodeBox>;
  edges: Map<string, EdgeRoute>;
}

/** Font metrics the page uses (12px sans-serif); an estimate is enough because text is cut to fit anyway. */
export const TEXT = { charWidth: 6.9, lineHeight: 16, titleCharWidth: 7.8 } as const;

export function textWidth(text: string, charWidth: number = TEXT.charWidth): number {
  return Array.from(text).length * charWidth;
}

/** The size a node needs: its widest line plus padding, grown for the shapes that waste corners. */
export function nodeSize(node: DiagramNode): { width: number; height: number } {
  const { title, subtitle, body } = node.text;
  const rest = subtitle !== undefined ? [subtitle, ...body] : body;
  const widest = Math.max(textWidth(title, TEXT.titleCharWidth), ...rest.map((line) => textWidth(line)));
  const height = (rest.length + 1) * TEXT.lineHeight + 16;
  switch (node.type) {
    case 'transition':
      return { width: Math.max(90, widest + 56), height: Math.max(56, height + 20) };
    case 'start':
    case 'end':
      return { width: Math.max(72, widest + 40), height: Math.max(40, height + 6) };
    case 'webchat':
      return { width: Math.max(110, widest + 48), height };
    default:
      return { width: Math.max(100, widest + 24), height };
  }
}

function newLayoutGraph() {
  return new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
}
type LayoutGraph = ReturnType<typeof newLayoutGraph>;

/**
 * Ranks (layers) for dagre by longest path from the top, then sources pulled down next to what they lead to.
 * dagre's default (network simplex) builds its feasible tree in time quadratic in the nodes, with heavy
 * allocation: seconds to tens of seconds for a 1,000-node flow. This is linear, and for flows (one entry,
 * mostly forward branches) draws the same top-down picture.
 */
export function topDownRanks(graph: LayoutGraph): void {
  const nodes = graph.nodes();
  const waiting = new Map<string, number>();
  const queue: string[] = [];
  for (const v of nodes) {
    const count = graph.inEdges(v)?.length ?? 0;
    waiting.set(v, count);
    graph.node(v).rank = 0;
    if (count === 0) queue.push(v);
  }
  // Kahn's order over the acyclic graph dagre hands the ranker (back edges already reversed).
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    const rank = graph.node(v).rank ?? 0;
    for (const edge of graph.outEdges(v) ?? []) {
      const target = graph.node(edge.w);
      target.rank = Math.max(target.rank ?? 0, rank + (graph.edge(edge).minlen ?? 1));
      const left = (waiting.get(edge.w) ?? 1) - 1;
      waiting.set(edge.w, left);
      if (left === 0) queue.push(edge.w);
    }
  }
  // A node nothing real leads to (an unreachable node; dagre's own nesting edges have weight 0) sits just above
  // the nearest node it leads to. Moving a node down to there keeps every constraint; successors are final first.
  for (let i = queue.length - 1; i >= 0; i--) {
    const v = queue[i];
    const out = graph.outEdges(v) ?? [];
    const led = (graph.inEdges(v) ?? []).some((edge: Edge) => (graph.edge(edge).weight ?? 1) > 0);
    if (led || out.length === 0) continue;
    graph.node(v).rank = Math.min(...out.map((edge: Edge) => (graph.node(edge.w).rank ?? 0) - (graph.edge(edge).minlen ?? 1)));
  }
}

export interface LayoutOptions {
  rankdir?: 'TB' | 'LR';
}

/** Lays the diagram out with dagre. Deterministic for the same diagram. */
export function layoutDiagram(diagram: FlowDiagram, options: LayoutOptions = {}): DiagramLayout {
  const graph = newLayoutGraph();
  graph.setGraph({ rankdir: options.rankdir ?? 'TB', nodesep: 28, edgesep: 12, ranksep: 44, marginx: 24, marginy: 24, ranker: topDownRanks });
  for (const node of diagram.nodes) graph.setNode(node.id, nodeSize(node));
  for (const edge of diagram.edges) {
    const labelled = edge.label !== '';
    graph.setEdge(
      edge.from,
      edge.to,
      labelled ? { width: textWidth(edge.label, 6) + 10, height: 16, labelpos: 'c' } : { width: 0, height: 0 },
      edge.id,
    );
  }
  dagre.layout(graph);

  const nodes = new Map<string, NodeBox>();
  for (const node of diagram.nodes) {
    const placed = graph.node(node.id);
    nodes.set(node.id, { x: placed.x ?? 0, y: placed.y ?? 0, width: placed.width, height: placed.height });
  }
  const edges = new Map<string, EdgeRoute>();
  for (const edge of diagram.edges) {
    const placed = graph.edge({ v: edge.from, w: edge.to, name: edge.id });
    const route: EdgeRoute = { points: (placed?.points ?? []).map((p: Point) => ({ x: p.x, y: p.y })) };
    if (edge.label !== '' && placed?.x !== undefined && placed.y !== undefined) route.label = { x: placed.x, y: placed.y };
    edges.set(edge.id, route);
  }
  const size = graph.graph();
  return { width: size.width ?? 0, height: size.height ?? 0, nodes, edges };
}
