// GCF013: no condition repeats an earlier one of the same node (the earlier one always wins, so it can never match).
import { isRecord } from '../flow-model.js';
import type { Check } from '../check.js';

const VALUELESS = new Set(['exists', 'notExists']);

export const shadowedCondition: Check = {
  meta: {
    code: 'GCF013',
    name: 'shadowed-condition',
    severity: 'warning',
    description: 'A condition identical to an earlier one in the same node can never match (the first match wins).',
    messages: {
      shadowed: 'condition {{index}} of node "{{id}}" can never match: condition {{earlier}} tests the same ({{test}}) and wins first; remove it or change what it tests',
    },
  },
  check(context) {
    for (const entry of context.model.nodes) {
      if (entry.conditions.length < 2) continue;
      const seen = new Map<string, number>();
      for (let index = 0; index < entry.conditions.length; index++) {
        const condition = entry.conditions[index];
        if (!isRecord(condition)) continue;
        const operator = condition.condition;
        if (typeof condition.variable !== 'string' || typeof operator !== 'string') continue;
        const value = VALUELESS.has(operator) ? null : (condition.value ?? null);
        const key = `${condition.variable}\u0000${operator}\u0000${typeof value}:${String(value)}\u0000${condition.ignoreCase === true}`;
        const earlier = seen.get(key);
        if (earlier === undefined) {
          seen.set(key, index);
          continue;
        }
        const test = `${condition.variable} ${operator}${value === null ? '' : ` ${JSON.stringify(value)}`}`;
        context.report({ messageId: 'shadowed', pointer: context.pointerIn(entry.pointer, 'conditions', index), data: { id: entry.id, index, earlier, test } });
      }
    }
  },
};
