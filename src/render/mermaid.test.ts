import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FlowDefinition } from '../flow/schema.js';
import { mermaidIds, mermaidText, renderMermaid } from './mermaid.js';
import { hostileFlow, HOSTILE_TEXT } from './testdata/hostile-flow.js';

const seed = JSON.parse(readFileSync(new URL('../../../shared/examples/seed-webchat.flow.json', import.meta.url), 'utf8')) as FlowDefinition;

/** Strings built from the pieces that matter to Mermaid's lexer, plus ordinary text. */
const trickyText = fc.oneof(
  fc.array(fc.constantFrom('#', '"', '<', '>', '&', '`', '|', ':', ';', '\n', '\r', '\u2028', 'direction', ' ', '\t', 'a', '1', 'é', '#35;', 'end', '[', ']', '{', '}'), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.string(),
);

/** Mermaid decodes `#NN;` entities after parsing; this is what a reader of the diagram sees. */
function decode(text: string): string {
  return text.replace(/#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

test('seed flow: one line per node with the shape of its type, and one per transition', () => {
  const lines = renderMermaid(seed).split('\n');
  assert.equal(lines[0], 'flowchart TD');
  const expected: Array<[string, string]> = [
    ['start', '  start(["start"])'],
    ['action', '  set_context["set_context<br/>set channel = webchat<br/>set timestamp = {now}"]'],
    ['transition', '  route_intent{"route_intent"}'],
    ['action', '  billing_queue["billing_queue<br/>route → {billing_queue_id}"]'],
    ['end', '  default_end((("default_end")))'],
  ];
  for (const [type, line] of expected) assert.ok(lines.includes(line), `${type} node drawn as ${line}`);
});

test('seed flow: edges say their condition, and the default branch is dashed and labelled', () => {
  const lines = renderMermaid(seed).split('\n');
  const cases: Array<[string, string]> = [
    ['only way on', '  start --> set_context'],
    ['first condition', '  route_intent -->|"intent equals billing"| billing_queue'],
    ['second condition', '  route_intent -->|"intent equals technical"| tech_queue'],
    ['default branch', '  route_intent -.->|"default"| default_end'],
  ];
  for (const [what, line] of cases) assert.ok(lines.includes(line), `${what}: ${line}`);
  assert.equal(lines.filter((line) => line.includes('-->') || line.includes('-.->')).length, 7);
});

test('node types get class definitions so they are coloured', () => {
  const text = renderMermaid(seed);
  assert.match(text, /classDef gc_transition /);
  assert.match(text, /class set_context,billing_queue,tech_queue gc_action/);
});

test('a waitForInput timeout is a dashed edge labelled with the timeout', () => {
  const flow: FlowDefinition = {
    id: 'f', version: 1, name: 'f', status: 'draft',
    nodes: {
      start: { type: 'start', transition: 'ask' },
      ask: { type: 'webchat', message: 'Hi?', waitForInput: { variable: 'a', timeoutSeconds: 30, timeoutTransition: 'bye' }, transition: 'bye' },
      bye: { type: 'end' },
    },
  };
  const text = renderMermaid(flow);
  assert.ok(text.includes('  ask[/"ask<br/>#34;Hi?#34;<br/>wait → a (30s)"/]'), text);
  assert.ok(text.includes('  ask -.->|"timeout 30s"| bye'), text);
  assert.ok(text.includes('  ask --> bye'), text);
});

test('condition labels by operator: exists has no value, matches shows the regex, ignoreCase is said', () => {
  const flow: FlowDefinition = {
    id: 'f', version: 1, name: 'f', status: 'draft',
    nodes: {
      start: { type: 'start', transition: 'b' },
      b: {
        type: 'transition',
        conditions: [
          { variable: 'email', condition: 'exists', transition: 'x' },
          { variable: 'code', condition: 'matches', value: '^[0-9]+$', transition: 'x' },
          { variable: 'name', condition: 'startsWith', value: 'Dr', ignoreCase: true, transition: 'x' },
          { variable: 'age', condition: 'greaterThan', value: 17, transition: 'x' },
        ],
        transition: 'x',
      },
      x: { type: 'end' },
    },
  };
  const labels = [...renderMermaid(flow).matchAll(/\|"([^"]*)"\|/g)].map((m) => decode(m[1]));
  assert.deepEqual(labels, ['email exists', 'code matches /^[0-9]+$/', 'name startsWith Dr (ignore case)', 'age greaterThan 17', 'default']);
});

test('ids that are Mermaid keywords or not plain are renamed, uniquely; plain ids are kept', () => {
  const cases: Array<[string, string]> = [
    ['start', 'start'],
    ['route_intent', 'route_intent'],
    ['default_end', 'default_end'],
    ['end', 'n_end'],
    ['classify', 'n_classify'],
    ['style', 'n_style'],
    ['subgraph', 'n_subgraph'],
    ['graph1', 'n_graph1'],
    ['a b', 'n_a_b'],
    ['a-b', 'n_a_b_2'],
    ['1st', 'n_1st'],
    ['ünïcode', 'n__n_code'],
  ];
  const ids = mermaidIds(cases.map(([id]) => id));
  for (const [id, expected] of cases) assert.equal(ids.get(id), expected, id);
  assert.equal(new Set(ids.values()).size, cases.length);
});

test('hostile ids and labels cannot break out: every line is one well-formed statement', () => {
  const text = renderMermaid(hostileFlow);
  const node = /^ {2}[A-Za-z][A-Za-z0-9_]*(\(\[|\[\/|\[|\{|\(\(\()"[^"\n]*"(\]\)|\/\]|\]|\}|\)\)\))$/;
  const edge = /^ {2}[A-Za-z][A-Za-z0-9_]* (-->|-\.->)(\|"[^"\n]*"\|)? [A-Za-z][A-Za-z0-9_]*$/;
  const style = /^ {2}(classDef \w+ [^"\n]+|class [\w,]+ \w+|linkStyle \d+ [^"\n]+)$/;
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.shift(), 'flowchart TD');
  for (const line of lines) assert.ok(node.test(line) || edge.test(line) || style.test(line), `not well-formed: ${line}`);
  assert.ok(!/^ {2}(end|subgraph)\b/m.test(text), 'keyword ids are renamed');
  assert.match(text, /^ {2}n_class\{"class"\}$/m);
  assert.ok(!/direction\s+LR/.test(text), 'Mermaid matches "direction LR" anywhere on a line');
  assert.ok(!text.includes('<script') && !text.includes('<img'), 'no markup');
  const label = text.split('\n').find((line) => line.startsWith('  n_end['))!;
  assert.ok(decode(label).includes(HOSTILE_TEXT.slice(0, 30)), 'the text itself survives, decoded');
});

test('mermaidText: the decoded text is the original (line breaks as spaces), and nothing special is left raw', () => {
  fc.assert(
    fc.property(trickyText, (text) => {
      const escaped = mermaidText(text);
      assert.ok(!/["<>`|:\r\n\u2028\u2029]/.test(escaped), escaped);
      assert.ok(!/#(?!\d+;)/.test(escaped), 'every # starts an entity');
      assert.equal(decode(escaped), text.replace(/[\r\n\u2028\u2029]+/g, ' '));
    }),
  );
});

test('a trace numbers the steps in the labels and styles the path', () => {
  const text = renderMermaid(seed, { trace: { path: ['start', 'set_context', 'route_intent', 'billing_queue', 'default_end'] } });
  assert.ok(text.includes('  start(["start<br/>step 1"])'));
  assert.ok(text.includes('  billing_queue["billing_queue<br/>route → {billing_queue_id}<br/>step 4"]'));
  assert.ok(text.includes('  class start,set_context,route_intent,billing_queue,default_end gcPath'));
  assert.ok(text.includes('  linkStyle 2 stroke:#ff6f00,stroke-width:3px'), 'route_intent → billing_queue (3rd edge) is on the path');
  assert.ok(!text.includes('linkStyle 3 '), 'the technical branch is not');
});

test('coverage marks what no test reached', () => {
  const text = renderMermaid(seed, {
    coverage: {
      nodes: ['start', 'set_context', 'route_intent', 'default_end'],
      edges: ['/nodes/start/transition', '/nodes/set_context/transition', '/nodes/route_intent/transition'],
    },
  });
  assert.ok(text.includes('  class billing_queue,tech_queue gcUncovered'), text);
  for (const index of [2, 3, 5, 6]) assert.ok(text.includes(`  linkStyle ${index} stroke:#d32f2f`), `edge ${index} uncovered`);
  assert.ok(!text.includes('linkStyle 4 '), 'the default branch was covered');
});

test('a transition to a node that does not exist is drawn to a marked missing node', () => {
  const flow = { ...seed, nodes: { ...seed.nodes, start: { type: 'start' as const, transition: 'nowhere' } } };
  const text = renderMermaid(flow);
  assert.ok(text.includes('  start --> nowhere'));
  assert.ok(text.includes('  nowhere["nowhere<br/>missing node"]'));
  assert.match(text, /class nowhere gc_missing/);
});

test('labels Mermaid would change: %% directives, the two characters \\n, control characters (see render-mermaid-browser.test.ts)', () => {
  const cases: Array<[string, string]> = [
    ['%%{init: {"theme":"dark"}}%%', '#37;#37;{init#58; {#34;theme#34;#58;#34;dark#34;}}#37;#37;'],
    ['50% off', '50#37; off'],
    ['C:\\new\\dir', 'C#58;\\#8288;new\\dir'],
    ['bell\u0007 nul\u0000 del\u007f', 'bell\u2407 nul\u2400 del\u2421'],
  ];
  for (const [text, written] of cases) {
    const flow: FlowDefinition = { id: 'f', version: 1, name: 'f', status: 'draft', nodes: { start: { type: 'start', label: text, transition: 'x' }, x: { type: 'end' } } };
    assert.ok(renderMermaid(flow).includes(`  start(["${written} (start)"])`), `${JSON.stringify(text)}:\n${renderMermaid(flow)}`);
  }
});
