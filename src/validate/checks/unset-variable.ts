// GCF014: a variable a condition reads is set somewhere, declared in inputs, a parameter or a built-in.
import { isRecord } from '../flow-model.js';
import { BUILT_IN_VARIABLES } from '../../flow/placeholder.js';
import type { Check } from '../check.js';

export const unsetVariable: Check = {
  meta: {
    code: 'GCF014',
    name: 'unset-variable',
    severity: 'warning',
    description: 'A condition reads a variable that nothing sets and that is neither a built-in, a declared input nor a parameter.',
    messages: {
      unset: `variable "{{name}}" is read by {{reads}} but nothing sets it; set it with a set or classify action (or a waitForInput), declare it under "inputs", or use a built-in (${BUILT_IN_VARIABLES.join(', ')})`,
    },
  },
  check(context) {
    const known = context.variables();
    // One finding per variable, at its first read, so a flow that branches on it many times is not flooded.
    const reads = new Map<string, { pointer: string; count: number }>();
    for (const entry of context.model.nodes) {
      for (let index = 0; index < entry.conditions.length; index++) {
        const condition = entry.conditions[index];
        if (!isRecord(condition)) continue;
        const name = condition.variable;
        if (typeof name !== 'string' || name === '' || known.has(name)) continue;
        const read = reads.get(name);
        if (read) read.count++;
        else reads.set(name, { pointer: context.pointerIn(entry.pointer, 'conditions', index, 'variable'), count: 1 });
      }
    }
    for (const [name, { pointer, count }] of reads) {
      context.report({ messageId: 'unset', pointer, data: { name, reads: count === 1 ? 'a condition' : `${count} conditions` } });
    }
  },
};
