// Groups a change list for reading: flow-level changes first, then one group per node, in diffFlows order.
import { nodeOf, type FlowChange } from './change.js';

export interface ChangeGroup {
  /** The node the changes belong to; absent for the flow-level group. */
  nodeId?: string;
  changes: FlowChange[];
}

export function groupChanges(changes: readonly FlowChange[]): ChangeGroup[] {
  const flow: FlowChange[] = [];
  const nodes = new Map<string, FlowChange[]>();
  for (const change of changes) {
    const nodeId = nodeOf(change);
    if (nodeId === undefined) {
      flow.push(change);
      continue;
    }
    const list = nodes.get(nodeId);
    if (list) list.push(change);
    else nodes.set(nodeId, [change]);
  }
  const groups: ChangeGroup[] = flow.length > 0 ? [{ changes: flow }] : [];
  for (const [nodeId, list] of nodes) groups.push({ nodeId, changes: list });
  return groups;
}
