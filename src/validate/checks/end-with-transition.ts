// GCF007: an end node has no transition (it would never be taken).
import type { Check } from '../check.js';

export const endWithTransition: Check = {
  meta: {
    code: 'GCF007',
    name: 'end-with-transition',
    severity: 'error',
    description: 'An end node ends the flow, so it must not have a transition.',
    messages: {
      transition: 'end node "{{id}}" has a transition, which is never taken; remove it, or change the node type if the flow should go on',
    },
  },
  check(context) {
    for (const entry of context.model.nodes) {
      if (entry.type === 'end' && entry.node.transition !== undefined) {
        context.report({ messageId: 'transition', pointer: context.pointerIn(entry.pointer, 'transition'), data: { id: entry.id } });
      }
    }
  },
};
