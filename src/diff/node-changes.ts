// The changes inside one node that exists on both sides: type, fields, message, wait, conditions, actions, transitions.
import { childPointer, toPointer } from '../flow/pointer.js';
import { alignLists } from './align.js';
import type { ChangedField, FlowChange, ListItemChange } from './change.js';
import { compareFields, fieldChanges } from './field-changes.js';
import { canonicalJson, definedKeys, isPlainObject, jsonEqual, own, type JsonObject } from './json-value.js';

/** Fields handled by their own rules below; any other field is compared as a whole. */
const STRUCTURAL_FIELDS = new Set(['type', 'transition', 'conditions', 'actions', 'message', 'waitForInput']);
const CONDITION_FIELDS = ['variable', 'condition', 'value', 'transition'] as const;

type MapTarget = (oldTarget: string) => string;

function mapTarget(value: unknown, renamedTo: MapTarget): unknown {
  return typeof value === 'string' ? renamedTo(value) : value;
}

/**
 * How alike two conditions are: the number of equal fields among variable, operator, value and target.
 * Unrelated (0) unless at least two are equal and one of them is the value or the target.
 */
function conditionSimilarity(before: unknown, after: unknown, renamedTo: MapTarget): number {
  if (!isPlainObject(before) || !isPlainObject(after)) return 0;
  let equal = 0;
  let anchored = false;
  for (const field of CONDITION_FIELDS) {
    const a = field === 'transition' ? mapTarget(own(before, field), renamedTo) : own(before, field);
    if (!jsonEqual(a, own(after, field))) continue;
    equal++;
    if (field === 'value' || field === 'transition') anchored = true;
  }
  if (equal < 2 || !anchored) return 0;
  return equal + (jsonEqual(before.ignoreCase, after.ignoreCase) ? 0.5 : 0);
}

/** How alike two actions are: unrelated unless they have the same name; then one more per equal field. */
function actionSimilarity(before: unknown, after: unknown): number {
  if (!isPlainObject(before) || !isPlainObject(after) || before.name !== after.name) return 0;
  const keys = new Set([...definedKeys(before), ...definedKeys(after)]);
  let equal = 1;
  for (const key of keys) if (key !== 'name' && jsonEqual(own(before, key), own(after, key), key === 'intents')) equal++;
  return equal;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function conditionChanges(nodeId: string, oldBase: string, newBase: string, before: unknown[], after: unknown[], renamedTo: MapTarget): FlowChange[] {
  const mapped = before.map((c) => (isPlainObject(c) ? { ...c, transition: mapTarget(c.transition, renamedTo) } : c));
  const alignment = alignLists(
    mapped.map((c) => canonicalJson(c)),
    after.map((c) => canonicalJson(c)),
    (i, j) => conditionSimilarity(before[i], after[j], renamedTo),
  );
  const oldAt = (i: number) => childPointer(oldBase, 'conditions', i);
  const newAt = (j: number) => childPointer(newBase, 'conditions', j);
  const changes: FlowChange[] = alignment.removed.map((i) => ({ kind: 'condition-removed', nodeId, index: i, oldPointer: oldAt(i), before: before[i] }));
  const byNewIndex: Array<[number, FlowChange]> = [];
  for (const j of alignment.added) byNewIndex.push([j, { kind: 'condition-added', nodeId, index: j, newPointer: newAt(j), after: after[j] }]);
  for (const [i, j] of alignment.moved) {
    byNewIndex.push([j, { kind: 'condition-moved', nodeId, index: j, fromIndex: i, oldPointer: oldAt(i), newPointer: newAt(j), before: before[i], after: after[j] }]);
  }
  for (const [i, j] of alignment.changed) {
    const a = before[i] as JsonObject;
    const b = after[j] as JsonObject;
    const fields = fieldChanges(a, b, oldAt(i), newAt(j)).filter(
      (field) => field.field !== 'transition' || mapTarget(a.transition, renamedTo) !== b.transition,
    );
    if (fields.length === 1 && fields[0].field === 'transition') {
      byNewIndex.push([j, { kind: 'transition-changed', nodeId, slot: 'condition', index: j, oldPointer: fields[0].oldPointer, newPointer: fields[0].newPointer, before: a.transition, after: b.transition }]);
    } else {
      byNewIndex.push([j, { kind: 'condition-changed', nodeId, index: j, fromIndex: i, oldPointer: oldAt(i), newPointer: newAt(j), before: a, after: b, fields }]);
    }
  }
  byNewIndex.sort((x, y) => x[0] - y[0]);
  return [...changes, ...byNewIndex.map(([, change]) => change)];
}

function actionChanges(nodeId: string, oldBase: string, newBase: string, before: unknown[], after: unknown[]): ListItemChange[] {
  const alignment = alignLists(
    before.map((a) => canonicalJson(a)),
    after.map((a) => canonicalJson(a)),
    (i, j) => actionSimilarity(before[i], after[j]),
  );
  const oldAt = (i: number) => childPointer(oldBase, 'actions', i);
  const newAt = (j: number) => childPointer(newBase, 'actions', j);
  const removed: ListItemChange[] = alignment.removed.map((i) => ({ kind: 'action-removed', nodeId, index: i, oldPointer: oldAt(i), before: before[i] }));
  const rest: ListItemChange[] = [
    ...alignment.added.map((j): ListItemChange => ({ kind: 'action-added', nodeId, index: j, newPointer: newAt(j), after: after[j] })),
    ...alignment.moved.map(([i, j]): ListItemChange => ({ kind: 'action-moved', nodeId, index: j, fromIndex: i, oldPointer: oldAt(i), newPointer: newAt(j), before: before[i], after: after[j] })),
    ...alignment.changed.map(([i, j]): ListItemChange => ({
      kind: 'action-changed',
      nodeId,
      index: j,
      fromIndex: i,
      oldPointer: oldAt(i),
      newPointer: newAt(j),
      before: before[i],
      after: after[j],
      fields: fieldChanges(before[i] as JsonObject, after[j] as JsonObject, oldAt(i), newAt(j)),
    })),
  ];
  rest.sort((x, y) => x.index - y.index);
  return [...removed, ...rest];
}

function waitChanges(nodeId: string, oldBase: string, newBase: string, before: unknown, after: unknown, renamedTo: MapTarget): FlowChange[] {
  const oldPointer = childPointer(oldBase, 'waitForInput');
  const newPointer = childPointer(newBase, 'waitForInput');
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [{ kind: 'wait-for-input-added', nodeId, newPointer, after }];
  if (after === undefined) return [{ kind: 'wait-for-input-removed', nodeId, oldPointer, before }];
  if (!isPlainObject(before) || !isPlainObject(after)) {
    return jsonEqual(before, after) ? [] : [{ kind: 'node-field-changed', nodeId, field: 'waitForInput', oldPointer, newPointer, before, after }];
  }
  const changes: FlowChange[] = [];
  const { timeoutTransition: oldTimeout, ...oldRest } = before;
  const { timeoutTransition: newTimeout, ...newRest } = after;
  const fields: ChangedField[] = fieldChanges(oldRest, newRest, oldPointer, newPointer);
  if (fields.length > 0) changes.push({ kind: 'wait-for-input-changed', nodeId, oldPointer, newPointer, before, after, fields });
  if (!jsonEqual(mapTarget(oldTimeout, renamedTo), newTimeout)) {
    changes.push({
      kind: 'transition-changed',
      nodeId,
      slot: 'timeout',
      ...(oldTimeout === undefined ? {} : { oldPointer: childPointer(oldPointer, 'timeoutTransition'), before: oldTimeout }),
      ...(newTimeout === undefined ? {} : { newPointer: childPointer(newPointer, 'timeoutTransition'), after: newTimeout }),
    });
  }
  return changes;
}

/**
 * The changes inside a node present in both flows (`oldId` and `newId` differ for a renamed node).
 * Edge targets in the old node are mapped through `renamedTo`, so pointing at a renamed node is no change.
 */
export function nodeChanges(oldId: string, newId: string, before: unknown, after: unknown, renamedTo: MapTarget): FlowChange[] {
  const oldBase = toPointer(['nodes', oldId]);
  const newBase = toPointer(['nodes', newId]);
  const nodeId = newId;
  if (!isPlainObject(before) || !isPlainObject(after)) {
    return jsonEqual(before, after) ? [] : [{ kind: 'node-field-changed', nodeId, field: '', oldPointer: oldBase, newPointer: newBase, before, after }];
  }
  const changes: FlowChange[] = [];
  if (!jsonEqual(before.type, after.type)) {
    changes.push({ kind: 'node-type-changed', nodeId, oldPointer: childPointer(oldBase, 'type'), newPointer: childPointer(newBase, 'type'), before: before.type, after: after.type });
  }
  const otherFields = new Set([...definedKeys(before), ...definedKeys(after)].filter((key) => !STRUCTURAL_FIELDS.has(key)));
  for (const field of [...otherFields].sort(compareFields)) {
    if (jsonEqual(own(before, field), own(after, field))) continue;
    changes.push({
      kind: 'node-field-changed',
      nodeId,
      field,
      ...(own(before, field) === undefined ? {} : { oldPointer: childPointer(oldBase, field), before: own(before, field) }),
      ...(own(after, field) === undefined ? {} : { newPointer: childPointer(newBase, field), after: own(after, field) }),
    });
  }
  if (!jsonEqual(before.message, after.message)) {
    changes.push({
      kind: 'message-changed',
      nodeId,
      field: 'message',
      ...(before.message === undefined ? {} : { oldPointer: childPointer(oldBase, 'message'), before: before.message }),
      ...(after.message === undefined ? {} : { newPointer: childPointer(newBase, 'message'), after: after.message }),
    });
  }
  changes.push(...waitChanges(nodeId, oldBase, newBase, before.waitForInput, after.waitForInput, renamedTo));
  for (const field of ['conditions', 'actions'] as const) {
    const a = own(before, field);
    const b = own(after, field);
    if ((a !== undefined && !Array.isArray(a)) || (b !== undefined && !Array.isArray(b))) {
      if (!jsonEqual(a, b)) changes.push({ kind: 'node-field-changed', nodeId, field, oldPointer: childPointer(oldBase, field), newPointer: childPointer(newBase, field), before: a, after: b });
    } else if (field === 'conditions') {
      changes.push(...conditionChanges(nodeId, oldBase, newBase, listOf(a), listOf(b), renamedTo));
    } else {
      changes.push(...actionChanges(nodeId, oldBase, newBase, listOf(a), listOf(b)));
    }
  }
  if (!jsonEqual(mapTarget(before.transition, renamedTo), after.transition)) {
    changes.push({
      kind: 'transition-changed',
      nodeId,
      slot: 'default',
      ...(before.transition === undefined ? {} : { oldPointer: childPointer(oldBase, 'transition'), before: before.transition }),
      ...(after.transition === undefined ? {} : { newPointer: childPointer(newBase, 'transition'), after: after.transition }),
    });
  }
  return changes;
}
