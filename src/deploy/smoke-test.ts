// The smoke test: the simulation suites beside a flow file that name it, run against the DEPLOYED definition.
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { FlowDefinition } from '../flow/schema.js';
import { loadSuiteFile, SUITE_FILE } from '../simulate/suite-files.js';
import { runSuite } from '../simulate/suite-run.js';
import type { SimulationSuite } from '../simulate/suite.js';
import type { SmokeResult } from './deploy.js';

/** The suites in the flow file's folder whose `flow:` is that file (suites that cannot be read are skipped). */
export async function suitesFor(flowFile: string): Promise<SimulationSuite[]> {
  const folder = dirname(resolve(flowFile));
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const suites: SimulationSuite[] = [];
  for (const name of names.filter((n) => SUITE_FILE.test(n)).sort()) {
    try {
      const suite = await loadSuiteFile(join(folder, name), folder);
      if (suite.flow !== undefined && resolve(folder, suite.flow) === resolve(flowFile)) suites.push(suite);
    } catch {
      // Not ours to judge here: `gcflow test` reports unreadable suites.
    }
  }
  return suites;
}

/**
 * A smoke test for one flow file: its suites run against what was deployed, with the deploy's own environment
 * values (so `{env.NAME}` in expectations means what it meant for the pushed flow). Undefined when it has none.
 */
export function smokeTestFor(flowFile: string, values: Readonly<Record<string, string>> = {}): (flowId: string, deployed: FlowDefinition) => Promise<SmokeResult | undefined> {
  return async (_flowId, deployed) => {
    const suites = await suitesFor(flowFile);
    if (suites.length === 0) return undefined;
    const result: SmokeResult = { passed: 0, failed: 0, failures: [] };
    for (const suite of suites) {
      const run = runSuite(suite, deployed, { env: { ...suite.env, ...values } });
      for (const c of run.cases) {
        if (c.passed) result.passed++;
        else {
          result.failed++;
          result.failures.push(`${c.name}: ${c.failures.map((f) => f.message).join('; ')}`);
        }
      }
    }
    return result;
  };
}
