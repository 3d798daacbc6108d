// Simulation suites (`*.sim.yaml` / `*.sim.json`): a flow, an environment, and cases of input with expectations; parsed purely.
import { GcflowError, type SourceLocation } from '../flow/diagnostic.js';
import type { LoadedFlow } from '../flow/load.js';
import { childPointer } from '../flow/pointer.js';
import type { IntentDefinitions } from './intents.js';
import { END_REASONS, type EndReason } from './state.js';
import type { TranscriptTurn } from './transcript.js';
import type { VariableValue } from './variables.js';

/** Error codes for suite files that cannot be used. */
export const SuiteErrorCode = {
  invalid: 'GCF960',
  noFlow: 'GCF961',
  notFound: 'GCF962',
  flowUnreadable: 'GCF963',
} as const;

/** A message the flow sent: exact text, `/regex/flags`, or `{contains}` / `{matches}` / `{equals}`. */
export type MessageExpectation = string | { equals?: string; contains?: string; matches?: string };

/** A Web Messaging Tester `waitForReplyContaining` / `waitForReplyMatching` step. */
export interface ReplyExpectation {
  /** Index of the customer turn it follows (-1: before the first). */
  afterTurn: number;
  containing?: string;
  matching?: string;
  /** The step's index in the scenario, for messages. */
  step: number;
}

export interface CaseExpectations {
  /** The whole path, in order. */
  path?: string[];
  /** Nodes that must appear in this order (others may come between). */
  pathContains?: string[];
  /** The queue id (null: not routed); `{env.NAME}` is filled from the suite's environment. */
  routedTo?: string | null;
  end?: { reason?: EndReason; node?: string; message?: string };
  /** Every message the flow sent, in order. */
  messages?: MessageExpectation[];
  /** Final variables (only those named); null means not set. */
  variables?: Record<string, VariableValue | null>;
  replies?: ReplyExpectation[];
}

export interface SuiteCase {
  name: string;
  /** JSON pointer of the case in its file, for locations. */
  pointer: string;
  data?: Record<string, unknown>;
  transcript: TranscriptTurn[];
  expect: CaseExpectations;
  intents?: IntentDefinitions;
  stepLimit?: number;
}

export interface SimulationSuite {
  file: string;
  format: 'suite' | 'web-messaging-tester';
  /** The flow file as written (relative to the suite file). */
  flow?: string;
  profile?: string;
  envFile?: string;
  /** Environment values given in the suite itself (they win over the profile and env file). */
  env?: Record<string, string>;
  /** The instant `{now}` shows (default: the fixed simulation time). */
  now?: string;
  /** A Web Messaging Tester `config:` block, kept as written (it names a live deployment; not needed offline). */
  config?: unknown;
  cases: SuiteCase[];
  locate?: LoadedFlow['locate'];
}

type Json = Record<string, unknown>;

/** Reports a problem at a pointer in the suite file, with line:column when known. */
export class SuiteReader {
  readonly file: string;
  private readonly locateIn?: LoadedFlow['locate'];

  constructor(file: string, locate?: LoadedFlow['locate']) {
    this.file = file;
    this.locateIn = locate;
  }

  fail(pointer: string, message: string, code: string = SuiteErrorCode.invalid): never {
    const location: SourceLocation = { file: this.file, pointer, ...this.locateIn?.(pointer) };
    throw new GcflowError(code, message, location);
  }

  object(value: unknown, pointer: string, what: string): Json {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(pointer, `${what} must be a map`);
    return value as Json;
  }

  array(value: unknown, pointer: string, what: string): unknown[] {
    if (!Array.isArray(value)) this.fail(pointer, `${what} must be a list`);
    return value;
  }

  string(value: unknown, pointer: string, what: string): string {
    if (typeof value !== 'string') this.fail(pointer, `${what} must be text`);
    return value;
  }

  strings(value: unknown, pointer: string, what: string): string[] {
    return this.array(value, pointer, what).map((item, i) => this.string(item, childPointer(pointer, i), `${what} item ${i}`));
  }

  onlyKeys(value: Json, pointer: string, allowed: readonly string[], what: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(childPointer(pointer, key), `${what} has an unknown key "${key}"; allowed: ${allowed.join(', ')}`);
    }
  }
}

const SUITE_KEYS = ['$schema', 'name', 'description', 'flow', 'profile', 'envFile', 'env', 'now', 'stepLimit', 'intents', 'cases'] as const;
const CASE_KEYS = ['name', 'description', 'data', 'messages', 'transcript', 'expect', 'intents', 'stepLimit'] as const;
const EXPECT_KEYS = ['path', 'pathContains', 'routedTo', 'end', 'end.reason', 'messages', 'variables'] as const;

function readScalarMap(reader: SuiteReader, value: unknown, pointer: string, what: string): Record<string, string> {
  const map = reader.object(value, pointer, what);
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(map)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') reader.fail(childPointer(pointer, key), `${what} ${key} must be text`);
    out[key] = String(v);
  }
  return out;
}

function readIntents(reader: SuiteReader, value: unknown, pointer: string): IntentDefinitions {
  const map = reader.object(value, pointer, 'intents');
  const out: Record<string, string[]> = {};
  for (const [intent, keywords] of Object.entries(map)) out[intent] = reader.strings(keywords, childPointer(pointer, intent), `intent ${intent}`);
  return out;
}

function readStepLimit(reader: SuiteReader, value: unknown, pointer: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) reader.fail(pointer, 'stepLimit must be a whole number of at least 1');
  return value;
}

function readTurns(reader: SuiteReader, c: Json, pointer: string): TranscriptTurn[] {
  const turns: TranscriptTurn[] = [];
  if (c.transcript !== undefined) {
    reader.array(c.transcript, childPointer(pointer, 'transcript'), 'transcript').forEach((turn, i) => {
      const at = childPointer(childPointer(pointer, 'transcript'), i);
      if (typeof turn === 'string') turns.push({ from: 'customer', text: turn });
      else {
        const t = reader.object(turn, at, 'a transcript turn');
        reader.onlyKeys(t, at, ['from', 'text', 'timeout'], 'a transcript turn');
        if (t.timeout === true) turns.push({ timeout: true });
        else turns.push({ from: t.from === undefined ? 'customer' : reader.string(t.from, childPointer(at, 'from'), 'from'), text: reader.string(t.text, childPointer(at, 'text'), 'text') });
      }
    });
  }
  if (c.messages !== undefined) {
    reader.array(c.messages, childPointer(pointer, 'messages'), 'messages').forEach((message, i) => {
      const at = childPointer(childPointer(pointer, 'messages'), i);
      if (typeof message === 'string' || typeof message === 'number') turns.push({ from: 'customer', text: String(message) });
      else if (message && typeof message === 'object' && (message as Json).timeout === true) turns.push({ timeout: true });
      else reader.fail(at, 'a message must be text, or {timeout: true} for a customer who stays silent');
    });
  }
  return turns;
}

function readMessageExpectation(reader: SuiteReader, value: unknown, pointer: string): MessageExpectation {
  if (typeof value === 'string') return value;
  const m = reader.object(value, pointer, 'an expected message');
  reader.onlyKeys(m, pointer, ['equals', 'contains', 'matches'], 'an expected message');
  const out: MessageExpectation = {};
  for (const key of ['equals', 'contains', 'matches'] as const) if (m[key] !== undefined) out[key] = reader.string(m[key], childPointer(pointer, key), key);
  if (Object.keys(out).length === 0) reader.fail(pointer, 'an expected message needs equals, contains or matches');
  return out;
}

function readEndReason(reader: SuiteReader, value: unknown, pointer: string): EndReason {
  if (typeof value !== 'string' || !(END_REASONS as readonly string[]).includes(value)) {
    reader.fail(pointer, `end reason must be one of ${END_REASONS.join(', ')}`);
  }
  return value as EndReason;
}

function readExpectations(reader: SuiteReader, value: unknown, pointer: string): CaseExpectations {
  const e = reader.object(value, pointer, 'expect');
  reader.onlyKeys(e, pointer, EXPECT_KEYS, 'expect');
  const out: CaseExpectations = {};
  const at = (key: string) => childPointer(pointer, key);
  if (e.path !== undefined) out.path = reader.strings(e.path, at('path'), 'path');
  if (e.pathContains !== undefined) out.pathContains = reader.strings(e.pathContains, at('pathContains'), 'pathContains');
  if (e.routedTo !== undefined) out.routedTo = e.routedTo === null ? null : reader.string(e.routedTo, at('routedTo'), 'routedTo');
  if (e.end !== undefined) {
    if (typeof e.end === 'string') out.end = { reason: readEndReason(reader, e.end, at('end')) };
    else {
      const end = reader.object(e.end, at('end'), 'end');
      reader.onlyKeys(end, at('end'), ['reason', 'node', 'message'], 'end');
      out.end = {};
      if (end.reason !== undefined) out.end.reason = readEndReason(reader, end.reason, childPointer(at('end'), 'reason'));
      if (end.node !== undefined) out.end.node = reader.string(end.node, childPointer(at('end'), 'node'), 'end node');
      if (end.message !== undefined) out.end.message = reader.string(end.message, childPointer(at('end'), 'message'), 'end message');
    }
  }
  if (e['end.reason'] !== undefined) out.end = { ...out.end, reason: readEndReason(reader, e['end.reason'], at('end.reason')) };
  if (e.messages !== undefined) out.messages = reader.array(e.messages, at('messages'), 'messages').map((m, i) => readMessageExpectation(reader, m, childPointer(at('messages'), i)));
  if (e.variables !== undefined) {
    const vars = reader.object(e.variables, at('variables'), 'variables');
    out.variables = {};
    for (const [name, v] of Object.entries(vars)) {
      if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        reader.fail(childPointer(at('variables'), name), `variable ${name} must be text, a number, true/false, or null for "not set"`);
      }
      out.variables[name] = v as VariableValue | null;
    }
  }
  return out;
}

/** The settings suites and scenario files share: flow, profile, envFile, env, now. */
export function readSuiteSettings(reader: SuiteReader, data: Record<string, unknown>, suite: SimulationSuite): void {
  if (data.flow !== undefined) suite.flow = reader.string(data.flow, '/flow', 'flow');
  if (data.profile !== undefined) suite.profile = reader.string(data.profile, '/profile', 'profile');
  if (data.envFile !== undefined) suite.envFile = reader.string(data.envFile, '/envFile', 'envFile');
  if (data.env !== undefined) suite.env = readScalarMap(reader, data.env, '/env', 'env');
  if (data.now !== undefined) {
    const now = data.now instanceof Date ? data.now.toISOString() : reader.string(data.now, '/now', 'now');
    if (Number.isNaN(new Date(now).getTime())) reader.fail('/now', `now "${now}" is not a date and time; use ISO 8601`);
    suite.now = now;
  }
}

/** Reads a suite from its parsed file. Throws GcflowError (GCF960) naming the pointer and line of the problem. */
export function parseSuite(data: Record<string, unknown>, file: string, locate?: LoadedFlow['locate']): SimulationSuite {
  const reader = new SuiteReader(file, locate);
  reader.onlyKeys(data, '', SUITE_KEYS, 'a suite');
  const suite: SimulationSuite = { file, format: 'suite', cases: [], ...(locate ? { locate } : {}) };
  readSuiteSettings(reader, data, suite);
  const suiteIntents = data.intents === undefined ? undefined : readIntents(reader, data.intents, '/intents');
  const suiteStepLimit = data.stepLimit === undefined ? undefined : readStepLimit(reader, data.stepLimit, '/stepLimit');
  const cases = reader.array(data.cases, '/cases', 'cases');
  cases.forEach((value, i) => {
    const pointer = `/cases/${i}`;
    const c = reader.object(value, pointer, 'a case');
    reader.onlyKeys(c, pointer, CASE_KEYS, 'a case');
    const name = c.name === undefined ? `case ${i + 1}` : reader.string(c.name, `${pointer}/name`, 'name');
    const item: SuiteCase = { name, pointer, transcript: readTurns(reader, c, pointer), expect: c.expect === undefined ? {} : readExpectations(reader, c.expect, `${pointer}/expect`) };
    if (c.data !== undefined) item.data = reader.object(c.data, `${pointer}/data`, 'data');
    const intents = c.intents === undefined ? suiteIntents : readIntents(reader, c.intents, `${pointer}/intents`);
    if (intents) item.intents = intents;
    const stepLimit = c.stepLimit === undefined ? suiteStepLimit : readStepLimit(reader, c.stepLimit, `${pointer}/stepLimit`);
    if (stepLimit !== undefined) item.stepLimit = stepLimit;
    suite.cases.push(item);
  });
  const names = new Set<string>();
  suite.cases.forEach((c) => {
    if (names.has(c.name)) reader.fail(`${c.pointer}/name`, `two cases are named "${c.name}"; give each case its own name`);
    names.add(c.name);
  });
  return suite;
}
