// One line per action effect for the trace: what the action did, in words.
import type { ActionEffect } from './actions/effect.js';
import { quoteValue } from './quote.js';

const show = quoteValue;

export function summarizeEffect(effect: ActionEffect): string {
  switch (effect.type) {
    case 'set':
      return `set ${effect.variable} = ${show(effect.value)}`;
    case 'send':
      return `sent ${show(effect.text)}`;
    case 'route':
      return `routed to queue ${show(effect.queueId)}${effect.queueName ? ` (${effect.queueName})` : ''}`;
    case 'classify':
      if (effect.intent !== undefined && !effect.usedFallback) {
        return `classified ${show(effect.input)} as ${effect.intent}${effect.matched !== undefined ? ` (matched ${show(effect.matched)})` : ''}; ${effect.variable} = ${show(effect.intent)}`;
      }
      if (effect.usedFallback) return `classified ${show(effect.input)}: no intent matched, so ${effect.variable} = fallback ${show(effect.intent)}`;
      return `classified ${show(effect.input)}: no intent matched and there is no fallback, so ${effect.variable} is cleared`;
    case 'disconnect':
      return `disconnected${effect.reason ? ` (${effect.reason})` : ''}`;
    case 'error':
      return `error: ${effect.message}`;
  }
}
