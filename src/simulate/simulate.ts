// Running a whole conversation: feeds the customer's turns to the step function until the run ends, and returns the trace.
import type { FlowDefinition } from '../flow/schema.js';
import type { SimulationClock } from './clock.js';
import { withEnvironment } from './environment.js';
import type { IntentClassifier, IntentDefinitions } from './intents.js';
import { DEFAULT_RUNTIME, step } from './step.js';
import { initialState, type SimulationRuntime, type StepInput } from './state.js';
import { TraceRecorder, type SimulationTrace } from './trace.js';
import { customerTurns, toVariables, type TranscriptTurn } from './transcript.js';
import type { VariableValue } from './variables.js';

export interface SimulateOptions {
  /** Customer messages: the first opens the conversation, each customer wait reads the next. */
  messages?: string[];
  /** `{from, text}` turns (the flow's own turns are skipped); read before `messages`. */
  transcript?: TranscriptTurn[];
  /** Initial variables (participant data); they override the flow's `inputs` defaults. */
  data?: Record<string, unknown>;
  /** Replace the intents of every classify action. */
  intents?: IntentDefinitions;
  /** Replace the keyword/regex classifier, e.g. with a real NLU. */
  classifier?: IntentClassifier;
  /** Where `{now}` comes from; a fixed clock by default, so runs are reproducible. */
  clock?: SimulationClock;
  /** Nodes a run may run before it stops with `step-limit` (default 1,000). */
  stepLimit?: number;
  conversationId?: string;
  channel?: string;
  /** Environment values for `{env.NAME}`, filled in before the run as src/env fills them; one still needed is an `error` end. */
  env?: Record<string, string>;
  /** Start before the customer says anything (the flow speaks first); then every message goes to a customer wait. */
  startWithoutMessage?: boolean;
}

function inputDefaults(flow: FlowDefinition): Record<string, VariableValue> {
  const defaults: Record<string, VariableValue> = {};
  const inputs = flow.inputs;
  if (!inputs || typeof inputs !== 'object') return defaults;
  for (const [name, input] of Object.entries(inputs)) {
    const value = input?.default;
    if (value !== undefined) Object.defineProperty(defaults, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return defaults;
}

function runtimeOf(options: SimulateOptions): SimulationRuntime {
  if (options.clock === undefined && !options.classifier && !options.intents && options.stepLimit === undefined && options.conversationId === undefined && options.channel === undefined) {
    return DEFAULT_RUNTIME;
  }
  return {
    clock: options.clock ?? DEFAULT_RUNTIME.clock,
    conversationId: options.conversationId ?? DEFAULT_RUNTIME.conversationId,
    channel: options.channel ?? DEFAULT_RUNTIME.channel,
    stepLimit: options.stepLimit ?? DEFAULT_RUNTIME.stepLimit,
    classifier: options.classifier,
    intents: options.intents,
  };
}

/**
 * Runs a conversation through a flow, offline. Pure: the same flow and options give the same trace, and the run
 * never throws: run-time problems end it with reason `error`.
 */
export function simulate(flow: FlowDefinition, options: SimulateOptions = {}): SimulationTrace {
  const runFlow = options.env ? withEnvironment(flow, options.env) : flow;
  const turns = customerTurns(options.transcript, options.messages);
  const runtime = runtimeOf(options);
  const opens = !options.startWithoutMessage && turns.length > 0 && 'text' in turns[0];
  const first = opens && 'text' in turns[0] ? turns[0].text : undefined;
  let next = opens ? 1 : 0;
  let state = initialState(runFlow.inputs || options.data ? { ...inputDefaults(runFlow), ...toVariables(options.data) } : {}, first);
  const recorder = new TraceRecorder(first);
  while (state.status !== 'ended') {
    let input: StepInput = { type: 'run' };
    if (state.status === 'waiting') {
      const turn = turns[next++];
      input = turn === undefined ? { type: 'endOfTranscript' } : 'timeout' in turn ? { type: 'timeout' } : { type: 'message', text: turn.text };
    }
    const result = step(runFlow, state, input, runtime);
    recorder.record(result.events);
    state = result.state;
  }
  const unread = turns.slice(Math.min(next, turns.length)).flatMap((turn) => ('text' in turn ? [turn.text] : []));
  const flowId = typeof runFlow.id === 'string' ? runFlow.id : '';
  return recorder.finish(flowId, state, unread);
}

/** The seed document's function: a transcript of `{from, text}` turns and initial data in, the trace out. */
export function simulateFlow(flow: FlowDefinition, transcript: TranscriptTurn[] = [], initialData: Record<string, unknown> = {}): SimulationTrace {
  return simulate(flow, { transcript, data: initialData });
}
