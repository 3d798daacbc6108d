// Finding suite files on disk, loading them with their flows and environments, and running them all (the I/O edge of suites).
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { isSecretName, loadEnvironment } from '../env/index.js';
import { GcflowError } from '../flow/diagnostic.js';
import { decodeFlowBytes, formatOf, loadFlowFile, parseFlowText } from '../flow/load.js';
import type { FlowDefinition } from '../flow/schema.js';
import { computeCoverage, coverageTotals, type CoverageTotals } from './coverage.js';
import type { IntentClassifier } from './intents.js';
import { isScenarioFile, parseScenarioFile } from './scenario.js';
import { parseSuite, SuiteErrorCode, type SimulationSuite } from './suite.js';
import { runSuite, type SuiteResult } from './suite-run.js';
import type { SimulationTrace } from './trace.js';

/** Suite files found in folders: `*.sim.yaml`, `*.sim.yml`, `*.sim.json`. A file named explicitly may be any YAML/JSON. */
export const SUITE_FILE = /\.sim\.(ya?ml|json)$/i;

const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'coverage']);

async function walk(dir: string, found: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new GcflowError(SuiteErrorCode.notFound, `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, { file: dir });
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await walk(join(dir, entry.name), found);
    } else if (SUITE_FILE.test(entry.name)) found.push(join(dir, entry.name));
  }
}

/** The suite files under the given paths (default: the working folder), in a stable order, each once. */
export async function findSuiteFiles(paths: readonly string[], cwd: string = process.cwd()): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths.length > 0 ? paths : ['.']) {
    const full = resolve(cwd, path);
    let info;
    try {
      info = await stat(full);
    } catch {
      throw new GcflowError(SuiteErrorCode.notFound, 'no such file or folder', { file: path });
    }
    if (info.isDirectory()) await walk(full, found);
    else found.push(full);
  }
  return [...new Set(found)].map((file) => relative(cwd, file) || file);
}

/** Reads a suite or Web Messaging Tester scenario file. Throws GcflowError for anything unreadable. */
export async function loadSuiteFile(file: string, cwd: string = process.cwd()): Promise<SimulationSuite> {
  const format = formatOf(file);
  if (format !== 'json' && format !== 'yaml') {
    throw new GcflowError(SuiteErrorCode.invalid, 'a suite is a .sim.yaml, .sim.yml or .sim.json file', { file });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GcflowError(SuiteErrorCode.notFound, code === 'ENOENT' ? 'no such suite file' : `the suite file cannot be read (${code ?? 'unknown error'})`, { file });
  }
  let loaded;
  try {
    loaded = parseFlowText(decodeFlowBytes(bytes, file), format, file);
  } catch (error) {
    if (error instanceof GcflowError && error.code === 'GCF909') {
      throw new GcflowError(SuiteErrorCode.invalid, 'a suite must be a map with flow and cases (or a Web Messaging Tester file with scenarios)', error.location);
    }
    throw error;
  }
  return isScenarioFile(loaded.data) ? parseScenarioFile(loaded.data, file, loaded.locate) : parseSuite(loaded.data, file, loaded.locate);
}

export interface RunSuiteFilesOptions {
  cwd?: string;
  /** The flow for every suite (wins over their `flow:`); needed for scenario files without one. */
  flow?: string;
  /** Profile and env file for every suite (win over the suite's own). */
  profile?: string;
  envFile?: string;
  processEnv?: Readonly<Record<string, string | undefined>>;
  classifier?: IntentClassifier;
  coverage?: boolean;
  /** Measures each case (default: performance.now). */
  timer?: () => number;
}

export interface TestRunResult {
  suites: SuiteResult[];
  passed: number;
  failed: number;
  /** Suites that could not run. */
  errors: number;
  coverage?: CoverageTotals;
  /** Secret-named environment values the suites used, for masking output (see maskSecrets); never printed. */
  secretValues: Record<string, string>;
}

/** Loads and runs every suite file; a suite that cannot be loaded is reported as an error, and the others still run. */
export async function runSuiteFiles(files: readonly string[], options: RunSuiteFilesOptions = {}): Promise<TestRunResult> {
  const cwd = options.cwd ?? process.cwd();
  const timer = options.timer ?? (() => performance.now());
  const suites: SuiteResult[] = [];
  const secretValues: Record<string, string> = {};
  const flows = new Map<string, { flow: FlowDefinition; traces: SimulationTrace[] }>();
  for (const file of files) {
    let suite: SimulationSuite | undefined;
    try {
      suite = await loadSuiteFile(file, cwd);
      const suiteDir = dirname(resolve(cwd, file));
      const flowPath = options.flow !== undefined ? resolve(cwd, options.flow) : suite.flow !== undefined ? resolve(suiteDir, suite.flow) : undefined;
      if (flowPath === undefined) {
        throw new GcflowError(SuiteErrorCode.noFlow, 'the suite names no flow; add `flow: path/to/flow.yaml` (relative to the suite) or pass --flow FILE', { file, pointer: '' });
      }
      const flowFile = relative(cwd, flowPath) || flowPath;
      let entry = flows.get(flowFile);
      if (!entry) {
        const loaded = await loadFlowFile(flowFile.startsWith('/') ? flowFile : resolve(cwd, flowFile)).catch((error: unknown) => {
          if (error instanceof GcflowError) throw new GcflowError(SuiteErrorCode.flowUnreadable, `its flow ${flowFile} cannot be loaded: ${error.message} [${error.code}]`, { file, pointer: '/flow' });
          throw error;
        });
        entry = { flow: loaded.data as unknown as FlowDefinition, traces: [] };
        flows.set(flowFile, entry);
      }
      const envFile = options.envFile !== undefined ? resolve(cwd, options.envFile) : suite.envFile !== undefined ? resolve(suiteDir, suite.envFile) : undefined;
      const env = await loadEnvironment({ flowFile: flowPath, profile: options.profile ?? suite.profile, envFile, cwd, processEnv: options.processEnv });
      const suiteEnv = { ...env, ...suite.env };
      for (const [name, value] of Object.entries(suiteEnv)) if (isSecretName(name)) secretValues[`${suites.length}_${name}`] = value;
      const result = runSuite(suite, entry.flow, { env: suiteEnv, flowFile, classifier: options.classifier, timer });
      for (const c of result.cases) entry.traces.push(c.trace);
      suites.push(result);
    } catch (error) {
      if (!(error instanceof GcflowError)) throw error;
      const where = error.location.file && error.location.file !== file ? `${error.location.file}: ` : '';
      const line = error.location.file === file && error.location.line !== undefined ? `line ${error.location.line}: ` : '';
      suites.push({ file, format: suite?.format ?? 'suite', cases: [], error: { code: error.code, message: `${line}${where}${error.message}` } });
    }
  }
  const passed = suites.reduce((n, s) => n + s.cases.filter((c) => c.passed).length, 0);
  const failed = suites.reduce((n, s) => n + s.cases.filter((c) => !c.passed).length, 0);
  const errors = suites.filter((s) => s.error).length;
  const result: TestRunResult = { suites, passed, failed, errors, secretValues };
  if (options.coverage) result.coverage = coverageTotals([...flows].map(([file, { flow, traces }]) => computeCoverage(flow, file, traces)));
  return result;
}
