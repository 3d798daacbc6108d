// The edges out of a node: its default transition, its conditions' targets and its wait's timeout transition.
import { isPlainObject, type JsonObject } from './json-value.js';

/** Where in its node an edge sits (a condition's index is left out: inserting a condition does not move an edge). */
export type ReferenceSlot = 'transition' | 'condition' | 'timeout';

export interface NodeReference {
  slot: ReferenceSlot;
  target: string;
}

export function nodeReferences(node: unknown): NodeReference[] {
  if (!isPlainObject(node)) return [];
  const references: NodeReference[] = [];
  if (typeof node.transition === 'string') references.push({ slot: 'transition', target: node.transition });
  if (Array.isArray(node.conditions)) {
    for (const condition of node.conditions) {
      if (isPlainObject(condition) && typeof condition.transition === 'string') references.push({ slot: 'condition', target: condition.transition });
    }
  }
  if (isPlainObject(node.waitForInput) && typeof node.waitForInput.timeoutTransition === 'string') {
    references.push({ slot: 'timeout', target: node.waitForInput.timeoutTransition });
  }
  return references;
}

/** A shallow copy of a node with every edge target passed through `map` (the original is not touched). */
export function withMappedReferences(node: unknown, map: (target: string) => string): unknown {
  if (!isPlainObject(node)) return node;
  const copy: JsonObject = { ...node };
  if (typeof copy.transition === 'string') copy.transition = map(copy.transition);
  if (Array.isArray(copy.conditions)) {
    copy.conditions = copy.conditions.map((condition: unknown) =>
      isPlainObject(condition) && typeof condition.transition === 'string' ? { ...condition, transition: map(condition.transition) } : condition,
    );
  }
  if (isPlainObject(copy.waitForInput) && typeof copy.waitForInput.timeoutTransition === 'string') {
    copy.waitForInput = { ...copy.waitForInput, timeoutTransition: map(copy.waitForInput.timeoutTransition) };
  }
  return copy;
}
