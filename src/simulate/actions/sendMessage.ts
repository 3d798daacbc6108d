// The `sendMessage` action: send text (placeholders filled) to the customer.
import type { SendMessageAction } from '../../flow/schema.js';
import type { ActionResolver } from './effect.js';

export const resolveSendMessage: ActionResolver<SendMessageAction> = (action, context) => {
  if (typeof action.text !== 'string') return { type: 'error', message: `sendMessage in node ${context.node} has no text` };
  return { type: 'send', text: context.fill(action.text) };
};
