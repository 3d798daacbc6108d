// The result of a simulation: the trace (path, end, route, messages, variables, steps) and how it is built from events.
import type { NodeType } from '../flow/schema.js';
import type { ActionEffect } from './actions/effect.js';
import type { BranchDecision, SimulationEvent } from './events.js';
import type { SimulationEnd, SimulationState } from './state.js';
import type { VariableValue } from './variables.js';

export interface FlowMessage {
  from: 'flow';
  text: string;
  node: string;
}

/** A line of the conversation as a chat: the customer's messages (or silence) and the flow's. */
export interface ConversationTurn {
  from: 'customer' | 'flow';
  text: string;
  /** The node that sent it, or that read it. */
  node?: string;
  /** The customer stayed silent past the wait's timeout. */
  timeout?: true;
}

export interface TraceAction {
  index: number;
  action: string;
  effect: ActionEffect;
  /** `set timestamp = "2024-01-01T09:00:00.000Z"`. */
  summary: string;
}

/** One node run: what its actions did, why it branched, what it sent and read, where it went. */
export interface TraceStep {
  node: string;
  type: NodeType;
  actions?: TraceAction[];
  branch?: BranchDecision;
  sent?: string[];
  /** The variable a customer wait stored the reply in, and the reply (absent when the run ended waiting). */
  waitedFor?: string;
  received?: string;
  timedOut?: true;
  notes?: string[];
  next?: string;
}

export interface SimulationTrace {
  flowId: string;
  /** Node ids in the order they ran. */
  path: string[];
  end: SimulationEnd;
  /** The queue id the conversation was handed to, or null. */
  routedTo: string | null;
  queueName?: string;
  /** What the flow sent to the customer. */
  messages: FlowMessage[];
  conversation: ConversationTurn[];
  /** Final variables (initial data, `set`, `classify`, customer replies). */
  variables: Record<string, VariableValue>;
  steps: TraceStep[];
  /** Customer messages the run never read (it ended first). */
  unreadMessages: string[];
}

/** Folds step events into a trace as a run goes. */
export class TraceRecorder {
  readonly path: string[] = [];
  readonly messages: FlowMessage[] = [];
  readonly conversation: ConversationTurn[] = [];
  readonly steps: TraceStep[] = [];
  private current: TraceStep | undefined;

  constructor(openingMessage: string | undefined) {
    if (openingMessage !== undefined) this.conversation.push({ from: 'customer', text: openingMessage, node: 'start' });
  }

  record(events: readonly SimulationEvent[]): void {
    for (const event of events) {
      const step = this.current;
      switch (event.type) {
        case 'nodeEntered':
          this.path.push(event.node);
          this.current = { node: event.node, type: event.nodeType };
          this.steps.push(this.current);
          break;
        case 'actionResolved':
          if (step) (step.actions ??= []).push({ index: event.index, action: event.action, effect: event.effect, summary: event.summary });
          break;
        case 'messageSent':
          this.messages.push({ from: 'flow', text: event.text, node: event.node });
          this.conversation.push({ from: 'flow', text: event.text, node: event.node });
          if (step) (step.sent ??= []).push(event.text);
          break;
        case 'branchTaken':
          if (step) step.branch = event.decision;
          break;
        case 'inputAwaited':
          if (step) step.waitedFor = event.variable;
          break;
        case 'inputReceived':
          this.conversation.push({ from: 'customer', text: event.text, node: event.node });
          if (step) step.received = event.text;
          break;
        case 'inputTimedOut':
          this.conversation.push({ from: 'customer', text: '', node: event.node, timeout: true });
          if (step) step.timedOut = true;
          break;
        case 'transitioned':
          if (step) step.next = event.to;
          break;
        case 'note':
          if (step) (step.notes ??= []).push(event.text);
          break;
        case 'ended':
          break;
      }
    }
  }

  finish(flowId: string, state: SimulationState, unreadMessages: string[]): SimulationTrace {
    const end = state.end ?? { reason: 'error' as const, node: state.node, message: 'the run did not end' };
    const trace: SimulationTrace = {
      flowId,
      path: this.path,
      end,
      routedTo: state.routedTo,
      messages: this.messages,
      conversation: this.conversation,
      variables: state.variables.toObject(),
      steps: this.steps,
      unreadMessages,
    };
    if (state.queueName !== undefined) trace.queueName = state.queueName;
    return trace;
  }
}
