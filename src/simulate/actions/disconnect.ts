// The `disconnect` action: end the conversation (the run ends with reason `disconnected`).
import type { DisconnectAction } from '../../flow/schema.js';
import type { ActionResolver } from './effect.js';

export const resolveDisconnect: ActionResolver<DisconnectAction> = (action, context) =>
  typeof action.reason === 'string' ? { type: 'disconnect', reason: context.fill(action.reason) } : { type: 'disconnect' };
