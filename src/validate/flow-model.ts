// A defensive read-only view of a flow that may not match the schema: checks walk it and never throw on odd shapes.
import { toPointer } from '../flow/pointer.js';

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
  /** An action node's `actions` list as written (empty for other nodes); items that are not objects are skipped by checks. */
  actions: readonly unknown[];
  /** A transition node's `conditions` list as written (empty for other nodes); likewise. */
  conditions: readonly unknown[];
  /** A webchat node's waitForInput, when it is an object. */
  wait: JsonObject | undefined;
}

export interface FlowModel {
  /** The top level, or an empty object when it is not an object. */
  data: JsonObject;
  nodes: NodeEntry[];
  indexOf: Map<string, number>;
}

// The lists are the flow's own arrays, not copies: a large flow allocates nothing per action or condition.
const NONE: readonly unknown[] = Object.freeze([]);

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
      actions: type === 'action' && Array.isArray(node.actions) ? node.actions : NONE,
      conditions: type === 'transition' && Array.isArray(node.conditions) ? node.conditions : NONE,
      wait: type === 'webchat' && isRecord(node.waitForInput) ? node.waitForInput : undefined,
    });
    indexOf.set(id, index);
  }
  return { data, nodes, indexOf };
}

/** Whether the node ends the conversation: an end node, or an action node that routes to a queue or disconnects. */
export function endsConversation(entry: NodeEntry): boolean {
  if (entry.type === 'end') return true;
  for (const action of entry.actions) if (isRecord(action) && (action.name === 'route' || action.name === 'disconnect')) return true;
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
