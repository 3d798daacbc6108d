// flowPatch: an RFC 6902 JSON Patch that turns the old flow into the new one, with node-level operations (a rename is one move).
import type { FlowDefinition } from '../flow/schema.js';
import { childPointer, toPointer } from '../flow/pointer.js';
import { alignLists } from './align.js';
import { canonicalJson, definedKeys, isPlainObject, jsonEqual, ORDERED_OBJECT_FIELDS, own, type JsonObject } from './json-value.js';
import { nodeSides } from './node-sides.js';
import { detectRenames } from './renames.js';

export type PatchOperation =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'move'; from: string; path: string };

/** How alike two list items are, for pairing them as one item changed in place (0 = not a pair). */
function itemSimilarity(a: unknown, b: unknown): number {
  if (!isPlainObject(a) || !isPlainObject(b) || a.name !== b.name) return 0;
  let equal = 1;
  for (const key of definedKeys(a)) if (jsonEqual(own(a, key), own(b, key), ORDERED_OBJECT_FIELDS.has(key))) equal++;
  return equal;
}

function patchArray(before: unknown[], after: unknown[], path: string, ops: PatchOperation[]): void {
  const alignment = alignLists(
    before.map((item) => canonicalJson(item)),
    after.map((item) => canonicalJson(item)),
    (i, j) => itemSimilarity(before[i], after[j]),
  );
  // Kept pairs are in the same order on both sides: remove everything else from the back, then insert
  // the new items from the front, and each kept item ends at its new index.
  const kept = [...alignment.same, ...alignment.changed].sort((x, y) => x[0] - y[0]);
  const keptOld = new Set(kept.map(([i]) => i));
  const keptNew = new Set(kept.map(([, j]) => j));
  for (let i = before.length - 1; i >= 0; i--) if (!keptOld.has(i)) ops.push({ op: 'remove', path: childPointer(path, i) });
  for (let j = 0; j < after.length; j++) if (!keptNew.has(j)) ops.push({ op: 'add', path: childPointer(path, j), value: structuredClone(after[j]) });
  for (const [i, j] of kept) patchValue(before[i], after[j], childPointer(path, j), false, ops);
}

function patchObject(before: JsonObject, after: JsonObject, path: string, ordered: boolean, ops: PatchOperation[]): void {
  const oldKeys = definedKeys(before);
  const newKeys = definedKeys(after);
  if (ordered) {
    // `add` appends a key: when that cannot give the new order, the whole map is replaced.
    const result = [...oldKeys.filter((key) => own(after, key) !== undefined), ...newKeys.filter((key) => own(before, key) === undefined)];
    if (result.join('\n') !== newKeys.join('\n')) {
      ops.push({ op: 'replace', path, value: structuredClone(after) });
      return;
    }
  }
  for (const key of oldKeys) {
    if (own(after, key) === undefined) ops.push({ op: 'remove', path: childPointer(path, key) });
    else patchValue(own(before, key), own(after, key), childPointer(path, key), ORDERED_OBJECT_FIELDS.has(key), ops);
  }
  for (const key of newKeys) if (own(before, key) === undefined) ops.push({ op: 'add', path: childPointer(path, key), value: structuredClone(own(after, key)) });
}

function patchValue(before: unknown, after: unknown, path: string, ordered: boolean, ops: PatchOperation[]): void {
  if (jsonEqual(before, after, ordered)) return;
  if (Array.isArray(before) && Array.isArray(after)) patchArray(before, after, path, ops);
  else if (isPlainObject(before) && isPlainObject(after)) patchObject(before, after, path, ordered, ops);
  else ops.push({ op: 'replace', path, value: structuredClone(after) });
}

/** Node-level operations: removed nodes removed, renamed nodes moved, changed nodes patched inside, new nodes added. */
function patchNodes(before: JsonObject, after: JsonObject, ops: PatchOperation[]): void {
  const sides = nodeSides(before, after);
  const renames = detectRenames(sides);
  const renameTargets = new Set(renames.values());
  const at = (id: string) => toPointer(['nodes', id]);
  for (const id of sides.oldIds) if (own(after, id) === undefined && !renames.has(id)) ops.push({ op: 'remove', path: at(id) });
  for (const [oldId, newId] of renames) {
    ops.push({ op: 'move', from: at(oldId), path: at(newId) });
    patchValue(own(before, oldId), own(after, newId), at(newId), false, ops);
  }
  for (const id of sides.oldIds) if (own(after, id) !== undefined) patchValue(own(before, id), own(after, id), at(id), false, ops);
  for (const id of sides.newIds) if (own(before, id) === undefined && !renameTargets.has(id)) ops.push({ op: 'add', path: at(id), value: structuredClone(own(after, id)) });
}

/**
 * An RFC 6902 patch whose application to `oldFlow` gives a flow deep-equal to `newFlow` (and with
 * classify intents in the same order). Pure; the inputs are not modified.
 */
export function flowPatch(oldFlow: FlowDefinition, newFlow: FlowDefinition): PatchOperation[] {
  const before = oldFlow as unknown as JsonObject;
  const after = newFlow as unknown as JsonObject;
  const ops: PatchOperation[] = [];
  for (const key of definedKeys(before)) {
    if (own(after, key) === undefined) ops.push({ op: 'remove', path: toPointer([key]) });
    else if (key === 'nodes' && isPlainObject(before.nodes) && isPlainObject(after.nodes)) patchNodes(before.nodes, after.nodes, ops);
    else patchValue(own(before, key), own(after, key), toPointer([key]), false, ops);
  }
  for (const key of definedKeys(after)) if (own(before, key) === undefined) ops.push({ op: 'add', path: toPointer([key]), value: structuredClone(own(after, key)) });
  return ops;
}
