// Checking a trace against a case's expectations: each failure says what was expected, what happened, and why.
import { fillTemplate } from '../flow/placeholder.js';
import { compileRegex, parseRegexLiteral } from './regex.js';
import type { CaseExpectations, MessageExpectation, ReplyExpectation } from './suite.js';
import type { SimulationTrace } from './trace.js';

export interface ExpectationFailure {
  /** What was checked: `path`, `routedTo`, `end.reason`, `messages[1]`, `variables.intent`, `reply 3`. */
  expectation: string;
  expected: unknown;
  actual: unknown;
  /** One sentence for the reader. */
  message: string;
  /** Where the run went another way, and why (from the trace). */
  hint?: string;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** Where the path left the expected one: the node before, with its branch decision if it made one. */
function divergence(trace: SimulationTrace, expected: readonly string[]): string | undefined {
  let i = 0;
  while (i < expected.length && i < trace.path.length && expected[i] === trace.path[i]) i++;
  if (i === 0) return undefined;
  const step = trace.steps[i - 1];
  if (i >= trace.path.length) return `the run ended at ${trace.end.node} (${trace.end.reason}${trace.end.message ? `: ${trace.end.message}` : ''})`;
  const went = `after ${step.node} the run went to ${trace.path[i]}${i < expected.length ? ` instead of ${expected[i]}` : ''}`;
  return step.branch ? `${went}: ${step.branch.why}` : went;
}

function firstBranchHint(trace: SimulationTrace): string | undefined {
  const defaults = trace.steps.filter((s) => s.branch?.taken === 'default');
  return defaults.length > 0 ? `at ${defaults[0].node}: ${defaults[0].branch?.why}` : undefined;
}

function isSubsequence(needle: readonly string[], haystack: readonly string[]): number {
  let j = 0;
  for (const node of haystack) if (j < needle.length && node === needle[j]) j++;
  return j;
}

/** Tests one sent message; returns the failure sentence or undefined when it fits. */
export function messageMismatch(expected: MessageExpectation, actual: string): string | undefined {
  if (typeof expected === 'string') {
    if (parseRegexLiteral(expected)) return regexMismatch(expected, actual);
    return expected === actual ? undefined : `is not ${JSON.stringify(expected)}`;
  }
  if (expected.equals !== undefined && expected.equals !== actual) return `is not ${JSON.stringify(expected.equals)}`;
  if (expected.contains !== undefined && !actual.includes(expected.contains)) return `does not contain ${JSON.stringify(expected.contains)}`;
  if (expected.matches !== undefined) return regexMismatch(expected.matches, actual);
  return undefined;
}

function regexMismatch(pattern: string, actual: string): string | undefined {
  let regex: RegExp;
  try {
    regex = compileRegex(pattern);
  } catch (error) {
    return `cannot be checked: ${pattern} is not a valid regex (${(error as Error).message})`;
  }
  return regex.test(actual) ? undefined : `does not match ${parseRegexLiteral(pattern) ? pattern : `/${pattern}/`}`;
}

function checkReplies(trace: SimulationTrace, replies: readonly ReplyExpectation[], failures: ExpectationFailure[]): void {
  // Flow replies grouped by the customer turn they follow (-1: before the first).
  const after: Array<{ turn: number; text: string }> = [];
  let turn = -1;
  for (const line of trace.conversation) {
    if (line.from === 'customer') turn++;
    else after.push({ turn, text: line.text });
  }
  let cursor = 0;
  let lastTurn = -1;
  for (const reply of replies) {
    if (reply.afterTurn !== lastTurn) {
      // A new `say`: replies to earlier turns can no longer be waited for.
      while (cursor < after.length && after[cursor].turn < reply.afterTurn) cursor++;
      lastTurn = reply.afterTurn;
    }
    let found = -1;
    for (let i = cursor; i < after.length && after[i].turn <= reply.afterTurn; i++) {
      const text = after[i].text;
      const fits = reply.containing !== undefined ? text.toLowerCase().includes(reply.containing.toLowerCase()) : safeTest(reply.matching ?? '', text);
      if (fits) {
        found = i;
        break;
      }
    }
    if (found >= 0) {
      cursor = found + 1;
      continue;
    }
    const candidates = after.filter((r, i) => i >= cursor && r.turn <= reply.afterTurn).map((r) => r.text);
    const wanted = reply.containing !== undefined ? `a reply containing ${JSON.stringify(reply.containing)}` : `a reply matching /${reply.matching}/`;
    failures.push({
      expectation: `step ${reply.step + 1}`,
      expected: wanted,
      actual: candidates,
      message: `waited for ${wanted}, but ${candidates.length === 0 ? 'the flow sent nothing more' : 'none of the flow\'s replies fits'} before the customer's next message`,
      hint: trace.end.reason === 'waiting-for-input' ? undefined : `the run ended at ${trace.end.node} (${trace.end.reason}${trace.end.message ? `: ${trace.end.message}` : ''})`,
    });
  }
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return compileRegex(pattern).test(text);
  } catch {
    return false;
  }
}

/** Every way the trace differs from the expectations (empty when the case passes). `env` fills `{env.NAME}` in routedTo. */
export function checkExpectations(trace: SimulationTrace, expect: CaseExpectations, env: Readonly<Record<string, string>> = {}): ExpectationFailure[] {
  const failures: ExpectationFailure[] = [];
  if (expect.path && (expect.path.length !== trace.path.length || expect.path.some((node, i) => node !== trace.path[i]))) {
    failures.push({ expectation: 'path', expected: expect.path, actual: trace.path, message: 'the path differs', hint: divergence(trace, expect.path) });
  }
  if (expect.pathContains) {
    const matched = isSubsequence(expect.pathContains, trace.path);
    if (matched < expect.pathContains.length) {
      failures.push({
        expectation: 'pathContains',
        expected: expect.pathContains,
        actual: trace.path,
        message: `the path does not pass ${expect.pathContains[matched]}${matched > 0 ? ` after ${expect.pathContains[matched - 1]}` : ''}`,
        hint: firstBranchHint(trace),
      });
    }
  }
  if (expect.routedTo !== undefined) {
    const wanted = expect.routedTo === null ? null : fillTemplate(expect.routedTo, (part) => (part.kind === 'env' ? env[part.name] : undefined));
    if (wanted !== trace.routedTo) {
      failures.push({
        expectation: 'routedTo',
        expected: wanted,
        actual: trace.routedTo,
        message: trace.routedTo === null ? `the conversation was not routed (expected ${show(wanted)})` : `the conversation was routed to ${show(trace.routedTo)}`,
        hint: trace.end.reason === 'error' ? trace.end.message : firstBranchHint(trace),
      });
    }
  }
  if (expect.end) {
    for (const key of ['reason', 'node'] as const) {
      const wanted = expect.end[key];
      if (wanted !== undefined && wanted !== trace.end[key]) {
        failures.push({ expectation: `end.${key}`, expected: wanted, actual: trace.end[key], message: `the run ended with ${key} ${show(trace.end[key])}`, hint: trace.end.message });
      }
    }
    if (expect.end.message !== undefined) {
      const problem = messageMismatch(expect.end.message, trace.end.message ?? '');
      if (problem) failures.push({ expectation: 'end.message', expected: expect.end.message, actual: trace.end.message, message: `the end message ${problem}` });
    }
  }
  if (expect.messages) {
    const sent = trace.messages.map((m) => m.text);
    if (sent.length !== expect.messages.length) {
      failures.push({ expectation: 'messages', expected: expect.messages, actual: sent, message: `the flow sent ${sent.length} message(s), not ${expect.messages.length}`, hint: firstBranchHint(trace) });
    } else {
      expect.messages.forEach((wanted, i) => {
        const problem = messageMismatch(wanted, sent[i]);
        if (problem) failures.push({ expectation: `messages[${i}]`, expected: wanted, actual: sent[i], message: `message ${i + 1} ${problem}` });
      });
    }
  }
  for (const [name, wanted] of Object.entries(expect.variables ?? {})) {
    const actual = Object.hasOwn(trace.variables, name) ? trace.variables[name] : undefined;
    // Compared as text: a YAML `42` and a customer's reply "42" are the same answer.
    const fits = wanted === null ? actual === undefined : actual !== undefined && String(actual) === String(wanted);
    if (!fits) {
      failures.push({
        expectation: `variables.${name}`,
        expected: wanted,
        actual: actual ?? null,
        message: actual === undefined ? `${name} is not set` : wanted === null ? `${name} is set to ${show(actual)}` : `${name} is ${show(actual)}`,
      });
    }
  }
  if (expect.replies) checkReplies(trace, expect.replies, failures);
  return failures;
}
