// GCF012: every regex compiles: a `matches` condition's value and a classify keyword written as /pattern/flags.
import type { Check } from '../check.js';
import { isRecord } from '../flow-model.js';

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

export const invalidRegex: Check = {
  meta: {
    code: 'GCF012',
    name: 'invalid-regex',
    severity: 'error',
    description: 'The regex of a matches condition, and a classify keyword written as /pattern/flags, must compile.',
    messages: {
      condition: 'the regex {{pattern}} of condition {{index}} in node "{{id}}" does not compile ({{reason}}); fix it, or escape special characters with \\',
      noPattern: 'condition {{index}} of node "{{id}}" uses matches but has no regex in "value"; add one, e.g. "^[0-9]+$"',
      keyword: 'the intent "{{intent}}" keyword {{pattern}} in node "{{id}}" does not compile ({{reason}}); fix it, or write it without the surrounding slashes to match plain text',
    },
  },
  check(context) {
    // The same pattern often repeats across many nodes: compile each distinct one once per validation.
    const outcomes = new Map<string, string | undefined>();
    const problemOf = (pattern: string, flags: string): string | undefined => {
      const key = `${flags}/${pattern}`;
      if (outcomes.has(key)) return outcomes.get(key);
      let problem: string | undefined;
      try {
        new RegExp(pattern, flags);
      } catch (error) {
        problem = (error instanceof Error ? error.message : String(error)).replace(/^Invalid regular expression: /, '').replace(/^\/.*\/[a-z]*: /s, '');
      }
      outcomes.set(key, problem);
      return problem;
    };
    for (const entry of context.model.nodes) {
      for (let index = 0; index < entry.conditions.length; index++) {
        const condition = entry.conditions[index];
        if (!isRecord(condition)) continue;
        if (condition.condition !== 'matches') continue;
        const pointer = context.pointerIn(entry.pointer, 'conditions', index, 'value');
        if (condition.value === undefined || condition.value === '') {
          context.report({ messageId: 'noPattern', pointer, data: { id: entry.id, index } });
          continue;
        }
        const pattern = String(condition.value);
        const reason = problemOf(pattern, condition.ignoreCase === true ? 'i' : '');
        if (reason) context.report({ messageId: 'condition', pointer, data: { id: entry.id, index, pattern: JSON.stringify(pattern), reason } });
      }
      for (let index = 0; index < entry.actions.length; index++) {
        const action = entry.actions[index];
        if (!isRecord(action)) continue;
        if (action.name !== 'classify' || !isRecord(action.intents)) continue;
        for (const [intent, keywords] of Object.entries(action.intents)) {
          if (!Array.isArray(keywords)) continue;
          keywords.forEach((keyword, k) => {
            const literal = typeof keyword === 'string' ? REGEX_LITERAL.exec(keyword) : null;
            if (!literal) return;
            const reason = problemOf(literal[1], literal[2]);
            if (!reason) return;
            context.report({
              messageId: 'keyword',
              pointer: context.pointerIn(entry.pointer, 'actions', index, 'intents', intent, k),
              data: { intent, id: entry.id, pattern: JSON.stringify(keyword), reason },
            });
          });
        }
      }
    }
  },
};
