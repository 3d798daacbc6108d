// GCF005: from every node some path leads to an end (an end node, or an action that routes or disconnects).
import type { Check } from '../check.js';
import { endsConversation } from '../flow-model.js';
import { reachableFrom, reverseAdjacency } from '../graph-algorithms.js';

const KNOWN_TYPES = new Set(['start', 'action', 'transition', 'webchat', 'end']);

export const noPathToEnd: Check = {
  meta: {
    code: 'GCF005',
    name: 'no-path-to-end',
    severity: 'error',
    description: 'From every node some path leads to an end node (or to a route or disconnect action).',
    messages: {
      trapped: 'no end can be reached from node "{{id}}": every path from it loops forever; add a transition (or a condition) that leads to an end node',
    },
  },
  check(context) {
    const { model } = context;
    const graph = context.graph();
    const finishing: number[] = [];
    for (const entry of model.nodes) {
      // A node of unknown type or without a transition is reported by GCF017/GCF008; do not guess where it leads.
      const unknown = !entry.type || !KNOWN_TYPES.has(entry.type) || (entry.type !== 'end' && typeof entry.node.transition !== 'string');
      if (unknown || endsConversation(entry)) finishing.push(entry.index);
    }
    // A transition to a missing node is reported by GCF003; not knowing where it goes, do not call its node trapped too.
    for (const transition of graph.brokenTransitions) finishing.push(transition.from);
    const canFinish = reachableFrom(reverseAdjacency(graph), finishing);
    // Nodes that start cannot reach are reported by GCF004 instead.
    const reached = graph.start >= 0 ? reachableFrom(graph, [graph.start]) : undefined;
    for (const entry of model.nodes) {
      if (canFinish[entry.index] || (reached && !reached[entry.index])) continue;
      context.report({ messageId: 'trapped', pointer: entry.pointer, data: { id: entry.id } });
    }
  },
};
