// One line per change in the seed document's style (`Node added: x`, `Version updated: 1 -> 2`), and generateFlowDiff.
import type { FlowDefinition } from '../flow/schema.js';
import type { ChangedField, FlowChange } from './change.js';
import { diffFlows } from './diff-flows.js';
import { isPlainObject } from './json-value.js';

/** A value as it reads in a line: strings quoted, absent as (none). */
export function formatValue(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}

/** A node id, a status, a type or a version as it reads in a line: bare, unless it holds spaces, quotes or control characters. */
export function bare(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && value !== '' && !/[\s"\\\p{Cc}]/u.test(value)) return value;
  return JSON.stringify(value);
}

/** A condition as one phrase: `intent equals "billing" -> billing_queue`. */
export function formatDiffCondition(condition: unknown): string {
  if (!isPlainObject(condition)) return formatValue(condition);
  const value = condition.value === undefined ? '' : ` ${formatValue(condition.value)}`;
  const ignoreCase = condition.ignoreCase === true ? ' (ignoring case)' : '';
  return `${bare(condition.variable)} ${bare(condition.condition)}${value}${ignoreCase} -> ${bare(condition.transition)}`;
}

/** An action as one phrase: `set channel = "webchat"`, `route "queue-1"`, `sendMessage "Hi"`. */
export function formatDiffAction(action: unknown): string {
  if (!isPlainObject(action)) return formatValue(action);
  const { name, ...rest } = action;
  switch (name) {
    case 'set':
      return `set ${bare(action.variable)} = ${formatValue(action.value)}`;
    case 'route':
      return `route ${formatValue(action.queueId)}${action.queueName === undefined ? '' : ` (${formatValue(action.queueName)})`}`;
    case 'sendMessage':
      return `sendMessage ${formatValue(action.text)}`;
    case 'disconnect':
      return action.reason === undefined ? 'disconnect' : `disconnect ${formatValue(action.reason)}`;
    case 'classify': {
      const intents = isPlainObject(action.intents) ? Object.keys(action.intents).join(', ') : '';
      return `classify ${bare(action.variable ?? 'intent')} (${intents})`;
    }
    default:
      return `${bare(name)} ${JSON.stringify(rest)}`;
  }
}

function formatWait(wait: unknown): string {
  if (!isPlainObject(wait)) return formatValue(wait);
  const parts = [`into ${bare(wait.variable)}`];
  if (wait.timeoutSeconds !== undefined) parts.push(`timeout ${bare(wait.timeoutSeconds)}s`);
  if (wait.timeoutTransition !== undefined) parts.push(`on timeout -> ${bare(wait.timeoutTransition)}`);
  return parts.join(', ');
}

/** `queueId: "x" -> "y", queueName: (none) -> "Billing"`. */
export function formatFields(fields: ChangedField[]): string {
  return fields.map((field) => `${field.field}: ${formatValue(field.before)} -> ${formatValue(field.after)}`).join(', ');
}

const FLOW_FIELD_LINES: Record<string, (before: unknown, after: unknown) => string> = {
  version: (a, b) => `Version updated: ${bare(a)} -> ${bare(b)}`,
  status: (a, b) => `Status changed: ${bare(a)} -> ${bare(b)}`,
  name: (a, b) => `Name changed: ${formatValue(a)} -> ${formatValue(b)}`,
  id: (a, b) => `Flow id changed: ${bare(a)} -> ${bare(b)}`,
  type: (a, b) => `Flow type changed: ${bare(a)} -> ${bare(b)}`,
  division: (a, b) => `Division changed: ${bare(a)} -> ${bare(b)}`,
  description: (a, b) => `Description changed: ${formatValue(a)} -> ${formatValue(b)}`,
};

/** The one-line description of a change. */
export function describeChange(change: FlowChange): string {
  switch (change.kind) {
    case 'flow-field-changed': {
      const line = Object.hasOwn(FLOW_FIELD_LINES, change.field) ? FLOW_FIELD_LINES[change.field] : undefined;
      return line ? line(change.before, change.after) : `Flow field changed: ${change.field}: ${formatValue(change.before)} -> ${formatValue(change.after)}`;
    }
    case 'input-added':
      return `Input added: ${change.key} = ${formatValue(change.after)}`;
    case 'input-removed':
      return `Input removed: ${change.key}`;
    case 'input-changed':
      return `Input changed: ${change.key}: ${formatValue(change.before)} -> ${formatValue(change.after)}`;
    case 'environment-variable-added':
      return `Environment variable added: ${change.key} = ${formatValue(change.after)}`;
    case 'environment-variable-removed':
      return `Environment variable removed: ${change.key}`;
    case 'environment-variable-changed':
      return `Environment variable changed: ${change.key}: ${formatValue(change.before)} -> ${formatValue(change.after)}`;
    case 'setting-added':
      return `Application setting added: ${change.key} = ${formatValue(change.after)}`;
    case 'setting-removed':
      return `Application setting removed: ${change.key}`;
    case 'setting-changed':
      return `Application setting changed: ${change.key}: ${formatValue(change.before)} -> ${formatValue(change.after)}`;
    case 'node-added':
      return `Node added: ${change.nodeId}`;
    case 'node-removed':
      return `Node removed: ${change.nodeId}`;
    case 'node-renamed':
      return `Node renamed: ${change.fromId} -> ${change.nodeId}`;
    case 'node-type-changed':
      return `Node type changed: ${change.nodeId} (${bare(change.before)} -> ${bare(change.after)})`;
    case 'node-field-changed':
      return `Node changed: ${change.nodeId}${change.field ? ` ${change.field}` : ''}: ${formatValue(change.before)} -> ${formatValue(change.after)}`;
    case 'message-changed':
      return `Message changed: ${change.nodeId}: ${formatValue(change.before)} -> ${formatValue(change.after)}`;
    case 'wait-for-input-added':
      return `Wait for input added: ${change.nodeId} ${formatWait(change.after)}`;
    case 'wait-for-input-removed':
      return `Wait for input removed: ${change.nodeId}`;
    case 'wait-for-input-changed':
      return `Wait for input changed: ${change.nodeId} ${formatFields(change.fields ?? [])}`;
    case 'transition-changed': {
      const where = change.slot === 'condition' ? `${change.nodeId}[${change.index}]` : change.slot === 'timeout' ? `${change.nodeId} (timeout)` : change.nodeId;
      return `Transition changed: ${where}: ${bare(change.before)} -> ${bare(change.after)}`;
    }
    case 'condition-added':
      return `Condition added: ${change.nodeId}[${change.index}] ${formatDiffCondition(change.after)}`;
    case 'condition-removed':
      return `Condition removed: ${change.nodeId}[${change.index}] ${formatDiffCondition(change.before)}`;
    case 'condition-changed':
      return `Condition changed: ${change.nodeId}[${change.index}] ${formatFields(change.fields ?? [])}`;
    case 'condition-moved':
      return `Condition moved: ${change.nodeId}[${change.fromIndex} -> ${change.index}] ${formatDiffCondition(change.after)}`;
    case 'action-added':
      return `Action added: ${change.nodeId}[${change.index}] ${formatDiffAction(change.after)}`;
    case 'action-removed':
      return `Action removed: ${change.nodeId}[${change.index}] ${formatDiffAction(change.before)}`;
    case 'action-changed':
      return `Action changed: ${change.nodeId}[${change.index}] ${formatFields(change.fields ?? [])}`;
    case 'action-moved':
      return `Action moved: ${change.nodeId}[${change.fromIndex} -> ${change.index}] ${formatDiffAction(change.after)}`;
  }
}

/** The seed document's diff: one line per change, in diffFlows order. */
export function generateFlowDiff(oldFlow: FlowDefinition, newFlow: FlowDefinition): string[] {
  return diffFlows(oldFlow, newFlow).map(describeChange);
}
