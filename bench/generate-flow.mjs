// Generates large, valid flows for benchmarks: segments that ask, branch, loop back through a customer wait, act and route.

/** A flow of about `nodeCount` nodes (a multiple of 5, plus start and done). */
export function generateFlow(nodeCount, { id = 'bench-flow', version = 1 } = {}) {
  const segments = Math.max(1, Math.floor(nodeCount / 5));
  const nodes = { start: { type: 'start', transition: 'ask_0' } };
  for (let i = 0; i < segments; i++) {
    const next = i + 1 < segments ? `ask_${i + 1}` : 'done';
    nodes[`ask_${i}`] = { type: 'webchat', message: `Question ${i}?`, waitForInput: { variable: `answer_${i}` }, transition: `check_${i}` };
    nodes[`check_${i}`] = {
      type: 'transition',
      conditions: [
        { variable: `answer_${i}`, condition: 'equals', value: 'yes', transition: `act_${i}` },
        { variable: `answer_${i}`, condition: 'contains', value: 'again', ignoreCase: true, transition: `ask_${i}` },
        { variable: `answer_${i}`, condition: 'matches', value: '^[0-9]+$', transition: `route_${i}` },
      ],
      transition: next,
    };
    nodes[`act_${i}`] = {
      type: 'action',
      actions: [
        { name: 'set', variable: `x_${i}`, value: `{answer_${i}}` },
        { name: 'sendMessage', text: `Noted {x_${i}}` },
      ],
      transition: next,
    };
    nodes[`route_${i}`] = { type: 'action', actions: [{ name: 'route', queueId: `queue-${i % 50}` }], transition: `end_${i}` };
    nodes[`end_${i}`] = { type: 'end' };
  }
  nodes.done = { type: 'end' };
  return { id, version, name: `Generated flow (${Object.keys(nodes).length} nodes)`, status: 'draft', nodes };
}

/** A copy of `flow` with about `fraction` of its nodes changed or added (messages edited, a condition value changed, a node added). */
export function mutateFlow(flow, fraction, { version = flow.version + 1 } = {}) {
  const copy = structuredClone(flow);
  copy.version = version;
  const asks = Object.keys(copy.nodes).filter((id) => id.startsWith('ask_'));
  // Each touched segment changes or adds 6 nodes; a segment is 5 nodes.
  const every = Math.max(1, Math.round(6 / (5 * fraction)));
  for (let k = 0; k < asks.length; k += every) {
    const i = asks[k].slice(4);
    copy.nodes[`ask_${i}`].message = `Changed question ${i}?`;
    copy.nodes[`check_${i}`].conditions[0].value = 'yes please';
    copy.nodes[`act_${i}`].actions[1].text = `Changed {x_${i}}`;
    copy.nodes[`route_${i}`].actions[0].queueId = `queue-new-${i}`;
    copy.nodes[`extra_${i}`] = { type: 'end' };
    copy.nodes[`end_${i}`] = { type: 'action', actions: [{ name: 'disconnect' }], transition: `extra_${i}` };
  }
  return copy;
}
