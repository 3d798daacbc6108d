import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FlowDefinition } from '../flow/schema.js';
import { dotId, dotLabel, dotString, renderDot } from './dot.js';
import { hostileFlow, HOSTILE_TEXT } from './testdata/hostile-flow.js';

const seed = JSON.parse(readFileSync(new URL('../../../shared/examples/seed-webchat.flow.json', import.meta.url), 'utf8')) as FlowDefinition;

/** Reads a DOT quoted string back the way Graphviz does, with `\n` in labels as a line break. */
function readDotString(quoted: string): string {
  assert.match(quoted, /^"(?:[^"\\\n]|\\.)*"$/s);
  return quoted.slice(1, -1).replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));
}

const DOT_STRING = String.raw`"(?:[^"\\\n]|\\.)*"`;

test('seed flow: node shapes by type', () => {
  const text = renderDot(seed);
  const cases: Array<[string, string]> = [
    ['start', 'shape=circle'],
    ['set_context', 'shape=box'],
    ['route_intent', 'shape=diamond'],
    ['default_end', 'shape=doublecircle'],
  ];
  for (const [id, shape] of cases) assert.match(text, new RegExp(`^ {2}"${id}" \\[label=[^\\n]*${shape}`, 'm'), `${id}: ${shape}`);
  assert.ok(text.includes('  "set_context" [label="set_context\\nset channel = webchat\\nset timestamp = {now}"'));
});

test('seed flow: condition labels, and the default branch dashed', () => {
  const lines = renderDot(seed).split('\n');
  const cases = [
    '  "start" -> "set_context";',
    '  "route_intent" -> "billing_queue" [label="intent equals billing"];',
    '  "route_intent" -> "tech_queue" [label="intent equals technical"];',
    '  "route_intent" -> "default_end" [label="default", style=dashed];',
  ];
  for (const line of cases) assert.ok(lines.includes(line), line);
});

test('a wait timeout is dotted and labelled', () => {
  const flow: FlowDefinition = {
    id: 'f', version: 1, name: 'f', status: 'draft',
    nodes: {
      start: { type: 'start', transition: 'ask' },
      ask: { type: 'webchat', waitForInput: { variable: 'a', timeoutSeconds: 5, timeoutTransition: 'bye' }, transition: 'bye' },
      bye: { type: 'end' },
    },
  };
  assert.ok(renderDot(flow).includes('  "ask" -> "bye" [label="timeout 5s", style=dotted];'));
  assert.match(renderDot(flow), /"ask" \[label="ask\\nwait → a \(5s\)", shape=parallelogram/);
});

test('hostile text: every statement is well-formed and every string reads back as the original', () => {
  const text = renderDot(hostileFlow);
  const lines = text.trimEnd().split('\n');
  assert.match(lines[0], new RegExp(`^digraph ${DOT_STRING} \\{$`));
  assert.equal(lines.at(-1), '}');
  const statement = new RegExp(`^ {2}(rankdir=\\w+;|(node|edge) \\[[^\\n]*\\];|${DOT_STRING}( -> ${DOT_STRING})?( \\[(\\w+=(${DOT_STRING}|[\\w.#]+)(, )?)+\\])?;)$`);
  for (const line of lines.slice(1, -1)) assert.ok(statement.test(line), `not well-formed: ${line}`);
  const strings = [...text.matchAll(new RegExp(DOT_STRING, 'g'))].map((m) => readDotString(m[0]));
  assert.ok(strings.includes('a b"c'), 'an id with a quote');
  assert.ok(strings.includes('<img src=x onerror=alert(1)>'));
  assert.ok(strings.some((s) => s.startsWith(HOSTILE_TEXT.split('\n')[0].slice(0, 30))), 'the label text survives');
  assert.ok(strings.includes('Hostile </title><script>window.__pwned=1</script>'), 'graph name');
});

test('dotString reads back as its input for any text', () => {
  const tricky = fc.array(fc.constantFrom('"', '\\', '\n', '\r\n', 'n', 'l', 'N', '{', '|', '<', '>', ' ', 'x'), { maxLength: 30 }).map((p) => p.join(''));
  fc.assert(
    fc.property(fc.oneof(tricky, fc.string()), (text) => {
      assert.equal(readDotString(dotString(text)), text.replace(/\r\n|[\r\u2028\u2029]/g, '\n'));
    }),
  );
});

test('a trace marks the path with step numbers; coverage marks what was never reached', () => {
  const traced = renderDot(seed, { trace: { path: ['start', 'set_context', 'route_intent', 'default_end'] } });
  assert.match(traced, /"route_intent" \[[^\n]*penwidth=3, color="#ff6f00", xlabel="3"/);
  assert.ok(traced.includes('  "route_intent" -> "default_end" [label="default", style=dashed, penwidth=3, color="#ff6f00"];'));
  const covered = renderDot(seed, { coverage: { nodes: ['start', 'set_context', 'route_intent', 'default_end'], edges: [] } });
  assert.match(covered, /"tech_queue" \[[^\n]*color="#d32f2f", style="dashed,filled"/);
  assert.doesNotMatch(covered, /"start" \[[^\n]*#d32f2f/);
});

test('dotId: one Graphviz name per id, whatever its line breaks, a leading %, controls or &', () => {
  const cases: Array<[string, string]> = [
    ['node', '"node"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['ends with \\', '"ends with \\\\"'],
    ['a\nb', '"a\\nb"'],
    ['a\r\nb', '"a\\r\\nb"'],
    ['a\u2028b', '"a\\u2028b"'],
    ['bell\u0007', '"bell\\u0007"'],
    ['%init', '"\\u0025init"'],
    ['50%', '"50%"'],
    ['&amp;', '"&amp;amp;"'],
  ];
  for (const [id, written] of cases) assert.equal(dotId(id), written, JSON.stringify(id));
  assert.equal(new Set(cases.map(([id]) => dotId(id))).size, cases.length);
});

test('dotLabel: & as &amp; (Graphviz reads entities in labels), controls as their pictures', () => {
  const cases: Array<[string, string]> = [
    ['a & b &lt;', '"a &amp; b &amp;lt;"'],
    ['nul\u0000 bell\u0007 del\u007f', '"nul\u2400 bell\u2407 del\u2421"'],
    ['two\r\nlines\ttab', '"two\\nlines\ttab"'],
    ['\\N "q"', '"\\\\N \\"q\\""'],
  ];
  for (const [text, written] of cases) assert.equal(dotLabel(text), written, JSON.stringify(text));
});
