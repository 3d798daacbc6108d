// Environment values for a run: `{env.NAME}` is filled exactly as the env room fills it, once per flow and values.
import { resolveFlowEnvironment, type EnvironmentValues } from '../env/index.js';
import type { FlowDefinition } from '../flow/schema.js';

// Resolved copies by flow and by values object, so that many runs with the same environment resolve once.
const resolved = new WeakMap<object, WeakMap<object, FlowDefinition>>();

/**
 * The flow with every `{env.NAME}` that has a value filled in. Placeholders without a value stay as written: a run
 * that needs one ends with reason `error` naming it. Treat `flow` and `values` as immutable once passed.
 */
export function withEnvironment(flow: FlowDefinition, values: Readonly<EnvironmentValues>): FlowDefinition {
  let byValues = resolved.get(flow);
  if (!byValues) {
    byValues = new WeakMap();
    resolved.set(flow, byValues);
  }
  let copy = byValues.get(values);
  if (!copy) {
    copy = resolveFlowEnvironment(flow, values).flow;
    byValues.set(values, copy);
  }
  return copy;
}
