import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWebMessagingFlow } from '../flow/builder.js';
import { canonicalJson, contentFingerprint, definitionOf, sameContent } from './definition.js';

const flow = createWebMessagingFlow('flow-1', 1);

test('server-added fields are not part of the definition', () => {
  const document = { ...flow, selfUri: '/api/v2/flows/flow-1', dateModified: 123, statusReason: 'x', lockedClient: { id: 'c' } };
  assert.deepEqual(definitionOf(document), flow);
});

test('canonical JSON does not depend on key order', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }), canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
});

test('content ignores version, status and the default type spelling; anything else counts', () => {
  assert.equal(sameContent(flow, { ...flow, version: 9, status: 'published', type: 'INBOUNDSHORTMESSAGE' }), true);
  assert.equal(sameContent(flow, { ...flow, name: 'x' }), false);
  assert.equal(sameContent(flow, { ...flow, nodes: { ...flow.nodes, default_end: { type: 'end' }, extra: { type: 'end' } } }), false);
  assert.equal(contentFingerprint(flow), contentFingerprint({ ...flow, version: 3 }));
});
