// Reads environment values: the process environment, a named profile (environments/<name>.env) and an --env-file.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { GcflowError } from '../flow/diagnostic.js';
import type { EnvironmentValues } from './resolve-flow-environment.js';

export interface LoadEnvironmentOptions {
  /** The flow file: profiles are looked for beside it. */
  flowFile?: string;
  /** A profile name: reads <environments folder>/<profile>.env. */
  profile?: string;
  /** A dotenv file. */
  envFile?: string;
  /** Where relative paths start, and the second place gcflow.config.json is looked for (default: process.cwd()). */
  cwd?: string;
  /** The ambient environment (default: process.env). */
  processEnv?: Readonly<Record<string, string | undefined>>;
}

/** The project configuration file, looked for in the flow's folder, then in the working directory. */
export const GCFLOW_CONFIG_FILE = 'gcflow.config.json';

export const EnvironmentErrorCode = {
  badProfileName: 'GCF921',
  profileNotFound: 'GCF922',
  envFileUnreadable: 'GCF923',
  badConfig: 'GCF924',
} as const;

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The folder profiles live in: environmentsDir of the first gcflow.config.json found, else environments/ beside the flow. */
export async function environmentsFolder(flowFile: string | undefined, cwd: string): Promise<string> {
  const flowDir = flowFile ? dirname(resolve(cwd, flowFile)) : cwd;
  for (const dir of [...new Set([flowDir, resolve(cwd)])]) {
    const file = join(dir, GCFLOW_CONFIG_FILE);
    let text: string | undefined;
    try {
      text = await readText(file);
    } catch (error) {
      throw new GcflowError(EnvironmentErrorCode.badConfig, `${GCFLOW_CONFIG_FILE} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, { file });
    }
    if (text === undefined) continue;
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch {
      throw new GcflowError(EnvironmentErrorCode.badConfig, `${GCFLOW_CONFIG_FILE} is not valid JSON; it should look like {"environmentsDir": "config/environments"}`, { file });
    }
    const folder = config !== null && typeof config === 'object' ? (config as Record<string, unknown>).environmentsDir : undefined;
    if (folder === undefined) continue;
    if (typeof folder !== 'string' || folder === '') {
      throw new GcflowError(EnvironmentErrorCode.badConfig, 'environmentsDir must be a folder path (a non-empty string), relative to the config file', { file, pointer: '/environmentsDir' });
    }
    return resolve(dir, folder);
  }
  return join(flowDir, 'environments');
}

async function readDotenv(file: string, missing: () => GcflowError): Promise<EnvironmentValues> {
  let text: string | undefined;
  try {
    text = await readText(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'it is a directory' : `${code ?? 'unknown error'}`;
    throw new GcflowError(EnvironmentErrorCode.envFileUnreadable, `the env file cannot be read (${why})`, { file });
  }
  if (text === undefined) throw missing();
  return parseDotenv(text);
}

/**
 * The environment values for {env.NAME}, later sources winning: the process environment, then the profile,
 * then the --env-file (files named on the command line are explicit, the ambient environment is not).
 */
export async function loadEnvironment(options: LoadEnvironmentOptions = {}): Promise<EnvironmentValues> {
  const cwd = options.cwd ?? process.cwd();
  const values: EnvironmentValues = {};
  for (const [name, value] of Object.entries(options.processEnv ?? process.env)) if (typeof value === 'string') values[name] = value;
  if (options.profile !== undefined) {
    const profile = options.profile;
    if (!PROFILE_NAME.test(profile) || profile.includes('..')) {
      throw new GcflowError(EnvironmentErrorCode.badProfileName, `"${profile}" is not a profile name; use letters, digits, _, - and . (e.g. prod)`);
    }
    const folder = await environmentsFolder(options.flowFile, cwd);
    const file = join(folder, `${profile}.env`);
    const shown = relative(cwd, file) || file;
    Object.assign(values, await readDotenv(file, () => new GcflowError(EnvironmentErrorCode.profileNotFound, `profile "${profile}" not found: there is no ${shown}; create it (NAME=value lines) or set environmentsDir in ${GCFLOW_CONFIG_FILE}`, { file: shown })));
  }
  if (options.envFile !== undefined) {
    const file = options.envFile;
    Object.assign(values, await readDotenv(resolve(cwd, file), () => new GcflowError(EnvironmentErrorCode.envFileUnreadable, 'no such env file', { file })));
  }
  return values;
}
