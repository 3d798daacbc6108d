// Which names a flow can read: variables its actions and waits set, declared inputs, parameters and built-ins.
import { BUILT_IN_VARIABLES } from '../flow/placeholder.js';
import { isRecord, type FlowModel } from './flow-model.js';

export interface KnownVariables {
  /** Set by a `set` or `classify` action or by a `waitForInput`. */
  set: ReadonlySet<string>;
  /** Declared in `inputs`. */
  inputs: ReadonlySet<string>;
  /** Keys of `environmentVariables`. */
  parameters: ReadonlySet<string>;
  /** Whether a name (or, for `a.b`, its first part) is any of the above or a built-in. */
  has(name: string): boolean;
}

const BUILT_INS: ReadonlySet<string> = new Set(BUILT_IN_VARIABLES);

export function collectKnownVariables(model: FlowModel): KnownVariables {
  const set = new Set<string>();
  for (const entry of model.nodes) {
    for (let i = 0; i < entry.actions.length; i++) {
      const action = entry.actions[i];
      if (!isRecord(action)) continue;
      if (action.name === 'set' && typeof action.variable === 'string') set.add(action.variable);
      if (action.name === 'classify') set.add(typeof action.variable === 'string' ? action.variable : 'intent');
    }
    const wait = entry.wait;
    if (wait && typeof wait.variable === 'string') set.add(wait.variable);
  }
  const inputs = new Set(isRecord(model.data.inputs) ? Object.keys(model.data.inputs) : []);
  const parameters = new Set(isRecord(model.data.environmentVariables) ? Object.keys(model.data.environmentVariables) : []);
  const known = (name: string): boolean => BUILT_INS.has(name) || set.has(name) || inputs.has(name) || parameters.has(name);
  return {
    set,
    inputs,
    parameters,
    has: (name) => known(name) || (name.includes('.') && known(name.slice(0, name.indexOf('.')))),
  };
}
