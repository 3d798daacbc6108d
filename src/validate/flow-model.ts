// A defensive read-only view of a flow that may not match the schema: checks walk it and never throw on odd shapes.
import { toPointer } from '../flow/pointer.js';

export interface ActionEntry {
  action: JsonObject;
  /** Index in the node's actions list. */
  index: number;
}

export interface ConditionEntry {
  condition: JsonObject;
  /** Index in the node's conditions list. */
  index: number;
}

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export interface NodeEntry {
  id: string;
  /** Position of the node in the `nodes` map (document order). */
  index: number;
  /** `/nodes/<id>` */
  pointer: string;
  /** The node, or an empty object when the node is not an object (the schema check reports that). */
  node: JsonObject;
  /** Whether the node is an object at all (the schema check reports it when not). */
  isObject: boolean;
  /** The node's `type` when it is a string. */
  type: string | undefined;
  /** An action node's actions that are objects (empty for other nodes). */
  actions: readonly ActionEntry[];
  /** A transition node's conditions that are objects (empty for other nodes). */
  conditions: readonly ConditionEntry[];
  /** A webchat node's waitForInput, when it is an object. */
  wait: JsonObject | undefined;
}

export interface FlowModel {
  /** The top level, or an empty object when it is not an object. */
  data: JsonObject;
  nodes: NodeEntry[];
  indexOf: Map<string, number>;
}

// Shared by every node that has none (most nodes), so a large flow does not allocate two arrays per node.
const NO_ACTIONS: readonly ActionEntry[] = Object.freeze([]);
const NO_CONDITIONS: readonly ConditionEntry[] = Object.freeze([]);

export function buildFlowModel(flow: unknown): FlowModel {
  const data = isRecord(flow) ? flow : {};
  const rawNodes = isRecord(data.nodes) ? data.nodes : {};
  const nodes: NodeEntry[] = [];
  const indexOf = new Map<string, number>();
  for (const id of Object.keys(rawNodes)) {
    const raw = rawNodes[id];
    const isObject = isRecord(raw);
    const node = isObject ? raw : {};
    const index = nodes.length;
    const type = typeof node.type === 'string' ? node.type : undefined;
    const pointer = id.includes('/') || id.includes('~') ? toPointer(['nodes', id]) : `/nodes/${id}`;
    nodes.push({
      id,
      index,
      pointer,
      node,
      isObject,
      type,
      actions: type === 'action' ? actionsOf(node.actions) : NO_ACTIONS,
      conditions: type === 'transition' ? conditionsOf(node.conditions) : NO_CONDITIONS,
      wait: type === 'webchat' && isRecord(node.waitForInput) ? node.waitForInput : undefined,
    });
    indexOf.set(id, index);
  }
  return { data, nodes, indexOf };
}

// Two plain loops rather than one generic helper with a callback: this runs for every node of very large flows.
function actionsOf(list: unknown): ActionEntry[] {
  const out: ActionEntry[] = [];
  if (!Array.isArray(list)) return out;
  for (let index = 0; index < list.length; index++) {
    const action: unknown = list[index];
    if (isRecord(action)) out.push({ action, index });
  }
  return out;
}

function conditionsOf(list: unknown): ConditionEntry[] {
  const out: ConditionEntry[] = [];
  if (!Array.isArray(list)) return out;
  for (let index = 0; index < list.length; index++) {
    const condition: unknown = list[index];
    if (isRecord(condition)) out.push({ condition, index });
  }
  return out;
}

/** Whether the node ends the conversation: an end node, or an action node that routes to a queue or disconnects. */
export function endsConversation(entry: NodeEntry): boolean {
  if (entry.type === 'end') return true;
  for (const { action } of entry.actions) if (action.name === 'route' || action.name === 'disconnect') return true;
  return false;
}

/** Whether the node waits for the customer (a webchat node with waitForInput). */
export function waitsForCustomer(entry: NodeEntry): boolean {
  return entry.wait !== undefined;
}

/** A short JSON rendering of a value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
