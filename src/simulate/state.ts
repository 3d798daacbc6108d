// The interpreter's snapshot between steps, the inputs a step reads, and how a run ends.
import type { SimulationClock } from './clock.js';
import type { IntentClassifier, IntentDefinitions } from './intents.js';
import { VariableMap, type VariableValue } from './variables.js';

export const END_REASONS = ['ended', 'routed', 'disconnected', 'waiting-for-input', 'step-limit', 'error'] as const;
export type EndReason = (typeof END_REASONS)[number];

export interface SimulationEnd {
  reason: EndReason;
  /** The node the run stopped at. */
  node: string;
  /** Why, in one sentence (errors, step limit, waiting for input). */
  message?: string;
  /** For `step-limit`: the repeating cycle of node ids, first node repeated at the end. */
  loop?: string[];
}

/** The nodes run so far, newest first, as a shared list: each step adds one cell and copies nothing. */
export interface Trail {
  readonly node: string;
  readonly previous: Trail | null;
}

export interface SimulationState {
  /** `running`: `node` runs next; `waiting`: `node` waits for the customer; `ended`: see `end`. */
  readonly status: 'running' | 'waiting' | 'ended';
  readonly node: string;
  readonly variables: VariableMap;
  /** The customer's latest message (the `message` built-in); undefined before the first one. */
  readonly message: string | undefined;
  readonly routedTo: string | null;
  readonly queueName?: string;
  /** Nodes run so far. */
  readonly stepCount: number;
  readonly trail: Trail | null;
  readonly end?: SimulationEnd;
}

/** What a step reads besides the state: only a waiting state consumes customer input. */
export type StepInput =
  | { type: 'run' }
  | { type: 'message'; text: string }
  /** The customer stayed silent past the wait's timeout. */
  | { type: 'timeout' }
  /** The transcript has no more messages. */
  | { type: 'endOfTranscript' };

/** Everything outside the flow that a run depends on, passed in (XState's actor scope). */
export interface SimulationRuntime {
  readonly clock: SimulationClock;
  /** Replaces the default keyword/regex classifier (e.g. a real NLU). */
  readonly classifier?: IntentClassifier;
  /** Replaces the intents of every classify action. */
  readonly intents?: IntentDefinitions;
  readonly conversationId: string;
  readonly channel: string;
  readonly stepLimit: number;
}

export const DEFAULT_STEP_LIMIT = 1000;
export const DEFAULT_CONVERSATION_ID = '00000000-0000-4000-8000-000000000001';
export const DEFAULT_CHANNEL = 'webmessaging';

/** A state from all its fields, always in this order (one object shape: V8 keeps the step's code monomorphic). */
export function makeState(
  status: SimulationState['status'],
  node: string,
  variables: VariableMap,
  message: string | undefined,
  routedTo: string | null,
  queueName: string | undefined,
  stepCount: number,
  trail: Trail | null,
  end: SimulationEnd | undefined,
): SimulationState {
  return { status, node, variables, message, routedTo, queueName, stepCount, trail, end };
}

/**
 * A copy of `state` with `changes` applied. Every state has the same fields in the same order: V8 copies such objects
 * fast, while a spread that adds a field is two orders of magnitude slower.
 */
export function changeState(state: SimulationState, changes: Partial<SimulationState>): SimulationState {
  return {
    status: changes.status ?? state.status,
    node: changes.node ?? state.node,
    variables: changes.variables ?? state.variables,
    message: 'message' in changes ? changes.message : state.message,
    routedTo: 'routedTo' in changes ? (changes.routedTo ?? null) : state.routedTo,
    queueName: 'queueName' in changes ? changes.queueName : state.queueName,
    stepCount: changes.stepCount ?? state.stepCount,
    trail: 'trail' in changes ? (changes.trail ?? null) : state.trail,
    end: 'end' in changes ? changes.end : state.end,
  };
}

/** The state before the first step: at `start`, with initial variables and the customer's opening message. */
export function initialState(variables: Readonly<Record<string, VariableValue>> = {}, openingMessage?: string): SimulationState {
  return {
    status: 'running',
    node: 'start',
    variables: VariableMap.of(variables),
    message: openingMessage,
    routedTo: null,
    queueName: undefined,
    stepCount: 0,
    trail: null,
    end: undefined,
  };
}
