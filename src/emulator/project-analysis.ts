// The default analysis: the project's own validator (src/validate) and simulator (src/simulate).
import type { FlowDefinition } from '../flow/schema.js';
import { validate } from '../validate/index.js';
import type { FlowAnalysis } from './analysis.js';
import { ApiFailure } from './errors.js';

type Simulate = (flow: FlowDefinition, options: Record<string, unknown>) => unknown;

/** Loads the simulator lazily (it is only needed by POST .../simulate). */
export async function loadProjectAnalysis(): Promise<FlowAnalysis> {
  // The simulation room's index is being written at the same time; until it exists, simulate answers 501.
  const simulateModule = '../simulate/index.js';
  let simulate: Simulate | undefined;
  try {
    simulate = ((await import(simulateModule)) as { simulate: Simulate }).simulate;
  } catch {
    simulate = undefined;
  }
  return {
    validate: (flow) => validate(flow),
    simulate: (flow, options) => {
      if (!simulate) throw new ApiFailure(501, 'not.implemented', 'The simulator is not available in this build of the emulator.');
      return simulate(flow as FlowDefinition, options);
    },
  };
}
