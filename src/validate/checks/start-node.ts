// GCF002: the flow has a node with id `start` of type start, and no other node of type start.
import type { Check } from '../check.js';
import { describeValue, isRecord } from '../flow-model.js';

export const startNode: Check = {
  meta: {
    code: 'GCF002',
    name: 'start-node',
    severity: 'error',
    description: 'The flow has a node with id "start" and type start, and only that node has type start.',
    messages: {
      missing: 'the flow has no "start" node; add one: "start": { "type": "start", "transition": "<first node>" }',
      wrongType: 'the "start" node has type {{type}}; its type must be "start" (move its work to a node it transitions to)',
      extraStart: 'node "{{id}}" has type start but only the node with id "start" is an entry; rename it to "start" or change its type',
    },
  },
  check(context) {
    const { model } = context;
    if (!isRecord(model.data.nodes)) return; // the schema check reports a missing or malformed nodes map
    const index = model.indexOf.get('start');
    if (index === undefined) {
      context.report({ messageId: 'missing', pointer: '/nodes' });
    } else {
      const start = model.nodes[index];
      if (start.type !== 'start' && start.node.type !== undefined) {
        context.report({ messageId: 'wrongType', pointer: context.pointerIn(start.pointer, 'type'), data: { type: describeValue(start.node.type) } });
      }
    }
    for (const entry of model.nodes) {
      if (entry.type === 'start' && entry.id !== 'start') {
        context.report({ messageId: 'extraStart', pointer: context.pointerIn(entry.pointer, 'type'), data: { id: entry.id } });
      }
    }
  },
};
