// The persistent variable map behaves like a plain map that is copied on every write (checked against that model).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { VariableMap, type VariableValue } from './variables.js';

const names = fc.constantFrom('a', 'b', 'intent', '__proto__', 'constructor', ...Array.from({ length: 60 }, (_, i) => `v${i}`));
const op = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), name: names, value: fc.oneof(fc.string(), fc.integer(), fc.boolean()) }),
  fc.record({ kind: fc.constant('delete' as const), name: names }),
);

test('every version answers like a model map, in first-set order, and older versions never change', () => {
  fc.assert(
    fc.property(fc.dictionary(names, fc.string(), { maxKeys: 40 }), fc.array(op, { maxLength: 300 }), (initial, ops) => {
      let map = VariableMap.of(initial);
      let model = new Map<string, VariableValue>(Object.entries(initial));
      const versions: Array<[VariableMap, Map<string, VariableValue>]> = [[map, new Map(model)]];
      for (const o of ops) {
        model = new Map(model);
        if (o.kind === 'set') {
          map = map.with(o.name, o.value);
          model.set(o.name, o.value);
        } else {
          map = map.without(o.name);
          model.delete(o.name);
        }
        versions.push([map, model]);
      }
      for (const [version, expected] of versions) {
        for (const name of ['a', 'intent', '__proto__', 'v59']) assert.equal(version.get(name), expected.get(name));
        const object = version.toObject();
        assert.deepEqual(Object.keys(object), [...expected.keys()]);
        for (const [name, value] of expected) assert.equal(Object.getOwnPropertyDescriptor(object, name)?.value, value);
        assert.equal(Object.getPrototypeOf(object), Object.prototype);
      }
    }),
    { numRuns: 150 },
  );
});
