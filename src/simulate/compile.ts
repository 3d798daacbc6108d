// What the interpreter prepares once per flow (templates, regexes, who sets which variable), cached by flow object.
import type { Condition, FlowDefinition } from '../flow/schema.js';
import { describeCondition } from './conditions.js';
import { parseTemplate, type TemplatePart } from '../flow/placeholder.js';
import { createKeywordClassifier, type IntentClassifier } from './intents.js';
import { compileRegex } from './regex.js';

/** A template with no placeholders is its text; otherwise its parts in order. */
export type CompiledTemplate = string | readonly TemplatePart[];

export interface CompiledFlow {
  readonly flow: FlowDefinition;
  /** The default classifier, with its compiled intents cached for this flow. */
  readonly classifier: IntentClassifier;
  template(text: string): CompiledTemplate;
  /** The compiled regex, or the SyntaxError it raised (reported when the run reaches it). */
  regex(pattern: string, ignoreCase: boolean): RegExp | SyntaxError;
  /** Variables that some action, classify or customer wait in this flow assigns. */
  assignedVariables(): ReadonlySet<string>;
  /** `intent equals "billing"`, worked out once per condition. */
  describe(condition: Condition): string;
}

// Flows are treated as immutable once simulated: the cache is keyed by the flow object.
const cache = new WeakMap<object, CompiledFlow>();

function collectAssigned(flow: FlowDefinition): Set<string> {
  const assigned = new Set<string>();
  for (const node of Object.values(flow.nodes ?? {})) {
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'action' && Array.isArray(node.actions)) {
      for (const action of node.actions) {
        if (action?.name === 'set' && typeof action.variable === 'string') assigned.add(action.variable);
        if (action?.name === 'classify') assigned.add(action.variable ?? 'intent');
      }
    }
    if (node.type === 'webchat' && typeof node.waitForInput?.variable === 'string') assigned.add(node.waitForInput.variable);
  }
  return assigned;
}

export function compileFlow(flow: FlowDefinition): CompiledFlow {
  const found = cache.get(flow);
  if (found) return found;
  const templates = new Map<string, CompiledTemplate>();
  const regexes = new Map<string, RegExp | SyntaxError>();
  let assigned: Set<string> | undefined;
  const descriptions = new WeakMap<Condition, string>();
  const compiled: CompiledFlow = {
    flow,
    classifier: createKeywordClassifier(),
    template(text) {
      let template = templates.get(text);
      if (template === undefined) {
        const parts = text.includes('{') ? parseTemplate(text) : [];
        template = parts.some((part) => part.kind !== 'text') ? parts : text;
        templates.set(text, template);
      }
      return template;
    },
    regex(pattern, ignoreCase) {
      const key = `${ignoreCase ? 'i' : '-'}${pattern}`;
      let regex = regexes.get(key);
      if (regex === undefined) {
        try {
          regex = compileRegex(pattern, ignoreCase);
        } catch (error) {
          regex = error instanceof SyntaxError ? error : new SyntaxError(String(error));
        }
        regexes.set(key, regex);
      }
      return regex;
    },
    assignedVariables() {
      assigned ??= collectAssigned(flow);
      return assigned;
    },
    describe(condition) {
      let text = descriptions.get(condition);
      if (text === undefined) {
        text = describeCondition(condition);
        descriptions.set(condition, text);
      }
      return text;
    },
  };
  cache.set(flow, compiled);
  return compiled;
}
