// Coverage: which nodes and branches (each condition and each default) a set of runs exercised, per flow.
import type { FlowDefinition } from '../flow/schema.js';
import { toPointer } from '../flow/pointer.js';
import type { SimulationTrace } from './trace.js';

export interface NodeCoverage {
  id: string;
  covered: boolean;
}

/** A way out of a transition node: condition `index`, or its `default`. */
export interface BranchCoverage {
  node: string;
  index: number | 'default';
  target: string;
  covered: boolean;
  /** JSON pointer of the transition it takes, e.g. /nodes/route_intent/conditions/0/transition. */
  pointer: string;
}

/** Every transition in the flow (start, action, webchat, timeout, conditions, defaults), for diagrams. */
export interface EdgeCoverage {
  pointer: string;
  from: string;
  to: string;
  covered: boolean;
}

export interface FlowCoverage {
  flowId: string;
  /** The flow file, as the suite named it (resolved). */
  file: string;
  nodes: NodeCoverage[];
  branches: BranchCoverage[];
  edges: EdgeCoverage[];
  /** Covered nodes and branches over all nodes and branches, 0..100, one decimal. */
  percent: number;
}

export interface CoverageTotals {
  flows: FlowCoverage[];
  /** Over all flows. */
  percent: number;
}

function edgesOf(flow: FlowDefinition): Array<Omit<EdgeCoverage, 'covered'>> {
  const edges: Array<Omit<EdgeCoverage, 'covered'>> = [];
  for (const [id, node] of Object.entries(flow.nodes ?? {})) {
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'transition' && Array.isArray(node.conditions)) {
      node.conditions.forEach((condition, i) => {
        if (typeof condition?.transition === 'string') edges.push({ pointer: toPointer(['nodes', id, 'conditions', i, 'transition']), from: id, to: condition.transition });
      });
    }
    if (node.type === 'webchat' && typeof node.waitForInput?.timeoutTransition === 'string') {
      edges.push({ pointer: toPointer(['nodes', id, 'waitForInput', 'timeoutTransition']), from: id, to: node.waitForInput.timeoutTransition });
    }
    if (node.type !== 'end' && typeof (node as { transition?: unknown }).transition === 'string') {
      edges.push({ pointer: toPointer(['nodes', id, 'transition']), from: id, to: (node as { transition: string }).transition });
    }
  }
  return edges;
}

/** The pointer of the transition a step took, or undefined when it took none. */
function takenPointer(step: SimulationTrace['steps'][number]): string | undefined {
  if (step.next === undefined) return undefined;
  if (step.branch) {
    return step.branch.taken === 'default' ? toPointer(['nodes', step.node, 'transition']) : toPointer(['nodes', step.node, 'conditions', step.branch.taken, 'transition']);
  }
  if (step.timedOut) return toPointer(['nodes', step.node, 'waitForInput', 'timeoutTransition']);
  return toPointer(['nodes', step.node, 'transition']);
}

const round = (value: number): number => Math.round(value * 10) / 10;

/** Coverage of one flow by the given runs. */
export function computeCoverage(flow: FlowDefinition, file: string, traces: readonly SimulationTrace[]): FlowCoverage {
  const visited = new Set<string>();
  const taken = new Set<string>();
  for (const trace of traces) {
    for (const node of trace.path) visited.add(node);
    for (const step of trace.steps) {
      const pointer = takenPointer(step);
      if (pointer) taken.add(pointer);
    }
  }
  const nodes = Object.keys(flow.nodes ?? {}).map((id) => ({ id, covered: visited.has(id) }));
  const branches: BranchCoverage[] = [];
  for (const [id, node] of Object.entries(flow.nodes ?? {})) {
    if (node?.type !== 'transition') continue;
    (Array.isArray(node.conditions) ? node.conditions : []).forEach((condition, index) => {
      const pointer = toPointer(['nodes', id, 'conditions', index, 'transition']);
      branches.push({ node: id, index, target: String(condition?.transition ?? ''), covered: taken.has(pointer), pointer });
    });
    const pointer = toPointer(['nodes', id, 'transition']);
    branches.push({ node: id, index: 'default', target: String(node.transition ?? ''), covered: taken.has(pointer), pointer });
  }
  const edges = edgesOf(flow).map((edge) => ({ ...edge, covered: taken.has(edge.pointer) }));
  const total = nodes.length + branches.length;
  const covered = nodes.filter((n) => n.covered).length + branches.filter((b) => b.covered).length;
  return { flowId: typeof flow.id === 'string' ? flow.id : '', file, nodes, branches, edges, percent: total === 0 ? 100 : round((covered / total) * 100) };
}

export function coverageTotals(flows: FlowCoverage[]): CoverageTotals {
  let total = 0;
  let covered = 0;
  for (const flow of flows) {
    total += flow.nodes.length + flow.branches.length;
    covered += flow.nodes.filter((n) => n.covered).length + flow.branches.filter((b) => b.covered).length;
  }
  return { flows, percent: total === 0 ? 100 : round((covered / total) * 100) };
}

/** `route_intent → tech_queue (condition 1)`, `route_intent → ask_topic (default)`. */
export function describeBranch(branch: BranchCoverage): string {
  return `${branch.node} → ${branch.target} (${branch.index === 'default' ? 'default' : `condition ${branch.index}`})`;
}

/** The flows whose coverage is below `minimum` percent (`--min-coverage`). */
export function flowsBelow(totals: CoverageTotals, minimum: number): FlowCoverage[] {
  return totals.flows.filter((flow) => flow.percent < minimum);
}
