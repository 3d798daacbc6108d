// The `classify` action: ask the intent classifier which intent the input expresses and store it in a variable.
import type { ClassifyAction } from '../../flow/schema.js';
import type { ActionEffect, ActionResolver } from './effect.js';

export const resolveClassify: ActionResolver<ClassifyAction> = (action, context) => {
  const variable = action.variable ?? 'intent';
  const intents = context.intents ?? action.intents;
  if (!intents || typeof intents !== 'object') return { type: 'error', message: `classify in node ${context.node} has no intents` };
  const input = context.fill(action.input ?? '{message}');
  let match;
  try {
    match = context.classifier.classify(input, intents);
  } catch (error) {
    return { type: 'error', message: `classify in node ${context.node}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (match) {
    // Built field by field: object spreads that add fields are slow in V8, and this runs once per classify.
    const effect: ActionEffect = { type: 'classify', variable, input, intent: match.intent, usedFallback: false };
    if (match.confidence !== undefined) effect.confidence = match.confidence;
    if (match.matched !== undefined) effect.matched = match.matched;
    return effect;
  }
  return { type: 'classify', variable, input, intent: action.fallback, usedFallback: action.fallback !== undefined };
};
