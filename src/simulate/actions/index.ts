// The action registry: each action name to its pure resolver (adding an action = a resolver file + a testdata file).
import type { Action, ActionName } from '../../flow/schema.js';
import type { ActionContext, ActionEffect, ActionResolver } from './effect.js';
import { resolveClassify } from './classify.js';
import { resolveDisconnect } from './disconnect.js';
import { resolveRoute } from './route.js';
import { resolveSendMessage } from './sendMessage.js';
import { resolveSet } from './set.js';

export type { ActionContext, ActionEffect, ActionResolver } from './effect.js';

type Resolvers = { [N in ActionName]: ActionResolver<Extract<Action, { name: N }>> };

export const ACTION_RESOLVERS: Readonly<Resolvers> = {
  set: resolveSet,
  route: resolveRoute,
  sendMessage: resolveSendMessage,
  classify: resolveClassify,
  disconnect: resolveDisconnect,
};

/** Resolves any action; an unknown name (an unvalidated flow) is an error effect, not an exception. */
export function resolveAction(action: Action, context: ActionContext): ActionEffect {
  const name = (action as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || !Object.hasOwn(ACTION_RESOLVERS, name)) {
    return { type: 'error', message: `node ${context.node} has an unknown action ${JSON.stringify(name ?? null)}; use one of ${Object.keys(ACTION_RESOLVERS).join(', ')}` };
  }
  return (ACTION_RESOLVERS[name as ActionName] as ActionResolver<Action>)(action, context);
}
