// The default analysis: the project's own validator (src/validate) and simulator (src/simulate).
import type { FlowDefinition } from '../flow/schema.js';
import { simulate, type SimulateOptions } from '../simulate/index.js';
import { validate } from '../validate/index.js';
import type { FlowAnalysis } from './analysis.js';

export const projectAnalysis: FlowAnalysis = {
  validate: (flow) => validate(flow),
  // Callers validate first: the simulator is only given flows without validation errors.
  simulate: (flow, options) => simulate(flow as FlowDefinition, options as SimulateOptions),
};
