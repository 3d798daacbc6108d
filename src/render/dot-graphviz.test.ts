// The DOT text laid out by real Graphviz (its WASM build): it parses, and the SVG draws every node, edge and label as given.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import fc from 'fast-check';
import type { FlowDefinition, FlowNode } from '../flow/schema.js';
import { renderDot } from './dot.js';
import { flowDiagram } from './graph.js';
import { diagramCases, type DiagramCase } from './testdata/diagram-cases.js';

let graphviz: Graphviz;
let cases: DiagramCase[];

before(async () => {
  graphviz = await Graphviz.load();
  cases = await diagramCases();
});

/** Text as an SVG reader sees it: XML entities decoded, but `&#160;` (Graphviz's for a space after a space) as a space. */
function xmlText(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (entity, decimal?: string, hex?: string, name?: string) =>
    decimal === '160' ? ' ' : decimal ? String.fromCodePoint(Number(decimal)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (named[name!] ?? entity));
}

/** A node id back from the Graphviz node name in an SVG title: the inverse of how dot.ts writes ids. */
function idFromName(name: string): string {
  return name
    .replace(/\\(?:u([0-9a-f]{4})|(.))/gi, (_, code?: string, char?: string) =>
      code ? String.fromCharCode(parseInt(code, 16)) : char === 'n' ? '\n' : char === 'r' ? '\r' : char!);
}

interface DrawnNode {
  id: string;
  lines: string[];
}

/** The node groups of a Graphviz SVG: the node each stands for (from its title) and its text lines. */
function drawnNodes(svg: string): DrawnNode[] {
  return [...svg.matchAll(/<g id="node\d+" class="node">\n<title>(.*?)<\/title>\n([\s\S]*?)\n<\/g>/g)].map((match) => ({
    id: idFromName(xmlText(match[1])),
    lines: [...match[2].matchAll(/<text [^>]*>(.*?)<\/text>/g)].map((text) => xmlText(text[1])),
  }));
}

/**
 * The lines Graphviz should draw for a label: line breaks of every kind split it, empty lines take no text element,
 * and a control character is drawn as its Unicode picture (␀ for NUL, ␡ for DEL).
 */
function expectedLines(lines: readonly string[]): string[] {
  const pictured = lines.join('\n').replace(/(?![\t\n\r])\p{Cc}/gu, (char) => (char === '\u007f' ? '\u2421' : char < ' ' ? String.fromCharCode(0x2400 + char.charCodeAt(0)) : char));
  return pictured.split(/\r\n|[\r\n\u2028\u2029]/).filter((line) => line !== '');
}

test('Graphviz lays out every case: one SVG node per flow node (missing targets too) and one edge per transition', async (t) => {
  for (const { name, flow, options, nodeIds, edges } of cases) {
    await t.test(name, () => {
      const svg = graphviz.dot(renderDot(flow, options));
      assert.match(svg, /^<\?xml[^]*<\/svg>\n$/);
      assert.doesNotMatch(svg, /(?![\t\n\r\u007f-\u009f])\p{Cc}/u, 'no character XML forbids');
      const drawn = drawnNodes(svg);
      assert.equal(drawn.length, nodeIds.length, 'nodes');
      assert.deepEqual(drawn.map((node) => node.id).sort(), [...nodeIds].sort(), 'each node is the flow node of that id');
      assert.equal(svg.match(/<g id="edge\d+" class="edge">/g)?.length ?? 0, edges, 'edges');
    });
  }
});

test('Graphviz draws each label as the flow says it: quotes, backslashes, entities, markup and line breaks literal', async (t) => {
  for (const { name, flow } of cases.filter((c) => !c.options && c.nodeIds.length < 100)) {
    await t.test(name, () => {
      const drawn = new Map(drawnNodes(graphviz.dot(renderDot(flow))).map((node) => [node.id, node.lines]));
      for (const node of flowDiagram(flow).nodes) assert.deepEqual(drawn.get(node.id), expectedLines(node.lines), JSON.stringify(node.id));
    });
  }
});

test('Graphviz keeps any set of distinct ids apart, and each SVG title reads back as its id', () => {
  const piece = fc.constantFrom('"', '\\', '\n', '\r', '\r\n', '\u2028', '\u0000', '\u0007', '%', '&', '&amp;', 'n', 'u0025', '{', '<', '>', ';', '-', ' ', '\u00a0', 'node', '__proto__', 'ü', '😀');
  const id = fc.oneof(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')), fc.string({ unit: 'grapheme' }));
  fc.assert(
    fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 6 }), (ids) => {
      // fromEntries, not assignment: an id may be `__proto__`, which must stay a key as it does from JSON.parse.
      const nodes: Record<string, FlowNode> = Object.fromEntries(ids.map((nodeId, index) => [nodeId, { type: 'action', actions: [], transition: ids[index + 1] ?? ids[0] }]));
      const flow: FlowDefinition = { id: 'f', version: 1, name: ids[0], status: 'draft', nodes };
      const svg = graphviz.dot(renderDot(flow));
      assert.deepEqual(drawnNodes(svg).map((node) => node.id).sort(), [...ids].sort());
      assert.equal(svg.match(/<g id="edge\d+" class="edge">/g)?.length ?? 0, ids.filter((nodeId) => nodeId !== '').length);
    }),
    { numRuns: 150 },
  );
});

test('Graphviz would reject a DOT mistake (the check is real)', () => {
  assert.throws(() => graphviz.dot('digraph "g" {\n  "a" -> ;\n}\n'), /syntax error/);
});
