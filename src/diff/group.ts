// Groups a change list for reading: flow-level changes first, then one group per node, in diffFlows order.
import { changeNodeId, type FlowChange } from './change.js';

export interface FlowChangeGroup {
  /** The node the changes belong to; absent for the flow-level group. */
  nodeId?: string;
  changes: FlowChange[];
}

export function groupFlowChanges(changes: readonly FlowChange[]): FlowChangeGroup[] {
  const flow: FlowChange[] = [];
  const nodes = new Map<string, FlowChange[]>();
  for (const change of changes) {
    const nodeId = changeNodeId(change);
    if (nodeId === undefined) {
      flow.push(change);
      continue;
    }
    const list = nodes.get(nodeId);
    if (list) list.push(change);
    else nodes.set(nodeId, [change]);
  }
  const groups: FlowChangeGroup[] = flow.length > 0 ? [{ changes: flow }] : [];
  for (const [nodeId, list] of nodes) groups.push({ nodeId, changes: list });
  return groups;
}
