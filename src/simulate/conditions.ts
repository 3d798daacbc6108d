// Condition operators: how a transition node compares a variable with a value, and the sentence that says why.
import type { Condition, ConditionOperator } from '../flow/schema.js';
import { quoteValue } from './quote.js';
import type { VariableValue } from './variables.js';

type Scalar = string | number | boolean;

export interface ConditionOperands {
  /** The variable's name, for the sentence that says why. */
  name: string;
  /** The variable's value; undefined when it is not set. */
  actual: VariableValue | undefined;
  /** The condition's value (placeholders already filled). */
  expected: Scalar | undefined;
  ignoreCase: boolean;
  /** The compiled regex for `matches`; the caller compiles (and caches) it. */
  regex?: RegExp;
}

/** An operator's decision: true or false, and the fact about the variable that decided it. */
export interface ConditionVerdict {
  result: boolean;
  why: string;
}

function text(value: Scalar | undefined, ignoreCase: boolean): string {
  const s = value === undefined ? '' : String(value);
  return ignoreCase ? s.toLowerCase() : s;
}

const quote = quoteValue;

function numberOf(value: Scalar | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

const isSet = (value: VariableValue | undefined): value is VariableValue => value !== undefined && value !== '';

function presence(name: string, actual: VariableValue | undefined): string {
  if (actual === undefined) return `${name} is not set`;
  return actual === '' ? `${name} is empty` : `${name} is ${quote(actual)}`;
}

type StringTest = (actual: string, expected: string) => boolean;

/** Operators on text: false (with the reason) when the variable is not set. */
function onText(test: StringTest): (operands: ConditionOperands) => ConditionVerdict {
  return ({ name, actual, expected, ignoreCase }) => {
    if (actual === undefined) return { result: false, why: `${name} is not set` };
    return { result: test(text(actual, ignoreCase), text(expected, ignoreCase)), why: `${name} is ${quote(actual)}` };
  };
}

function onNumbers(test: (actual: number, expected: number) => boolean): (operands: ConditionOperands) => ConditionVerdict {
  return ({ name, actual, expected }) => {
    if (actual === undefined) return { result: false, why: `${name} is not set` };
    const a = numberOf(actual);
    const b = numberOf(expected);
    if (a === undefined) return { result: false, why: `${name} is ${quote(actual)}, which is not a number` };
    if (b === undefined) return { result: false, why: `the value ${quote(expected ?? '')} is not a number` };
    return { result: test(a, b), why: `${name} is ${a}` };
  };
}

/** One evaluator per operator (DESIGN.md): string comparisons are case-sensitive unless ignoreCase. */
export const CONDITION_EVALUATORS: Readonly<Record<ConditionOperator, (operands: ConditionOperands) => ConditionVerdict>> = {
  equals: onText((a, b) => a === b),
  // An unset variable is not equal to anything.
  notEquals: (operands) => (operands.actual === undefined ? { result: true, why: `${operands.name} is not set` } : onText((a, b) => a !== b)(operands)),
  contains: onText((a, b) => a.includes(b)),
  startsWith: onText((a, b) => a.startsWith(b)),
  endsWith: onText((a, b) => a.endsWith(b)),
  matches: ({ name, actual, regex }) => {
    if (actual === undefined) return { result: false, why: `${name} is not set` };
    return { result: regex ? regex.test(String(actual)) : false, why: `${name} is ${quote(actual)}` };
  },
  greaterThan: onNumbers((a, b) => a > b),
  lessThan: onNumbers((a, b) => a < b),
  // An empty string counts as no value: a customer who sent nothing has not answered.
  exists: ({ name, actual }) => ({ result: isSet(actual), why: presence(name, actual) }),
  notExists: ({ name, actual }) => ({ result: !isSet(actual), why: presence(name, actual) }),
};

const VALUELESS: ReadonlySet<string> = new Set(['exists', 'notExists']);

/** `intent equals "billing"`, `answer matches /^[0-9]+$/ (ignoring case)`, `name exists`. */
export function describeCondition(condition: Pick<Condition, 'variable' | 'condition' | 'value' | 'ignoreCase'>): string {
  let out = `${condition.variable} ${condition.condition}`;
  if (!VALUELESS.has(condition.condition)) {
    const value = condition.value ?? '';
    out += condition.condition === 'matches' ? ` ${String(value).startsWith('/') ? value : `/${value}/`}` : ` ${quote(value)}`;
  }
  if (condition.ignoreCase) out += ' (ignoring case)';
  return out;
}

/** Whether the operator is one this interpreter knows (flows may be unvalidated). */
export function isConditionOperator(name: unknown): name is ConditionOperator {
  return typeof name === 'string' && Object.hasOwn(CONDITION_EVALUATORS, name);
}
