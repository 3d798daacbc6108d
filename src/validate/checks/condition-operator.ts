// GCF011: every condition uses a known operator.
import type { Check } from '../check.js';
import { describeValue, isRecord } from '../flow-model.js';
import * as generated from '../flow-schema.generated.js';

const OPERATORS = new Set((generated.vocabulary as { conditionOperators: string[] }).conditionOperators);

export const conditionOperator: Check = {
  meta: {
    code: 'GCF011',
    name: 'condition-operator',
    severity: 'error',
    description: 'Every condition uses a known operator (equals, notEquals, contains, startsWith, endsWith, matches, greaterThan, lessThan, exists, notExists).',
    messages: {
      missing: 'condition {{index}} of node "{{id}}" has no operator; set "condition" to one of {{allowed}}',
      unknown: 'unknown condition operator {{operator}} in node "{{id}}"; use one of {{allowed}}',
    },
  },
  check(context) {
    const allowed = [...OPERATORS].join(', ');
    for (const entry of context.model.nodes) {
      for (let index = 0; index < entry.conditions.length; index++) {
        const condition = entry.conditions[index];
        if (!isRecord(condition)) continue;
        const operator = condition.condition;
        if (typeof operator === 'string' && OPERATORS.has(operator)) continue;
        const pointer = context.pointerIn(entry.pointer, 'conditions', index, 'condition');
        if (operator === undefined) context.report({ messageId: 'missing', pointer, data: { id: entry.id, index, allowed } });
        else context.report({ messageId: 'unknown', pointer, data: { id: entry.id, operator: describeValue(operator), allowed } });
      }
    }
  },
};
