// The interpreter's semantics: conversations, waits, ends, errors, the step limit, injected clock and classifier, purity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FlowDefinition, FlowNode } from '../flow/schema.js';
import { createWebMessagingFlow } from '../flow/builder.js';
import { fixedClock, type SimulationClock } from './clock.js';
import type { IntentClassifier } from './intents.js';
import { simulate, simulateFlow } from './simulate.js';
import { initialState } from './state.js';
import { step } from './step.js';

const seed = JSON.parse(readFileSync(new URL('../../../shared/examples/seed-webchat.flow.json', import.meta.url), 'utf8')) as FlowDefinition;

function flowOf(nodes: Record<string, unknown>, extra: Partial<FlowDefinition> = {}): FlowDefinition {
  return { id: 'f', version: 1, name: 'test', status: 'draft', nodes: nodes as Record<string, FlowNode>, ...extra };
}

const askTwice = flowOf({
  start: { type: 'start', transition: 'ask_name' },
  ask_name: { type: 'webchat', message: 'Your name?', waitForInput: { variable: 'name' }, transition: 'ask_order' },
  ask_order: { type: 'webchat', message: 'Thanks {name}. Order number?', waitForInput: { variable: 'order', timeoutSeconds: 60, timeoutTransition: 'bye' }, transition: 'thanks' },
  thanks: { type: 'action', actions: [{ name: 'sendMessage', text: 'Order {order} (last message: {message}), first: {first}' }], transition: 'done' },
  bye: { type: 'action', actions: [{ name: 'sendMessage', text: 'Bye' }], transition: 'done' },
  done: { type: 'end' },
});

test('the seed flow with "I need help with my bill" ends at default_end, and the trace says why: nothing sets intent', () => {
  const trace = simulateFlow(seed, [{ from: 'customer', text: 'I need help with my bill' }]);
  assert.deepEqual(trace.path, ['start', 'set_context', 'route_intent', 'default_end']);
  assert.deepEqual(trace.end, { reason: 'ended', node: 'default_end' });
  assert.equal(trace.routedTo, null);
  const branch = trace.steps.find((s) => s.node === 'route_intent')?.branch;
  assert.equal(branch?.taken, 'default');
  assert.equal(branch?.checks[0].why, 'intent is not set (nothing in this flow sets intent; give it as initial data)');
  assert.match(branch?.why ?? '', /no condition matched \(intent is not set .*\), so the default branch was taken/);
  assert.deepEqual(trace.variables, { channel: 'webchat', timestamp: '2024-01-01T09:00:00.000Z' });
});

test('the seed flow built in code behaves the same as the file', () => {
  const fromCode = simulate(createWebMessagingFlow(seed.id, 1), { messages: ['I need help with my bill'] });
  assert.deepEqual(fromCode.path, simulate(seed, { messages: ['I need help with my bill'] }).path);
});

test('with intent given as data, the seed flow routes, and an unresolved {env.NAME} it needs ends the run with an error naming it', () => {
  const trace = simulate(seed, { messages: ['hi'], data: { intent: 'billing' } });
  assert.equal(trace.end.reason, 'error');
  assert.equal(trace.end.node, 'billing_queue');
  assert.match(trace.end.message ?? '', /BILLING_QUEUE_ID/);
  assert.equal(trace.routedTo, null);
});

test('route records routedTo and the run continues to its end node, which ends it as routed', () => {
  const flow = { ...seed, environmentVariables: { billing_queue_id: 'q-billing', tech_queue_id: 'q-tech' } };
  const trace = simulate(flow, { messages: ['hi'], data: { intent: 'technical' } });
  assert.deepEqual(trace.path, ['start', 'set_context', 'route_intent', 'tech_queue', 'default_end']);
  assert.deepEqual(trace.end, { reason: 'routed', node: 'default_end' });
  assert.equal(trace.routedTo, 'q-tech');
});

test('the first message is {message} at start; each wait reads the next into its variable and into {message}', () => {
  const trace = simulate(askTwice, { messages: ['hello', 'Ada', 'A-123'], data: { first: 'x' } });
  assert.deepEqual(trace.messages.map((m) => m.text), ['Your name?', 'Thanks Ada. Order number?', 'Order A-123 (last message: A-123), first: x']);
  assert.deepEqual(trace.messages.map((m) => m.node), ['ask_name', 'ask_order', 'thanks']);
  assert.equal(trace.variables.name, 'Ada');
  assert.deepEqual(
    trace.conversation.map((t) => `${t.from}:${t.text}`),
    ['customer:hello', 'flow:Your name?', 'customer:Ada', 'flow:Thanks Ada. Order number?', 'customer:A-123', 'flow:Order A-123 (last message: A-123), first: x'],
  );
  assert.equal(trace.steps.find((s) => s.node === 'ask_name')?.received, 'Ada');
  assert.deepEqual(trace.unreadMessages, []);
});

test('a wait with no message left ends the run with waiting-for-input at that node', () => {
  const trace = simulate(askTwice, { messages: ['hello', 'Ada'] });
  assert.equal(trace.end.reason, 'waiting-for-input');
  assert.equal(trace.end.node, 'ask_order');
  assert.match(trace.end.message ?? '', /order/);
  assert.deepEqual(trace.path, ['start', 'ask_name', 'ask_order']);
  assert.equal(trace.steps.at(-1)?.waitedFor, 'order');
});

test('a silent customer takes the timeout transition', () => {
  const trace = simulate(askTwice, { transcript: [{ from: 'customer', text: 'hello' }, { text: 'Ada' }, { timeout: true }] });
  assert.deepEqual(trace.path, ['start', 'ask_name', 'ask_order', 'bye', 'done']);
  assert.equal(trace.steps[2].timedOut, true);
  assert.equal(trace.conversation.filter((t) => t.timeout).length, 1);
});

test('the flow side of a transcript is skipped; messages the run never read are reported', () => {
  const trace = simulateFlow(askTwice, [
    { from: 'customer', text: 'hello' },
    { from: 'flow', text: 'Your name?' },
    { from: 'customer', text: 'Ada' },
    { from: 'customer', text: '42' },
    { from: 'customer', text: 'extra' },
  ]);
  assert.equal(trace.variables.order, '42');
  assert.deepEqual(trace.unreadMessages, ['extra']);
});

test('a loop without a customer wait stops at the step limit and names the loop', () => {
  const flow = flowOf({
    start: { type: 'start', transition: 'a' },
    a: { type: 'action', actions: [{ name: 'set', variable: 'n', value: 1 }], transition: 'b' },
    b: { type: 'transition', conditions: [{ variable: 'n', condition: 'exists', transition: 'c' }], transition: 'done' },
    c: { type: 'action', actions: [], transition: 'a' },
    done: { type: 'end' },
  });
  const trace = simulate(flow);
  assert.equal(trace.end.reason, 'step-limit');
  assert.equal(trace.path.length, 1000);
  assert.deepEqual(trace.end.loop, ['a', 'b', 'c', 'a']);
  assert.match(trace.end.message ?? '', /step limit \(1000\).*loops through a → b → c → a/);
  assert.equal(simulate(flow, { stepLimit: 10 }).path.length, 10);
});

test('a long path without a loop at the step limit says so', () => {
  const trace = simulate(askTwice, { messages: ['a', 'b', 'c'], stepLimit: 2 });
  assert.equal(trace.end.reason, 'step-limit');
  assert.equal(trace.end.loop, undefined);
  assert.match(trace.end.message ?? '', /without a loop/);
});

const errorCases: Array<{ name: string; flow: FlowDefinition; message: RegExp; node: string }> = [
  { name: 'no start node', flow: flowOf({ done: { type: 'end' } }), message: /no start node/, node: 'start' },
  { name: 'a transition to a missing node', flow: flowOf({ start: { type: 'start', transition: 'nowhere' } }), message: /start transitions to "nowhere", which does not exist/, node: 'start' },
  { name: 'a node with no transition', flow: flowOf({ start: { type: 'start' } }), message: /node start has no transition/, node: 'start' },
  { name: 'an unknown node type', flow: flowOf({ start: { type: 'start', transition: 'x' }, x: { type: 'teleport' } }), message: /unknown type "teleport"/, node: 'x' },
  {
    name: 'an unknown action',
    flow: flowOf({ start: { type: 'start', transition: 'x' }, x: { type: 'action', actions: [{ name: 'launch' }], transition: 'x' } }),
    message: /unknown action "launch"/,
    node: 'x',
  },
  {
    name: 'an unknown operator',
    flow: flowOf({ start: { type: 'start', transition: 'x' }, x: { type: 'transition', conditions: [{ variable: 'a', condition: 'isAbout', transition: 'x' }], transition: 'x' } }),
    message: /unknown operator "isAbout"/,
    node: 'x',
  },
  {
    name: 'a condition target that does not exist',
    flow: flowOf({ start: { type: 'start', transition: 'x' }, x: { type: 'transition', conditions: [{ variable: 'message', condition: 'exists', transition: 'gone' }], transition: 'x' } }),
    message: /x transitions to "gone"/,
    node: 'x',
  },
];

for (const c of errorCases) {
  test(`run-time error: ${c.name} ends the run with reason error, not an exception`, () => {
    const trace = simulate(c.flow, { messages: ['hi'] });
    assert.equal(trace.end.reason, 'error');
    assert.equal(trace.end.node, c.node);
    assert.match(trace.end.message ?? '', c.message);
  });
}

test('a flow that is not a flow at all still gives a trace', () => {
  assert.equal(simulate({} as FlowDefinition).end.reason, 'error');
  assert.equal(simulate({ nodes: null } as unknown as FlowDefinition).end.reason, 'error');
});

test('{now} comes from the injected clock; the default is a fixed clock', () => {
  const flow = flowOf({ start: { type: 'start', transition: 'a' }, a: { type: 'action', actions: [{ name: 'set', variable: 'at', value: '{now}' }], transition: 'done' }, done: { type: 'end' } });
  assert.equal(simulate(flow).variables.at, '2024-01-01T09:00:00.000Z');
  let ticks = 0;
  const ticking: SimulationClock = { now: () => new Date(Date.UTC(2031, 0, 1, 0, 0, ticks++)) };
  assert.equal(simulate(flow, { clock: ticking }).variables.at, '2031-01-01T00:00:00.000Z');
  assert.equal(simulate(flow, { clock: fixedClock('2025-06-01T12:00:00Z') }).variables.at, '2025-06-01T12:00:00.000Z');
});

test('a plugged-in classifier decides intents; if it throws, the run ends with an error', () => {
  const flow = flowOf({
    start: { type: 'start', transition: 'c' },
    c: { type: 'action', actions: [{ name: 'classify', intents: { billing: ['bill'] }, fallback: 'other' }], transition: 'done' },
    done: { type: 'end' },
  });
  const seen: string[] = [];
  const nlu: IntentClassifier = { classify: (text, intents) => (seen.push(`${text}|${Object.keys(intents)}`), { intent: 'complaint', confidence: 0.87 }) };
  const trace = simulate(flow, { messages: ['this is terrible'], classifier: nlu });
  assert.equal(trace.variables.intent, 'complaint');
  assert.deepEqual(seen, ['this is terrible|billing']);
  assert.match(trace.steps[1].actions?.[0].summary ?? '', /as complaint/);
  const broken: IntentClassifier = { classify: () => { throw new Error('NLU down'); } };
  const failed = simulate(flow, { messages: ['x'], classifier: broken });
  assert.equal(failed.end.reason, 'error');
  assert.match(failed.end.message ?? '', /NLU down/);
});

test('the flow inputs give defaults that initial data overrides', () => {
  const flow = flowOf(
    { start: { type: 'start', transition: 'a' }, a: { type: 'action', actions: [{ name: 'sendMessage', text: '{lang}/{tier}' }], transition: 'done' }, done: { type: 'end' } },
    { inputs: { lang: { default: 'en' }, tier: { default: 'basic' } } },
  );
  assert.equal(simulate(flow, { data: { tier: 'gold' } }).messages[0].text, 'en/gold');
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

test('step is pure: it changes neither the flow nor the state it is given, and the same input gives the same result', () => {
  const flow = deepFreeze(structuredClone(askTwice));
  const s0 = initialState({ first: 'x' }, 'hello');
  const r1 = step(flow, s0, { type: 'run' });
  const r2 = step(flow, r1.state, { type: 'run' });
  assert.equal(r2.state.status, 'waiting');
  const again = step(flow, r1.state, { type: 'run' });
  assert.deepEqual(again, r2);
  assert.equal(r1.state.node, 'ask_name');
  const r3 = step(flow, r2.state, { type: 'message', text: 'Ada' });
  assert.equal(r3.state.variables.get('name'), 'Ada');
  assert.equal(r2.state.variables.get('name'), undefined);
  assert.equal(r2.state.status, 'waiting');
  assert.deepEqual(r3.events.map((e) => e.type), ['inputReceived', 'transitioned']);
});

test('a waiting step with no more input ends with waiting-for-input; an ended state does not move', () => {
  const flow = askTwice;
  let state = step(flow, initialState({}, 'hi'), { type: 'run' }).state;
  state = step(flow, state, { type: 'run' }).state;
  const end = step(flow, state, { type: 'endOfTranscript' });
  assert.equal(end.state.status, 'ended');
  assert.equal(end.state.end?.reason, 'waiting-for-input');
  assert.deepEqual(step(flow, end.state, { type: 'run' }), { state: end.state, events: [] });
});
