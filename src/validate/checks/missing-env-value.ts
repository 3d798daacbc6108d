// GCF016: with environment values given (a profile or env file), every {env.NAME} has a value.
import { parseTemplate } from '../../flow/placeholder.js';
import type { Check } from '../check.js';
import { forEachStringLeaf } from '../string-leaves.js';

export const missingEnvValue: Check = {
  meta: {
    code: 'GCF016',
    name: 'missing-env-value',
    severity: 'error',
    description: 'With a profile or env file given, every {env.NAME} placeholder must have a value.',
    messages: {
      missing: '{{raw}} has no value; add {{name}}=... to the profile or env file, or set it in the environment',
    },
  },
  check(context) {
    const env = context.env;
    if (!env) return;
    forEachStringLeaf(
      context.raw,
      (leaf) => {
        for (const part of parseTemplate(leaf.text)) {
        if (part.kind === 'env' && !Object.hasOwn(env, part.name)) {
            context.report({ messageId: 'missing', pointer: leaf.pointer(), data: { raw: part.raw, name: part.name } });
          }
        }
      },
      { filter: (text) => text.includes('{env.') },
    );
  },
};
