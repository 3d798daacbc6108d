// Iterative graph algorithms over compact adjacency arrays: reachability and strongly connected components, O(nodes + edges).

export interface Adjacency {
  size: number;
  offsets: Int32Array;
  targets: Int32Array;
}

/** The same graph with every edge reversed. */
export function reverseAdjacency(graph: Adjacency): Adjacency {
  const { size, offsets, targets } = graph;
  const reversedOffsets = new Int32Array(size + 1);
  for (let e = 0; e < targets.length; e++) reversedOffsets[targets[e] + 1]++;
  for (let i = 0; i < size; i++) reversedOffsets[i + 1] += reversedOffsets[i];
  const reversedTargets = new Int32Array(targets.length);
  const fill = reversedOffsets.slice(0, size);
  for (let from = 0; from < size; from++) {
    for (let e = offsets[from]; e < offsets[from + 1]; e++) reversedTargets[fill[targets[e]]++] = from;
  }
  return { size, offsets: reversedOffsets, targets: reversedTargets };
}

/** Breadth-first search: 1 for every node reachable from a source (sources included). */
export function reachableFrom(graph: Adjacency, sources: Iterable<number>): Uint8Array {
  const seen = new Uint8Array(graph.size);
  const queue = new Int32Array(graph.size);
  let tail = 0;
  for (const source of sources) {
    if (source >= 0 && source < graph.size && !seen[source]) {
      seen[source] = 1;
      queue[tail++] = source;
    }
  }
  for (let head = 0; head < tail; head++) {
    const node = queue[head];
    for (let e = graph.offsets[node]; e < graph.offsets[node + 1]; e++) {
      const next = graph.targets[e];
      if (!seen[next]) {
        seen[next] = 1;
        queue[tail++] = next;
      }
    }
  }
  return seen;
}

export interface Components {
  /** Component number of each node (-1 for nodes left out by `include`). */
  componentOf: Int32Array;
  /** Members of each component. */
  members: number[][];
}

/**
 * Tarjan's strongly connected components without recursion (an explicit stack of (node, next edge)),
 * so a 100,000-node chain cannot overflow the call stack. `include` restricts the graph to some nodes.
 */
export function stronglyConnectedComponents(graph: Adjacency, include: (node: number) => boolean = () => true): Components {
  const { size, offsets, targets } = graph;
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const componentOf = new Int32Array(size).fill(-1);
  const members: number[][] = [];
  const stack = new Int32Array(size);
  let stackTop = 0;
  const callNode = new Int32Array(size);
  const callEdge = new Int32Array(size);
  let counter = 0;
  for (let root = 0; root < size; root++) {
    if (index[root] !== -1 || !include(root)) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = offsets[root];
    index[root] = low[root] = counter++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const node = callNode[depth];
      const edge = callEdge[depth];
      if (edge < offsets[node + 1]) {
        callEdge[depth] = edge + 1;
        const next = targets[edge];
        if (!include(next)) continue;
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack[stackTop++] = next;
          onStack[next] = 1;
          depth++;
          callNode[depth] = next;
          callEdge[depth] = offsets[next];
        } else if (onStack[next] && index[next] < low[node]) {
          low[node] = index[next];
        }
        continue;
      }
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack[--stackTop];
          onStack[member] = 0;
          componentOf[member] = members.length;
          component.push(member);
        } while (member !== node);
        members.push(component);
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth];
        if (low[node] < low[parent]) low[parent] = low[node];
      }
    }
  }
  return { componentOf, members };
}

/** Whether a component is a cycle: more than one node, or one node with an edge to itself. */
export function isCyclic(graph: Adjacency, component: number[]): boolean {
  if (component.length > 1) return true;
  const node = component[0];
  for (let e = graph.offsets[node]; e < graph.offsets[node + 1]; e++) if (graph.targets[e] === node) return true;
  return false;
}

/** A shortest cycle through `start` inside a set of nodes (breadth-first), as node indexes ending back at start. */
export function cycleThrough(graph: Adjacency, start: number, within: (node: number) => boolean): number[] {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (let e = graph.offsets[node]; e < graph.offsets[node + 1]; e++) {
      const next = graph.targets[e];
      if (!within(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = parent.get(at) ?? start) path.push(at);
        // path holds start, then the cycle walked backwards from its last node.
        return [start, ...path.slice(1).reverse(), start];
      }
      if (!parent.has(next) && next !== start) {
        parent.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}
