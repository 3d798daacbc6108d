// GCF015: a `{name}` placeholder names a variable something sets, a declared input, a parameter or a built-in.
import { isRecord } from '../flow-model.js';
import { parseTemplate } from '../../flow/placeholder.js';
import type { PathSegment } from '../../flow/pointer.js';
import type { CheckContext, Check } from '../check.js';

/** The fields whose text is a template: a webchat message, an action's values, a condition's value. */
const ACTION_TEMPLATE_FIELDS = ['value', 'text', 'queueId', 'queueName', 'input', 'fallback', 'reason'] as const;

function checkText(context: CheckContext, text: unknown, nodePointer: string, ...path: PathSegment[]): void {
  if (typeof text !== 'string' || !text.includes('{')) return;
  const known = context.variables();
  for (const part of parseTemplate(text)) {
    if (part.kind === 'variable' && !known.has(part.name)) {
      context.report({ messageId: 'unknown', pointer: context.pointerIn(nodePointer, ...path), data: { raw: part.raw, name: part.name } });
    }
  }
}

export const unknownPlaceholder: Check = {
  meta: {
    code: 'GCF015',
    name: 'unknown-placeholder',
    severity: 'warning',
    description: 'A {name} placeholder must name a variable that is set, a declared input, a parameter (environmentVariables) or a built-in.',
    messages: {
      unknown: 'placeholder {{raw}} names nothing: no action or wait sets "{{name}}" and it is not an input, a parameter or a built-in; fix the spelling, set it first, or declare it',
    },
  },
  check(context) {
    for (const entry of context.model.nodes) {
      if (entry.type === 'webchat') checkText(context, entry.node.message, entry.pointer, 'message');
      for (let index = 0; index < entry.actions.length; index++) {
        const action = entry.actions[index];
        if (!isRecord(action)) continue;
        for (const field of ACTION_TEMPLATE_FIELDS) {
          const text = action[field];
          if (typeof text === 'string' && text.includes('{')) checkText(context, text, entry.pointer, 'actions', index, field);
        }
      }
      for (let index = 0; index < entry.conditions.length; index++) {
        const condition = entry.conditions[index];
        if (isRecord(condition)) checkText(context, condition.value, entry.pointer, 'conditions', index, 'value');
      }
    }
  },
};
