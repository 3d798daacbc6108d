// The `route` action: hand the conversation to a queue (its id resolved from parameters or the environment).
import type { RouteAction } from '../../flow/schema.js';
import type { ActionResolver } from './effect.js';

export const resolveRoute: ActionResolver<RouteAction> = (action, context) => {
  if (typeof action.queueId !== 'string') return { type: 'error', message: `route in node ${context.node} has no queueId` };
  const queueId = context.fill(action.queueId).trim();
  if (queueId === '') {
    return { type: 'error', message: `route in node ${context.node}: queueId "${action.queueId}" resolved to empty text; set the value it names` };
  }
  const queueName = typeof action.queueName === 'string' ? context.fill(action.queueName) : undefined;
  return queueName === undefined ? { type: 'route', queueId } : { type: 'route', queueId, queueName };
};
