// Short human text for a flow's pieces (conditions, actions, waits), shared by every diagram format.
import type { Action, Condition, FlowNode, WaitForInput } from '../flow/schema.js';

/** Longest piece of user text shown inside a diagram label; the rest is in the HTML details panel. */
export const MAX_LABEL_CHARS = 40;

/** Cuts `text` to `max` characters with an ellipsis, and folds line breaks and tabs into spaces. */
export function shorten(text: string, max = MAX_LABEL_CHARS): string {
  const flat = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ');
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

function showValue(value: unknown): string {
  if (value === undefined) return '(no value)';
  if (typeof value === 'string') return value.trim() === '' ? JSON.stringify(value) : value;
  return String(value);
}

/** `intent equals billing`, `answer matches /^[0-9]+$/`, `intent exists`, `(ignore case)` when set. */
export function conditionSummary(condition: Condition, max = MAX_LABEL_CHARS): string {
  const operator = String(condition.condition);
  let text: string;
  if (operator === 'exists' || operator === 'notExists') text = `${condition.variable} ${operator}`;
  else if (operator === 'matches') text = `${condition.variable} matches /${String(condition.value ?? '')}/`;
  else text = `${condition.variable} ${operator} ${showValue(condition.value)}`;
  if (condition.ignoreCase) text += ' (ignore case)';
  return shorten(text, max);
}

/** One short line for an action: `set channel = webchat`, `route → {billing_queue_id}`, `say "Hi"`. */
export function actionSummary(action: Action, max = MAX_LABEL_CHARS): string {
  const named = action as Action & Record<string, unknown>;
  switch (action.name) {
    case 'set':
      return shorten(`set ${action.variable} = ${showValue(action.value)}`, max);
    case 'route':
      return shorten(`route → ${action.queueName ?? action.queueId}`, max);
    case 'sendMessage':
      return shorten(`say "${action.text}"`, max);
    case 'classify':
      return shorten(`classify → ${action.variable ?? 'intent'} (${Object.keys(action.intents ?? {}).join(', ')})`, max);
    case 'disconnect':
      return shorten(action.reason ? `disconnect (${action.reason})` : 'disconnect', max);
    default:
      return shorten(String(named.name ?? 'unknown action'), max);
  }
}

/** `wait → answer (30s)`. */
export function waitSummary(wait: WaitForInput, max = MAX_LABEL_CHARS): string {
  const timeout = wait.timeoutSeconds !== undefined ? ` (${wait.timeoutSeconds}s)` : '';
  return shorten(`wait → ${wait.variable}${timeout}`, max);
}

export interface NodeText {
  /** The node's label, else its id. */
  title: string;
  /** The id, when the title is a label that differs from it. */
  subtitle?: string;
  /** A line per action, message and wait (at most `maxLines`, the last saying how many more). */
  body: string[];
}

/** What a diagram shows inside a node: its name, then what it does. */
export function nodeText(id: string, node: FlowNode, maxBody = 3): NodeText {
  const labelled = typeof node.label === 'string' && node.label !== '' && node.label !== id;
  const body: string[] = [];
  if (node.type === 'action') for (const action of Array.isArray(node.actions) ? node.actions : []) body.push(actionSummary(action));
  if (node.type === 'webchat') {
    if (node.message !== undefined) body.push(shorten(`"${node.message}"`));
    if (node.waitForInput) body.push(waitSummary(node.waitForInput));
  }
  if (body.length > maxBody) body.splice(maxBody - 1, body.length, `… ${body.length - (maxBody - 1)} more`);
  return labelled ? { title: shorten(node.label!), subtitle: shorten(id), body } : { title: shorten(id), body };
}

/** The same as text lines, for the text formats: `Label (id)` first, then the body. */
export function nodeLines(text: NodeText): string[] {
  return [text.subtitle !== undefined ? `${text.title} (${text.subtitle})` : text.title, ...text.body];
}
