// GCF017: every node has a known type.
import type { Check } from '../check.js';
import { describeValue } from '../flow-model.js';
import * as generated from '../flow-schema.generated.js';

const NODE_TYPES = new Set((generated.vocabulary as { nodeTypes: string[] }).nodeTypes);

export const nodeType: Check = {
  meta: {
    code: 'GCF017',
    name: 'node-type',
    severity: 'error',
    description: 'Every node has a type: start, action, transition, webchat or end.',
    messages: {
      notObject: 'node "{{id}}" must be an object with a "type" (one of {{allowed}}), not {{value}}',
      missing: 'node "{{id}}" has no type; set "type" to one of {{allowed}}',
      unknown: 'node "{{id}}" has the unknown type {{type}}; use one of {{allowed}}',
    },
  },
  check(context) {
    const allowed = [...NODE_TYPES].join(', ');
    for (const entry of context.model.nodes) {
      const type = entry.node.type;
      if (typeof type === 'string' && NODE_TYPES.has(type)) continue;
      if (!entry.isObject) {
        const value = context.model.data.nodes && (context.model.data.nodes as Record<string, unknown>)[entry.id];
        context.report({ messageId: 'notObject', pointer: entry.pointer, data: { id: entry.id, allowed, value: describeValue(value) } });
        continue;
      }
      const pointer = context.pointerIn(entry.pointer, 'type');
      if (type === undefined) context.report({ messageId: 'missing', pointer, data: { id: entry.id, allowed } });
      else context.report({ messageId: 'unknown', pointer, data: { id: entry.id, type: describeValue(type), allowed } });
    }
  },
};
