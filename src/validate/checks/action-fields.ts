// GCF010: every action has the fields it needs (route a queueId, set a variable and value, classify intents, sendMessage text).
import { isRecord } from '../flow-model.js';
import type { Check } from '../check.js';

/** Fields an action cannot work without; `true` means an empty string counts as missing too. */
const REQUIRED: Record<string, Record<string, boolean>> = {
  set: { variable: true, value: false },
  route: { queueId: true },
  sendMessage: { text: false },
  classify: { intents: false },
};

const HINTS: Record<string, string> = {
  variable: 'the variable to set',
  value: 'the value (placeholders allowed)',
  queueId: 'the queue id, or a placeholder such as {billing_queue_id}',
  text: 'the message to send',
  intents: 'a map from intent name to keywords',
};

export const actionFields: Check = {
  meta: {
    code: 'GCF010',
    name: 'action-fields',
    severity: 'error',
    description: 'Every action has its required fields: route needs queueId, set needs variable and value, classify needs intents, sendMessage needs text.',
    messages: {
      missing: '{{action}} action in node "{{id}}" has no {{field}}; add "{{field}}": {{hint}}',
    },
  },
  check(context) {
    for (const entry of context.model.nodes) {
      for (let index = 0; index < entry.actions.length; index++) {
        const action = entry.actions[index];
        if (!isRecord(action)) continue;
        const required = typeof action.name === 'string' && Object.hasOwn(REQUIRED, action.name) ? REQUIRED[action.name] : undefined;
        if (!required) continue;
        for (const [field, nonEmpty] of Object.entries(required)) {
          const value = action[field];
          if (value !== undefined && value !== null && !(nonEmpty && value === '')) continue;
          context.report({
            messageId: 'missing',
            pointer: context.pointerIn(entry.pointer, 'actions', index, field),
            data: { action: String(action.name), id: entry.id, field, hint: HINTS[field] },
          });
        }
      }
    }
  },
};
