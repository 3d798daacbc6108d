// GCF004: every node can be reached from start.
import type { Check } from '../check.js';
import { reachableFrom } from '../graph-algorithms.js';

export const unreachableNode: Check = {
  meta: {
    code: 'GCF004',
    name: 'unreachable-node',
    severity: 'warning',
    description: 'A node that no path from start leads to is dead: connect it or remove it.',
    messages: {
      unreachable: 'node "{{id}}" can never be reached from start; transition to it from another node or remove it',
    },
  },
  check(context) {
    const graph = context.graph();
    if (graph.start < 0) return; // GCF002 reports the missing start
    const reached = reachableFrom(graph, [graph.start]);
    for (const entry of context.model.nodes) {
      if (!reached[entry.index]) context.report({ messageId: 'unreachable', pointer: entry.pointer, data: { id: entry.id } });
    }
  },
};
