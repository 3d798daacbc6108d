// The node maps of both flows with their ids listed once: listing the keys of a 100,000-node map is costly, so it is done here only.
import { compareStrings, own, type JsonObject } from './json-value.js';

export interface NodeSides {
  oldNodes: JsonObject;
  newNodes: JsonObject;
  /** Ids of the old flow's nodes, in file order. */
  oldIds: string[];
  /** Ids of the new flow's nodes, in file order. */
  newIds: string[];
  /** Ids only in the old flow, sorted. */
  removed: string[];
  /** Ids only in the new flow, sorted. */
  added: string[];
}

function presentIds(nodes: JsonObject): string[] {
  // Object.keys is several times faster than for-in on a map this large.
  const ids = Object.keys(nodes);
  for (const id of ids) if (own(nodes, id) === undefined) return ids.filter((key) => own(nodes, key) !== undefined);
  return ids;
}

export function nodeSides(oldNodes: JsonObject, newNodes: JsonObject): NodeSides {
  const oldIds = presentIds(oldNodes);
  const newIds = presentIds(newNodes);
  const removed = oldIds.filter((id) => own(newNodes, id) === undefined).sort(compareStrings);
  const added = newIds.filter((id) => own(oldNodes, id) === undefined).sort(compareStrings);
  return { oldNodes, newNodes, oldIds, newIds, removed, added };
}
