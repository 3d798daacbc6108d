// GCF008: every node except end has a transition (its next node, or its default branch).
import type { Check } from '../check.js';

const NEEDS_TRANSITION = new Set(['start', 'action', 'transition', 'webchat']);

export const missingTransition: Check = {
  meta: {
    code: 'GCF008',
    name: 'missing-transition',
    severity: 'error',
    description: 'Every node except an end node has a transition.',
    messages: {
      missing: '{{type}} node "{{id}}" has no transition; add "transition": "<next node id>" (use an end node to finish)',
      defaultBranch: 'transition node "{{id}}" has no default transition, taken when no condition matches; add "transition": "<node id>"',
    },
  },
  check(context) {
    for (const entry of context.model.nodes) {
      if (!entry.type || !NEEDS_TRANSITION.has(entry.type) || entry.node.transition !== undefined) continue;
      const messageId = entry.type === 'transition' ? 'defaultBranch' : 'missing';
      context.report({ messageId, pointer: context.pointerIn(entry.pointer, 'transition'), data: { id: entry.id, type: entry.type } });
    }
  },
};
