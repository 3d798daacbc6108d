// The `set` action: store a value (placeholders filled) in a flow variable.
import type { SetAction } from '../../flow/schema.js';
import type { ActionResolver } from './effect.js';

export const resolveSet: ActionResolver<SetAction> = (action, context) => {
  if (typeof action.variable !== 'string' || action.variable === '') return { type: 'error', message: `set in node ${context.node} names no variable` };
  const value = typeof action.value === 'string' ? context.fill(action.value) : action.value;
  if (value === undefined || value === null) return { type: 'error', message: `set ${action.variable} in node ${context.node} has no value` };
  return { type: 'set', variable: action.variable, value };
};
