// GCF006: every loop waits for the customer somewhere (a webchat node with waitForInput), or it would spin forever.
import type { Check } from '../check.js';
import { endsConversation, waitsForCustomer } from '../flow-model.js';
import { cycleThrough, isCyclic, stronglyConnectedComponents } from '../graph-algorithms.js';

const SHOWN = 6;

export const cycleWithoutWait: Check = {
  meta: {
    code: 'GCF006',
    name: 'cycle-without-wait',
    severity: 'error',
    description: 'A loop with no webchat waitForInput in it would run forever without the customer.',
    messages: {
      spins: 'the loop {{cycle}} never waits for the customer, so it would spin forever; add a webchat node with waitForInput to it, or break it',
    },
  },
  check(context) {
    const { model } = context;
    const graph = context.graph();
    // Loops through a wait (or through a node that ends the conversation) are fine: look for cycles among the other nodes.
    const free = new Uint8Array(graph.size);
    for (const entry of model.nodes) if (!waitsForCustomer(entry) && !endsConversation(entry)) free[entry.index] = 1;
    const within = (node: number): boolean => free[node] === 1;
    const { members } = stronglyConnectedComponents(graph, within);
    for (const component of members) {
      if (!isCyclic(graph, component)) continue;
      const first = component.reduce((a, b) => (b < a ? b : a));
      const cycle = cycleThrough(graph, first, within).map((node) => model.nodes[node].id);
      const text = cycle.length > SHOWN ? [...cycle.slice(0, SHOWN - 1), '...', cycle[cycle.length - 1]] : cycle;
      context.report({ messageId: 'spins', pointer: model.nodes[first].pointer, data: { cycle: text.join(' → ') } });
    }
  },
};
