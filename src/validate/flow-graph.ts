// The flow as a directed graph over node indexes (compact adjacency arrays), with every transition and where it is written.
import type { PathSegment } from '../flow/pointer.js';
import type { FlowModel } from './flow-model.js';

/** Where in its node a transition is written: the default `transition`, a condition's, or waitForInput's timeout. */
export const DEFAULT_TRANSITION = -1;
export const TIMEOUT_TRANSITION = -2;

export interface TransitionRef {
  /** Index of the node the transition is written in. */
  from: number;
  /** The target node id as written. */
  target: string;
  /** Index of the target node, or -1 when no node has that id. */
  to: number;
  /** A condition index, DEFAULT_TRANSITION or TIMEOUT_TRANSITION. */
  slot: number;
}

/** Path from the node to the transition, e.g. ['conditions', 1, 'transition']. */
export function transitionPath(transition: TransitionRef): PathSegment[] {
  if (transition.slot === DEFAULT_TRANSITION) return ['transition'];
  if (transition.slot === TIMEOUT_TRANSITION) return ['waitForInput', 'timeoutTransition'];
  return ['conditions', transition.slot, 'transition'];
}

export interface FlowGraph {
  size: number;
  /** Every transition (condition, timeout, default) of every node except end nodes, in node order. */
  transitions: TransitionRef[];
  /** Successors of node i: targets[offsets[i] .. offsets[i+1]) (existing targets only). */
  offsets: Int32Array;
  targets: Int32Array;
  /** Index of the node with id `start`, or -1. */
  start: number;
}

export function buildFlowGraph(model: FlowModel): FlowGraph {
  const transitions: TransitionRef[] = [];
  const add = (from: number, target: unknown, slot: number): void => {
    if (typeof target !== 'string') return;
    transitions.push({ from, target, to: model.indexOf.get(target) ?? -1, slot });
  };
  for (const entry of model.nodes) {
    // An end node's transition is never taken (GCF007 reports it).
    if (entry.type === 'end') continue;
    for (const { condition, index } of entry.conditions) add(entry.index, condition.transition, index);
    if (entry.wait) add(entry.index, entry.wait.timeoutTransition, TIMEOUT_TRANSITION);
    add(entry.index, entry.node.transition, DEFAULT_TRANSITION);
  }
  const size = model.nodes.length;
  const offsets = new Int32Array(size + 1);
  for (const t of transitions) if (t.to >= 0) offsets[t.from + 1]++;
  for (let i = 0; i < size; i++) offsets[i + 1] += offsets[i];
  const targets = new Int32Array(offsets[size]);
  const fill = offsets.slice(0, size);
  for (const t of transitions) if (t.to >= 0) targets[fill[t.from]++] = t.to;
  return { size, transitions, offsets, targets, start: model.indexOf.get('start') ?? -1 };
}
