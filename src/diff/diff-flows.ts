// diffFlows: the structured, deterministic list of changes between two flows (flow fields, settings, variables, nodes).
import type { FlowDefinition } from '../flow/schema.js';
import { toPointer } from '../flow/pointer.js';
import type { FlowChange, KeyedChange } from './change.js';
import { compareStrings, definedKeys, isPlainObject, jsonEqual, own, type JsonObject } from './json-value.js';
import { nodeChanges } from './node-changes.js';
import { nodeReferences } from './references.js';
import { detectRenames } from './renames.js';
import { nodeSides } from './node-sides.js';

/** Flow fields in the order they are reported; other top-level fields follow alphabetically. */
const FLOW_FIELDS = ['id', 'name', 'version', 'status', 'type', 'division', 'description'];
/** Compared by their own rules, or (for `$schema`, an editor hint) not at all. */
const NOT_FLOW_FIELDS = new Set(['$schema', 'nodes', 'inputs', 'applicationSettings', 'environmentVariables']);
export const DEFAULT_FLOW_TYPE = 'inboundshortmessage';

function objectOf(value: unknown): JsonObject {
  return isPlainObject(value) ? value : {};
}

function flowFieldChanges(oldFlow: JsonObject, newFlow: JsonObject): FlowChange[] {
  const others = new Set([...definedKeys(oldFlow), ...definedKeys(newFlow)].filter((key) => !FLOW_FIELDS.includes(key) && !NOT_FLOW_FIELDS.has(key)));
  const changes: FlowChange[] = [];
  for (const field of [...FLOW_FIELDS, ...[...others].sort(compareStrings)]) {
    let before = own(oldFlow, field);
    let after = own(newFlow, field);
    // A missing type is the default type: writing it out is no change.
    if (field === 'type') {
      before ??= DEFAULT_FLOW_TYPE;
      after ??= DEFAULT_FLOW_TYPE;
    }
    if (jsonEqual(before, after)) continue;
    changes.push({
      kind: 'flow-field-changed',
      field,
      ...(own(oldFlow, field) === undefined ? {} : { oldPointer: toPointer([field]) }),
      ...(before === undefined ? {} : { before }),
      ...(own(newFlow, field) === undefined ? {} : { newPointer: toPointer([field]) }),
      ...(after === undefined ? {} : { after }),
    });
  }
  return changes;
}

type KeyedKind = 'input' | 'environment-variable' | 'setting';

function keyedChange(kind: KeyedKind, key: string, path: string[], before: unknown, after: unknown): KeyedChange | undefined {
  if (jsonEqual(before, after)) return undefined;
  const pointer = toPointer(path);
  if (before === undefined) return { kind: `${kind}-added`, key, newPointer: pointer, after };
  if (after === undefined) return { kind: `${kind}-removed`, key, oldPointer: pointer, before };
  return { kind: `${kind}-changed`, key, oldPointer: pointer, newPointer: pointer, before, after };
}

/** Key-level changes of a flat map (inputs, environment variables). */
function mapChanges(kind: KeyedKind, field: string, before: unknown, after: unknown): KeyedChange[] {
  const a = objectOf(before);
  const b = objectOf(after);
  const keys = [...new Set([...definedKeys(a), ...definedKeys(b)])].sort(compareStrings);
  return keys.flatMap((key) => keyedChange(kind, key, [field, key], own(a, key), own(b, key)) ?? []);
}

/** Application settings, compared leaf by leaf (`webchat.title`). */
function settingChanges(before: unknown, after: unknown, path: string[] = []): KeyedChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...definedKeys(before), ...definedKeys(after)])].sort(compareStrings);
    return keys.flatMap((key) => settingChanges(own(before, key), own(after, key), [...path, key]));
  }
  if (path.length === 0) {
    if (isPlainObject(before)) return settingChanges(before, {}, path);
    if (isPlainObject(after)) return settingChanges({}, after, path);
  }
  const change = keyedChange('setting', path.join('.'), ['applicationSettings', ...path], before, after);
  return change ? [change] : [];
}

/**
 * The changes from `oldFlow` to `newFlow`: flow fields first, then inputs, application settings and
 * environment variables, then nodes by id (a renamed node under its new id). Pure and deterministic:
 * the same two flows give the same list whatever the key order of their files.
 */
export function diffFlows(oldFlow: FlowDefinition, newFlow: FlowDefinition): FlowChange[] {
  const before = oldFlow as unknown as JsonObject;
  const after = newFlow as unknown as JsonObject;
  const changes: FlowChange[] = [
    ...flowFieldChanges(before, after),
    ...mapChanges('input', 'inputs', before.inputs, after.inputs),
    ...settingChanges(before.applicationSettings, after.applicationSettings),
    ...mapChanges('environment-variable', 'environmentVariables', before.environmentVariables, after.environmentVariables),
  ];

  const oldNodes = objectOf(before.nodes);
  const newNodes = objectOf(after.nodes);
  const sides = nodeSides(oldNodes, newNodes);
  const renames = detectRenames(sides);
  const renamedTo = (id: string): string => renames.get(id) ?? id;
  const groups: Array<{ nodeId: string; changes: FlowChange[] }> = [];
  for (const oldId of sides.removed) {
    const newId = renames.get(oldId);
    if (newId === undefined) {
      groups.push({ nodeId: oldId, changes: [{ kind: 'node-removed', nodeId: oldId, oldPointer: toPointer(['nodes', oldId]), before: own(oldNodes, oldId) }] });
      continue;
    }
    groups.push({
      nodeId: newId,
      changes: [
        { kind: 'node-renamed', nodeId: newId, fromId: oldId, oldPointer: toPointer(['nodes', oldId]), newPointer: toPointer(['nodes', newId]), before: oldId, after: newId },
        ...nodeChanges(oldId, newId, own(oldNodes, oldId), own(newNodes, newId), renamedTo),
      ],
    });
  }
  const renameTargets = new Set(renames.values());
  for (const id of sides.added) {
    if (!renameTargets.has(id)) groups.push({ nodeId: id, changes: [{ kind: 'node-added', nodeId: id, newPointer: toPointer(['nodes', id]), after: own(newNodes, id) }] });
  }
  for (const id of sides.newIds) {
    if (own(oldNodes, id) === undefined) continue;
    // Most nodes are untouched: equal, and pointing at no renamed node.
    if (jsonEqual(own(oldNodes, id), own(newNodes, id)) && (renames.size === 0 || !nodeReferences(own(oldNodes, id)).some((r) => renames.has(r.target)))) continue;
    const found = nodeChanges(id, id, own(oldNodes, id), own(newNodes, id), renamedTo);
    if (found.length > 0) groups.push({ nodeId: id, changes: found });
  }
  groups.sort((a, b) => compareStrings(a.nodeId, b.nodeId));
  for (const group of groups) changes.push(...group.changes);
  return changes;
}
