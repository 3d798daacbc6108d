// Actions as data: what a resolver may look at (the context) and what it returns (an effect the interpreter applies).
import type { Action } from '../../flow/schema.js';
import type { IntentClassifier, IntentDefinitions } from '../intents.js';
import type { VariableValue } from '../variables.js';

/** The outcome of one action, as data; the interpreter applies it to the state. */
export type ActionEffect =
  | { type: 'set'; variable: string; value: VariableValue }
  | { type: 'send'; text: string }
  | { type: 'route'; queueId: string; queueName?: string }
  | {
      type: 'classify';
      variable: string;
      input: string;
      /** The intent stored in `variable`; undefined when nothing matched and there is no fallback (the variable is cleared). */
      intent: string | undefined;
      confidence?: number;
      matched?: string;
      usedFallback: boolean;
    }
  | { type: 'disconnect'; reason?: string }
  | { type: 'error'; message: string };

/** What a resolver may read. It is pure: no clock, no I/O; everything comes through here. */
export interface ActionContext {
  /** The node the action runs in (for messages). */
  readonly node: string;
  /** A variable, parameter or built-in by name; undefined when it is not set. */
  lookup(name: string): VariableValue | undefined;
  /**
   * Fills `{name}` and `{env.NAME}` placeholders. Throws a SimulationRunError (run-error.ts) when a needed `{env.NAME}` is not resolved;
   * the step turns that into an `error` end.
   */
  fill(template: string): string;
  readonly classifier: IntentClassifier;
  /** Intent definitions supplied to the simulation; they replace those of every classify action. */
  readonly intents?: IntentDefinitions;
}

/** A pure function from an action and the context to its effect. */
export type ActionResolver<A extends Action> = (action: A, context: ActionContext) => ActionEffect;
