import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignLists } from './align.js';

const unrelated = () => 0;

test('an insertion at the top keeps every later item matched', () => {
  const alignment = alignLists(['a', 'b', 'c'], ['x', 'a', 'b', 'c'], unrelated);
  assert.deepEqual(alignment, { same: [[0, 1], [1, 2], [2, 3]], moved: [], changed: [], removed: [], added: [0] });
});

test('a swap keeps one item in place and reports the other as moved', () => {
  const alignment = alignLists(['a', 'b'], ['b', 'a'], unrelated);
  assert.equal(alignment.same.length, 1);
  assert.equal(alignment.moved.length, 1);
});

test('similar leftovers pair up only inside the same gap, in order', () => {
  const similar = (i: number, j: number) => (i === 1 && j === 1 ? 1 : 0);
  assert.deepEqual(alignLists(['a', 'b', 'c'], ['a', 'B', 'c'], similar), { same: [[0, 0], [2, 2]], moved: [], changed: [[1, 1]], removed: [], added: [] });
  assert.deepEqual(alignLists(['a', 'b', 'c'], ['a', 'B', 'c'], unrelated), { same: [[0, 0], [2, 2]], moved: [], changed: [], removed: [1], added: [1] });
});

test('long lists use the O(n log n) matching and still find every equal item', () => {
  const oldKeys = Array.from({ length: 3000 }, (_, i) => `k${i}`);
  const newKeys = [...oldKeys.slice(0, 1500), 'new', ...oldKeys.slice(1500, 1510).reverse(), ...oldKeys.slice(1510)];
  const alignment = alignLists(oldKeys, newKeys, unrelated);
  assert.equal(alignment.same.length + alignment.moved.length, 3000);
  assert.equal(alignment.moved.length, 9, 'ten reversed items: one stays in order, nine moved');
  assert.deepEqual(alignment.added, [1500]);
  assert.deepEqual(alignment.removed, []);
});

test('duplicate items are matched occurrence by occurrence', () => {
  const alignment = alignLists(['a', 'a', 'b'], ['a', 'b', 'a', 'a'], unrelated);
  assert.equal(alignment.same.length + alignment.moved.length, 3);
  assert.equal(alignment.added.length, 1);
});
