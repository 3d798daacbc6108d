// GCF003: every transition (default, condition and waitForInput timeout) names a node that exists.
import type { Check } from '../check.js';
import { transitionPath } from '../flow-graph.js';

export const transitionTarget: Check = {
  meta: {
    code: 'GCF003',
    name: 'transition-target',
    severity: 'error',
    description: 'Every transition, condition transition and timeoutTransition names an existing node.',
    messages: {
      missing: 'node "{{from}}" transitions to "{{target}}", but there is no node "{{target}}"; add that node or fix the id',
    },
  },
  check(context) {
    const { model } = context;
    for (const transition of context.graph().brokenTransitions) {
      const from = model.nodes[transition.from];
      context.report({ messageId: 'missing', pointer: context.pointerIn(from.pointer, ...transitionPath(transition)), data: { from: from.id, target: transition.target } });
    }
  },
};
