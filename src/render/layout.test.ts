import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FlowDefinition } from '../flow/schema.js';
import { flowDiagram } from './graph.js';
import { layoutDiagram, nodeSize } from './layout.js';

const flow: FlowDefinition = {
  id: 'f', version: 1, name: 'f', status: 'draft',
  nodes: {
    start: { type: 'start', transition: 'ask' },
    ask: { type: 'webchat', message: 'What now?', waitForInput: { variable: 'a', timeoutSeconds: 9, timeoutTransition: 'done' }, transition: 'check' },
    check: {
      type: 'transition',
      conditions: [
        { variable: 'a', condition: 'equals', value: 'again', transition: 'ask' },
        { variable: 'a', condition: 'equals', value: 'x', transition: 'act' },
      ],
      transition: 'done',
    },
    act: { type: 'action', actions: [{ name: 'sendMessage', text: 'ok' }], transition: 'done' },
    orphan: { type: 'action', actions: [], transition: 'done' },
    done: { type: 'end' },
  },
};

test('every node gets a box of its size, and forward transitions go down the page', () => {
  const diagram = flowDiagram(flow);
  const layout = layoutDiagram(diagram);
  for (const node of diagram.nodes) {
    const box = layout.nodes.get(node.id)!;
    assert.deepEqual({ width: box.width, height: box.height }, nodeSize(node), node.id);
    assert.ok(box.x >= 0 && box.x <= layout.width && box.y >= 0 && box.y <= layout.height, `${node.id} inside the drawing`);
  }
  const y = (id: string): number => layout.nodes.get(id)!.y;
  for (const [from, to] of [['start', 'ask'], ['ask', 'check'], ['check', 'act'], ['act', 'done'], ['check', 'done']]) assert.ok(y(from) < y(to), `${from} above ${to}`);
  assert.ok(y('check') > y('ask'), 'the loop back to ask does not pull check above it');
  for (const edge of diagram.edges) assert.ok(layout.edges.get(edge.id)!.points.length >= 2, `${edge.id} is routed`);
  assert.ok(layout.edges.get('/nodes/check/conditions/1/transition')!.label, 'labelled edges get a label position');
});

test('a node nothing leads to sits just above where it leads, not at the top', () => {
  const layout = layoutDiagram(flowDiagram(flow));
  const y = (id: string): number => layout.nodes.get(id)!.y;
  assert.ok(y('orphan') > y('check'), 'orphan is drawn near done');
  assert.ok(y('orphan') < y('done'));
});

test('the same diagram lays out the same way every time', () => {
  const once = layoutDiagram(flowDiagram(flow));
  const again = layoutDiagram(flowDiagram(flow));
  assert.deepEqual([...once.nodes], [...again.nodes]);
});
