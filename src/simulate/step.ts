// The interpreter: a pure step function (flow, state, input) -> (state, events) that runs one node at a time.
import type { Action, Condition, FlowDefinition, FlowNode, NodeType } from '../flow/schema.js';
import { BUILT_IN_VARIABLES } from '../flow/placeholder.js';
import { resolveAction, type ActionContext } from './actions/index.js';
import type { IntentClassifier, IntentDefinitions } from './intents.js';
import { compileFlow, type CompiledFlow } from './compile.js';
import { CONDITION_EVALUATORS, describeCondition, isConditionOperator } from './conditions.js';
import { fixedClock, isoNow } from './clock.js';
import { summarizeEffect } from './effect-summary.js';
import type { BranchDecision, ConditionCheck, SimulationEvent } from './events.js';
import { SimulationRunError } from './run-error.js';
import {
  DEFAULT_CHANNEL,
  DEFAULT_CONVERSATION_ID,
  DEFAULT_STEP_LIMIT,
  type EndReason,
  type SimulationEnd,
  type SimulationRuntime,
  makeState,
  type SimulationState,
  type StepInput,
} from './state.js';
import type { VariableMap, VariableValue } from './variables.js';

export interface StepResult {
  state: SimulationState;
  events: SimulationEvent[];
}

export const DEFAULT_RUNTIME: SimulationRuntime = {
  clock: fixedClock(),
  conversationId: DEFAULT_CONVERSATION_ID,
  channel: DEFAULT_CHANNEL,
  stepLimit: DEFAULT_STEP_LIMIT,
};

const NODE_TYPES: ReadonlySet<string> = new Set<NodeType>(['start', 'action', 'transition', 'webchat', 'end']);
const BUILT_INS: ReadonlySet<string> = new Set(BUILT_IN_VARIABLES);

/**
 * What the actions of one node see (an ActionContext): names are read in the order a flow sees them (its variables,
 * then built-ins, then its parameters); `set` and `classify` update `variables` as the node's actions run.
 */
class Scope implements ActionContext {
  variables: VariableMap;
  readonly notes: string[] = [];
  readonly classifier: IntentClassifier;
  readonly intents: IntentDefinitions | undefined;
  private readonly compiled: CompiledFlow;
  private readonly state: SimulationState;
  private readonly runtime: SimulationRuntime;
  readonly node: string;

  constructor(compiled: CompiledFlow, state: SimulationState, runtime: SimulationRuntime, node: string) {
    this.classifier = runtime.classifier ?? compiled.classifier;
    this.intents = runtime.intents;
    this.compiled = compiled;
    this.state = state;
    this.runtime = runtime;
    this.node = node;
    this.variables = state.variables;
  }

  lookup(name: string): VariableValue | undefined {
    const value = this.variables.get(name);
    if (value !== undefined) return value;
    if (BUILT_INS.has(name)) return this.builtIn(name);
    return this.parameter(name);
  }

  fill(text: string): string {
    const template = this.compiled.template(text);
    if (typeof template === 'string') return template;
    let out = '';
    for (const part of template) {
      if (part.kind === 'text') out += part.text;
      else if (part.kind === 'env') {
        throw new SimulationRunError(`${part.raw} in node ${this.node} is not resolved; give ${part.name} in the environment, an --env-file or a --profile`);
      } else {
        const value = this.lookup(part.name);
        if (value === undefined) this.notes.push(`${part.raw} is not set, so it was left empty`);
        else out += String(value);
      }
    }
    return out;
  }

  private builtIn(name: string): string | undefined {
    switch (name) {
      case 'message':
        return this.state.message;
      case 'now':
        return isoNow(this.runtime.clock);
      case 'channel':
        return this.runtime.channel;
      case 'conversationId':
        return this.runtime.conversationId;
      default:
        return undefined;
    }
  }

  private parameter(name: string): string | undefined {
    const parameters = this.compiled.flow.environmentVariables;
    if (!parameters || !Object.hasOwn(parameters, name)) return undefined;
    const raw = parameters[name];
    if (typeof raw !== 'string') return undefined;
    const template = this.compiled.template(raw);
    if (typeof template !== 'string') {
      const env = template.find((part) => part.kind === 'env');
      if (env) {
        throw new SimulationRunError(
          `the flow parameter ${name} (used in node ${this.node}) needs ${env.raw}, which is not resolved; give ${env.name} in the environment, an --env-file or a --profile`,
        );
      }
    }
    return raw;
  }
}

function ended(state: SimulationState, events: SimulationEvent[], end: SimulationEnd, variables = state.variables): StepResult {
  events.push({ type: 'ended', end });
  return { state: makeState('ended', end.node, variables, state.message, state.routedTo, state.queueName, state.stepCount, state.trail, end), events };
}

/** Run-time errors end the run; anything else (a plugged-in classifier or clock that throws) is reported the same way. */
function errorMessage(error: unknown): string {
  if (error instanceof SimulationRunError) return error.message;
  return `the run failed: ${error instanceof Error ? error.message : String(error)}`;
}

function endFor(reason: EndReason, node: string, message?: string): SimulationEnd {
  return message === undefined ? { reason, node } : { reason, node, message };
}

/** The repeating cycle that ends at `next` (the node that would run once more), from the trail of nodes run. */
export function findLoop(state: SimulationState, next: string): string[] | undefined {
  const cycle: string[] = [];
  for (let cell = state.trail; cell; cell = cell.previous) {
    cycle.push(cell.node);
    if (cell.node === next) return [...cycle.reverse(), next];
  }
  return undefined;
}

function stepLimitEnd(state: SimulationState, limit: number): SimulationEnd {
  const loop = findLoop(state, state.node);
  if (!loop) {
    return { reason: 'step-limit', node: state.node, message: `the step limit (${limit}) was reached without a loop; the path is long, so raise the step limit` };
  }
  return { reason: 'step-limit', node: state.node, message: `the step limit (${limit}) was reached: the flow loops through ${loop.join(' → ')} without waiting for the customer`, loop };
}

function evaluateBranch(compiled: CompiledFlow, scope: Scope, node: string, conditions: readonly Condition[], otherwise: string): BranchDecision {
  const checks: ConditionCheck[] = [];
  for (let index = 0; index < conditions.length; index++) {
    const condition = conditions[index];
    if (!condition || typeof condition !== 'object' || typeof condition.variable !== 'string') {
      throw new SimulationRunError(`condition ${index} of node ${node} names no variable`);
    }
    if (!isConditionOperator(condition.condition)) {
      throw new SimulationRunError(`condition ${index} of node ${node} has an unknown operator ${JSON.stringify(condition.condition ?? null)}`);
    }
    const ignoreCase = condition.ignoreCase === true;
    let regex: RegExp | undefined;
    let expected = condition.value;
    if (condition.condition === 'matches') {
      const compiledRegex = compiled.regex(String(condition.value ?? ''), ignoreCase);
      if (compiledRegex instanceof SyntaxError) {
        throw new SimulationRunError(`condition ${index} of node ${node} (${describeCondition(condition)}) has an invalid regex: ${compiledRegex.message}`);
      }
      regex = compiledRegex;
    } else if (typeof expected === 'string') expected = scope.fill(expected);
    const actual = scope.lookup(condition.variable);
    const verdict = CONDITION_EVALUATORS[condition.condition]({ name: condition.variable, actual, expected, ignoreCase, regex });
    let why = verdict.why;
    if (actual === undefined && !compiled.assignedVariables().has(condition.variable) && !BUILT_INS.has(condition.variable)) {
      why += ` (nothing in this flow sets ${condition.variable}; give it as initial data)`;
    }
    const check: ConditionCheck = { index, condition: compiled.describe(condition), variable: condition.variable, result: verdict.result, why };
    if (actual !== undefined) check.actual = actual;
    checks.push(check);
    if (verdict.result) {
      return { checks, taken: index, target: condition.transition, why: `condition ${index} matched: ${check.condition}, because ${why}` };
    }
  }
  const facts = [...new Set(checks.map((check) => check.why))].join('; ');
  const why = conditions.length === 0 ? 'the node has no conditions, so the default branch was taken' : `no condition matched (${facts}), so the default branch was taken`;
  return { checks, taken: 'default', target: otherwise, why };
}

/** Resolves and applies the actions of an action node. Returns the end when an action ends the run. */
function runActions(
  actions: readonly Action[],
  scope: Scope,
  node: string,
  events: SimulationEvent[],
  route: { routedTo: string | null; queueName?: string },
): SimulationEnd | undefined {
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index];
    const effect = resolveAction(action, scope);
    const name = typeof action?.name === 'string' ? action.name : 'unknown';
    for (const text of scope.notes.splice(0)) events.push({ type: 'note', node, text });
    events.push({ type: 'actionResolved', node, index, action: name, effect, summary: summarizeEffect(effect) });
    switch (effect.type) {
      case 'set':
        scope.variables = scope.variables.with(effect.variable, effect.value);
        break;
      case 'send':
        events.push({ type: 'messageSent', node, text: effect.text });
        break;
      case 'route':
        route.routedTo = effect.queueId;
        route.queueName = effect.queueName;
        break;
      case 'classify':
        scope.variables = effect.intent === undefined ? scope.variables.without(effect.variable) : scope.variables.with(effect.variable, effect.intent);
        break;
      case 'disconnect':
        return effect.reason ? { reason: 'disconnected', node, message: effect.reason } : { reason: 'disconnected', node };
      case 'error':
        return { reason: 'error', node, message: effect.message };
    }
  }
  return undefined;
}

/** The running state at the next node. */
function moved(state: SimulationState, node: string): SimulationState {
  return makeState('running', node, state.variables, state.message, state.routedTo, state.queueName, state.stepCount, state.trail, undefined);
}

function transitionTarget(node: FlowNode, id: string): string {
  const target = (node as { transition?: unknown }).transition;
  if (typeof target !== 'string' || target === '') throw new SimulationRunError(`node ${id} has no transition`);
  return target;
}

function moveTo(compiled: CompiledFlow, from: string, to: string, events: SimulationEvent[]): void {
  if (!Object.hasOwn(compiled.flow.nodes, to)) throw new SimulationRunError(`node ${from} transitions to "${to}", which does not exist`);
  events.push({ type: 'transitioned', from, to });
}

/** Consumes customer input at a waiting node. */
function answer(compiled: CompiledFlow, state: SimulationState, input: StepInput): StepResult {
  const events: SimulationEvent[] = [];
  const id = state.node;
  const node = compiled.flow.nodes[id];
  const wait = node?.type === 'webchat' ? node.waitForInput : undefined;
  if (!node || !wait) return ended(state, events, { reason: 'error', node: id, message: `node ${id} is not waiting for the customer` });
  try {
    if (input.type === 'message') {
      events.push({ type: 'inputReceived', node: id, variable: wait.variable, text: input.text });
      const next = transitionTarget(node, id);
      moveTo(compiled, id, next, events);
      const variables = state.variables.with(wait.variable, input.text);
      return { state: makeState('running', next, variables, input.text, state.routedTo, state.queueName, state.stepCount, state.trail, undefined), events };
    }
    if (input.type === 'timeout') {
      if (typeof wait.timeoutTransition === 'string' && wait.timeoutTransition !== '') {
        events.push({ type: 'inputTimedOut', node: id, target: wait.timeoutTransition });
        moveTo(compiled, id, wait.timeoutTransition, events);
        return { state: makeState('running', wait.timeoutTransition, state.variables, state.message, state.routedTo, state.queueName, state.stepCount, state.trail, undefined), events };
      }
      return ended(state, events, endFor('waiting-for-input', id, `the customer stayed silent at node ${id}, which has no timeoutTransition`));
    }
  } catch (error) {
    return ended(state, events, { reason: 'error', node: id, message: errorMessage(error) });
  }
  return ended(state, events, endFor('waiting-for-input', id, `node ${id} waits for the customer's reply (into ${wait.variable}), and the transcript has no more messages`));
}

/**
 * Advances a run by one step: runs the current node (all its actions, its branch or its message), or, when the state
 * waits for the customer, consumes the input. Pure: the state passed in is not changed; run-time errors end the run
 * with reason `error` instead of throwing.
 */
export function step(flow: FlowDefinition, state: SimulationState, input: StepInput = { type: 'run' }, runtime: SimulationRuntime = DEFAULT_RUNTIME): StepResult {
  if (state.status === 'ended') return { state, events: [] };
  const compiled = compileFlow(flow);
  if (!compiled.flow.nodes || typeof compiled.flow.nodes !== 'object') {
    return ended(state, [], { reason: 'error', node: state.node, message: 'the flow has no nodes' });
  }
  if (state.status === 'waiting') return answer(compiled, state, input);

  const events: SimulationEvent[] = [];
  const id = state.node;
  if (state.stepCount >= runtime.stepLimit) return ended(state, events, stepLimitEnd(state, runtime.stepLimit));
  const node = Object.hasOwn(flow.nodes, id) ? flow.nodes[id] : undefined;
  if (!node || typeof node !== 'object' || !NODE_TYPES.has(node.type)) {
    const message = !node
      ? id === 'start'
        ? 'the flow has no start node; add a node with id start and type start'
        : `there is no node "${id}"`
      : `node ${id} has an unknown type ${JSON.stringify((node as { type?: unknown }).type ?? null)}`;
    return ended(state, events, { reason: 'error', node: id, message });
  }
  const stepCount = state.stepCount + 1;
  const trail = { node: id, previous: state.trail };
  const current = makeState('running', id, state.variables, state.message, state.routedTo, state.queueName, stepCount, trail, undefined);
  events.push({ type: 'nodeEntered', node: id, nodeType: node.type, step: stepCount });

  const scope = new Scope(compiled, current, runtime, id);
  try {
    switch (node.type) {
      case 'start': {
        const next = transitionTarget(node, id);
        moveTo(compiled, id, next, events);
        return { state: moved(current, next), events };
      }
      case 'action': {
        const route: { routedTo: string | null; queueName?: string } = { routedTo: current.routedTo, queueName: current.queueName };
        const actions = Array.isArray(node.actions) ? node.actions : [];
        const end = runActions(actions, scope, id, events, route);
        const after = makeState('running', id, scope.variables, current.message, route.routedTo, route.queueName, stepCount, trail, undefined);
        if (end) return ended(after, events, end, scope.variables);
        const next = transitionTarget(node, id);
        moveTo(compiled, id, next, events);
        return { state: makeState('running', next, after.variables, after.message, after.routedTo, after.queueName, stepCount, trail, undefined), events };
      }
      case 'transition': {
        const conditions = Array.isArray(node.conditions) ? node.conditions : [];
        const decision = evaluateBranch(compiled, scope, id, conditions, (node as { transition?: string }).transition ?? '');
        for (const text of scope.notes.splice(0)) events.push({ type: 'note', node: id, text });
        events.push({ type: 'branchTaken', node: id, decision });
        if (typeof decision.target !== 'string' || decision.target === '') {
          throw new SimulationRunError(decision.taken === 'default' ? `node ${id} has no default transition` : `condition ${decision.taken} of node ${id} has no transition`);
        }
        moveTo(compiled, id, decision.target, events);
        return { state: moved(current, decision.target), events };
      }
      case 'webchat': {
        if (typeof node.message === 'string') {
          const text = scope.fill(node.message);
          for (const note of scope.notes.splice(0)) events.push({ type: 'note', node: id, text: note });
          events.push({ type: 'messageSent', node: id, text });
        }
        const wait = node.waitForInput;
        if (wait) {
          if (typeof wait.variable !== 'string' || wait.variable === '') throw new SimulationRunError(`node ${id} waits for input but names no variable`);
          events.push({ type: 'inputAwaited', node: id, variable: wait.variable });
          return { state: makeState('waiting', id, current.variables, current.message, current.routedTo, current.queueName, stepCount, trail, undefined), events };
        }
        const next = transitionTarget(node, id);
        moveTo(compiled, id, next, events);
        return { state: moved(current, next), events };
      }
      case 'end': {
        const reason: EndReason = current.routedTo !== null ? 'routed' : 'ended';
        return ended(current, events, endFor(reason, id));
      }
    }
  } catch (error) {
    for (const text of scope.notes.splice(0)) events.push({ type: 'note', node: id, text });
    return ended(makeState('running', id, scope.variables, current.message, current.routedTo, current.queueName, stepCount, trail, undefined), events, { reason: 'error', node: id, message: errorMessage(error) });
  }
  return ended(current, events, { reason: 'error', node: id, message: `node ${id} cannot be run` });
}
