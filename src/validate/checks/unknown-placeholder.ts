// GCF015: a `{name}` placeholder names a variable something sets, a declared input, a parameter or a built-in.
import { parseTemplate } from '../../flow/placeholder.js';
import type { Check } from '../check.js';
import { forEachStringLeaf } from '../string-leaves.js';

/** Properties that hold names, ids or prose rather than templates. */
const NOT_TEMPLATES: ReadonlySet<string> = new Set(['type', 'name', 'label', 'description', 'transition', 'timeoutTransition', 'variable', 'condition', 'intents']);

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
    const known = context.variables();
    for (const entry of context.model.nodes) {
      forEachStringLeaf(
        entry.node,
        (leaf) => {
          for (const part of parseTemplate(leaf.text)) {
            if (part.kind === 'variable' && !known.has(part.name)) {
              context.report({ messageId: 'unknown', pointer: leaf.pointer(), data: { raw: part.raw, name: part.name } });
            }
          }
        },
        { skip: NOT_TEMPLATES, basePath: ['nodes', entry.id], filter: (text) => text.includes('{') },
      );
    }
  },
};
