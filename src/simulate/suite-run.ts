// Running a parsed suite against its flow: each case simulated and checked; pure (the caller loads files and environment).
import type { FlowDefinition } from '../flow/schema.js';
import { fixedClock } from './clock.js';
import { withEnvironment } from './environment.js';
import { checkExpectations, type ExpectationFailure } from './expectations.js';
import type { IntentClassifier } from './intents.js';
import { simulate } from './simulate.js';
import type { SimulationSuite } from './suite.js';
import type { SimulationTrace } from './trace.js';

export interface CaseResult {
  name: string;
  /** JSON pointer of the case in the suite file, and its line when known. */
  pointer: string;
  line?: number;
  passed: boolean;
  failures: ExpectationFailure[];
  trace: SimulationTrace;
  /** Measured by the caller (runSuiteFiles); absent from pure runs. */
  durationMs?: number;
}

export interface SuiteResult {
  file: string;
  format: SimulationSuite['format'];
  /** The flow file the suite ran against (as resolved), and its id. */
  flowFile?: string;
  flowId?: string;
  cases: CaseResult[];
  /** The suite could not run at all (unreadable suite or flow): code and one sentence. */
  error?: { code: string; message: string };
}

export interface SuiteRunOptions {
  /** Environment values for `{env.NAME}` (already loaded from profile, env file and process). */
  env?: Readonly<Record<string, string>>;
  classifier?: IntentClassifier;
  flowFile?: string;
  /** Measures a case (the caller's clock); pure runs leave durations out. */
  timer?: () => number;
}

/** Runs every case of a suite against the flow. */
export function runSuite(suite: SimulationSuite, flow: FlowDefinition, options: SuiteRunOptions = {}): SuiteResult {
  const env = options.env ?? {};
  const runFlow = withEnvironment(flow, env);
  const clock = fixedClock(suite.now);
  const cases = suite.cases.map((c): CaseResult => {
    const started = options.timer?.();
    // A scenario that waits for a reply before saying anything starts with the flow speaking first.
    const startWithoutMessage = c.expect.replies?.some((reply) => reply.afterTurn < 0) ?? false;
    const trace = simulate(runFlow, {
      transcript: c.transcript,
      clock,
      ...(c.data ? { data: c.data } : {}),
      ...(c.intents ? { intents: c.intents } : {}),
      ...(c.stepLimit ? { stepLimit: c.stepLimit } : {}),
      ...(options.classifier ? { classifier: options.classifier } : {}),
      ...(startWithoutMessage ? { startWithoutMessage } : {}),
    });
    const failures = checkExpectations(trace, c.expect, env);
    const result: CaseResult = { name: c.name, pointer: c.pointer, passed: failures.length === 0, failures, trace };
    const line = suite.locate?.(c.pointer)?.line;
    if (line !== undefined) result.line = line;
    if (started !== undefined && options.timer) result.durationMs = options.timer() - started;
    return result;
  });
  const result: SuiteResult = { file: suite.file, format: suite.format, flowId: typeof flow.id === 'string' ? flow.id : undefined, cases };
  if (options.flowFile !== undefined) result.flowFile = options.flowFile;
  return result;
}
