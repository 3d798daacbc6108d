// What a step reports, as data: the trace is built from these, and a caller may watch them as they happen.
import type { NodeType } from '../flow/schema.js';
import type { ActionEffect } from './actions/effect.js';
import type { SimulationEnd } from './state.js';
import type { VariableValue } from './variables.js';

/** One condition as evaluated, with the fact that decided it. */
export interface ConditionCheck {
  index: number;
  /** `intent equals "billing"`. */
  condition: string;
  variable: string;
  /** The variable's value; absent when it is not set. */
  actual?: VariableValue;
  result: boolean;
  /** `intent is not set (nothing in this flow sets it; give it as initial data)`. */
  why: string;
}

/** Why a transition node went where it went. */
export interface BranchDecision {
  checks: ConditionCheck[];
  /** The index of the condition that matched, or `default`. */
  taken: number | 'default';
  target: string;
  why: string;
}

export type SimulationEvent =
  | { type: 'nodeEntered'; node: string; nodeType: NodeType; step: number }
  | { type: 'actionResolved'; node: string; index: number; action: string; effect: ActionEffect; summary: string }
  | { type: 'messageSent'; node: string; text: string }
  | { type: 'branchTaken'; node: string; decision: BranchDecision }
  | { type: 'inputAwaited'; node: string; variable: string }
  | { type: 'inputReceived'; node: string; variable: string; text: string }
  | { type: 'inputTimedOut'; node: string; target: string }
  | { type: 'transitioned'; from: string; to: string }
  | { type: 'note'; node: string; text: string }
  | { type: 'ended'; end: SimulationEnd };
