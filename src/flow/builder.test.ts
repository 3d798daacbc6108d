import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createWebMessagingFlow, flow, when, set, route } from './builder.js';

const seedPath = new URL('../../../shared/examples/seed-webchat.flow.json', import.meta.url);
const seed = JSON.parse(readFileSync(seedPath, 'utf8'));

test('createWebMessagingFlow returns the seed example exactly, id and version aside', () => {
  const built = createWebMessagingFlow(seed.id, seed.version);
  assert.deepEqual(built, seed);
  assert.equal(JSON.stringify(built), JSON.stringify(seed), 'same key order too, so files round-trip byte for byte');
});

test('createWebMessagingFlow takes the id and version it is given', () => {
  const built = createWebMessagingFlow('abc', 7);
  assert.equal(built.id, 'abc');
  assert.equal(built.version, 7);
});

test('a node id declared twice is refused', () => {
  const builder = flow({ id: 'f', version: 1, name: 'n' }).start('a').action('a', [set('x', '1')], 'b');
  assert.throws(() => (builder as unknown as { end(id: string): unknown }).end('a'), /declared twice/);
});

test('conditions keep their operator, value and options', () => {
  assert.deepEqual(when('intent', 'equals', 'Billing', 'b', { ignoreCase: true }), {
    variable: 'intent', condition: 'equals', value: 'Billing', transition: 'b', ignoreCase: true,
  });
  assert.deepEqual(when('email', 'exists', 'has_email'), { variable: 'email', condition: 'exists', transition: 'has_email' });
  assert.deepEqual(route('q1', 'Billing'), { name: 'route', queueId: 'q1', queueName: 'Billing' });
});

// Compile-time guarantees, checked by `npm run typecheck` (each @ts-expect-error fails the type-check if the error goes away).
test('the compiler rejects undeclared targets, duplicate ids and unknown action names', () => {
  const incomplete = flow({ id: 'f', version: 1, name: 'n' }).start('x').action('x', [set('a', 1)], 'y');
  // @ts-expect-error transition target "y" is never declared
  const dangling = incomplete.build();
  assert.deepEqual(dangling.nodes.x, { type: 'action', actions: [{ name: 'set', variable: 'a', value: 1 }], transition: 'y' });
  // @ts-expect-error node "x" is declared twice
  assert.throws(() => flow({ id: 'f', version: 1, name: 'n' }).start('x').end('x').end('x'), /declared twice/);
  // @ts-expect-error "sett" is not an action name
  const typo = flow({ id: 'f', version: 1, name: 'n' }).start('x').action('x', [{ name: 'sett', variable: 'a', value: 1 }], 'x');
  assert.ok(typo);
});
