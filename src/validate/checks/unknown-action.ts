// GCF009: every action names a known action.
import type { Check } from '../check.js';
import { describeValue, isRecord } from '../flow-model.js';
import * as generated from '../flow-schema.generated.js';

const ACTION_NAMES = new Set((generated.vocabulary as { actionNames: string[] }).actionNames);

export const unknownAction: Check = {
  meta: {
    code: 'GCF009',
    name: 'unknown-action',
    severity: 'error',
    description: 'Every action has a known name: set, route, sendMessage, classify or disconnect.',
    messages: {
      missing: 'action {{index}} of node "{{id}}" has no name; set "name" to one of {{allowed}}',
      unknown: 'unknown action {{name}} in node "{{id}}"; use one of {{allowed}}',
    },
  },
  check(context) {
    const allowed = [...ACTION_NAMES].join(', ');
    for (const entry of context.model.nodes) {
      for (let index = 0; index < entry.actions.length; index++) {
        const action = entry.actions[index];
        if (!isRecord(action)) continue;
        if (typeof action.name === 'string' && ACTION_NAMES.has(action.name)) continue;
        const pointer = context.pointerIn(entry.pointer, 'actions', index, 'name');
        if (action.name === undefined) context.report({ messageId: 'missing', pointer, data: { id: entry.id, index, allowed } });
        else context.report({ messageId: 'unknown', pointer, data: { id: entry.id, name: describeValue(action.name), allowed } });
      }
    }
  },
};
