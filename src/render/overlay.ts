// What is drawn over a diagram: a simulation trace (step numbers), coverage (covered or not), and validation findings.
import type { Diagnostic } from '../flow/diagnostic.js';
import { fromPointer, toPointer } from '../flow/pointer.js';
import type { FlowDiagram } from './graph.js';

/** The part of a simulation trace a diagram needs (a `SimulationTrace` from simulate fits). */
export interface RenderTrace {
  /** Node ids in the order they ran. */
  path: readonly string[];
  end?: { reason: string; node?: string | null; message?: string };
  /** Per node run, how it left: which condition matched (or the default), or a wait that timed out. */
  steps?: readonly RenderTraceStep[];
  /** The conversation in order: what the customer said and what the flow sent. */
  conversation?: readonly ConversationLine[];
  /** The queue the conversation was routed to, if any. */
  routedTo?: string | null;
}

export interface RenderTraceStep {
  node: string;
  branch?: { taken: number | 'default' };
  timedOut?: true;
}

export interface ConversationLine {
  from: 'customer' | 'flow';
  text: string;
  /** The node that sent or consumed it. */
  node?: string;
  /** The customer stayed silent past a wait's timeout. */
  timeout?: boolean;
}

/** Which nodes and edges some run reached (edge ids are the diagram's transition pointers). */
export interface RenderCoverage {
  nodes: Iterable<string>;
  edges: Iterable<string>;
}

export interface OverlayInput {
  trace?: RenderTrace;
  coverage?: RenderCoverage;
  findings?: readonly Diagnostic[];
}

export interface DiagramOverlay {
  /** 1-based step numbers at which each node ran (a node in a loop has several). */
  nodeSteps: Map<string, number[]>;
  /** Step numbers at which each edge was taken (the step of the node it leaves). */
  edgeSteps: Map<string, number[]>;
  /** Absent when no coverage was given. */
  coverage?: { nodes: Set<string>; edges: Set<string> };
  /** Findings whose pointer is inside a node, by node id. */
  nodeFindings: Map<string, Diagnostic[]>;
  /** Findings about the flow as a whole. */
  flowFindings: Diagnostic[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The node a finding is about: `/nodes/<id>/...` → id. */
export function findingNodeId(pointer: string | undefined): string | undefined {
  if (!pointer) return undefined;
  try {
    const [root, id] = fromPointer(pointer);
    return root === 'nodes' && id !== undefined ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The diagram edge id (transition pointer) a recorded step left by, when the step says. */
function takenEdgeId(step: RenderTraceStep | undefined, node: string): string | undefined {
  if (!step || step.node !== node) return undefined;
  if (step.timedOut) return toPointer(['nodes', node, 'waitForInput', 'timeoutTransition']);
  if (step.branch?.taken === 'default') return toPointer(['nodes', node, 'transition']);
  if (typeof step.branch?.taken === 'number') return toPointer(['nodes', node, 'conditions', step.branch.taken, 'transition']);
  return undefined;
}

/** Lays a trace, coverage and findings over a diagram. Pure. */
export function diagramOverlay(diagram: FlowDiagram, input: OverlayInput = {}): DiagramOverlay {
  const nodeSteps = new Map<string, number[]>();
  const edgeSteps = new Map<string, number[]>();
  const path = input.trace?.path ?? [];
  const edgeIds = new Set(diagram.edges.map((edge) => edge.id));
  path.forEach((id, index) => {
    push(nodeSteps, id, index + 1);
    const next = path[index + 1];
    if (next === undefined) return;
    const recorded = takenEdgeId(input.trace?.steps?.[index], id);
    const taken =
      recorded !== undefined && edgeIds.has(recorded)
        ? recorded
        : diagram.edges.find((edge) => edge.from === id && edge.to === next)?.id;
    if (taken !== undefined) push(edgeSteps, taken, index + 1);
  });

  const nodeFindings = new Map<string, Diagnostic[]>();
  const flowFindings: Diagnostic[] = [];
  const nodeIds = new Set(diagram.nodes.map((node) => node.id));
  for (const finding of input.findings ?? []) {
    const id = findingNodeId(finding.pointer);
    if (id !== undefined && nodeIds.has(id)) push(nodeFindings, id, finding);
    else flowFindings.push(finding);
  }

  const overlay: DiagramOverlay = { nodeSteps, edgeSteps, nodeFindings, flowFindings };
  if (input.coverage) overlay.coverage = { nodes: new Set(input.coverage.nodes), edges: new Set(input.coverage.edges) };
  return overlay;
}
