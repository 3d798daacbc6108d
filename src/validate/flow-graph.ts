// The flow as a directed graph over node indexes (compact adjacency arrays), with every transition and where it is written.
import type { PathSegment } from '../flow/pointer.js';
import { isRecord, type FlowModel } from './flow-model.js';

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
  /** Transitions (condition, timeout, default) whose target does not exist, in node order; end nodes are skipped. */
  brokenTransitions: TransitionRef[];
  /** Successors of node i: targets[offsets[i] .. offsets[i+1]) (existing targets only). */
  offsets: Int32Array;
  targets: Int32Array;
  /** Index of the node with id `start`, or -1. */
  start: number;
}

export function buildFlowGraph(model: FlowModel): FlowGraph {
  const size = model.nodes.length;
  const brokenTransitions: TransitionRef[] = [];
  const offsets = new Int32Array(size + 1);
  // Small integers in a plain array stay unboxed; one pass, nodes in order, so offsets are running lengths.
  const targets: number[] = [];
  const add = (from: number, target: unknown, slot: number): void => {
    if (typeof target !== 'string') return;
    const to = model.indexOf.get(target);
    if (to === undefined) brokenTransitions.push({ from, target, to: -1, slot });
    else targets.push(to);
  };
  for (const entry of model.nodes) {
    offsets[entry.index] = targets.length;
    // An end node's transition is never taken (GCF007 reports it).
    if (entry.type === 'end') continue;
    for (let index = 0; index < entry.conditions.length; index++) {
      const condition = entry.conditions[index];
      if (isRecord(condition)) add(entry.index, condition.transition, index);
    }
    if (entry.wait) add(entry.index, entry.wait.timeoutTransition, TIMEOUT_TRANSITION);
    add(entry.index, entry.node.transition, DEFAULT_TRANSITION);
  }
  offsets[size] = targets.length;
  return { size, brokenTransitions, offsets, targets: Int32Array.from(targets), start: model.indexOf.get('start') ?? -1 };
}
