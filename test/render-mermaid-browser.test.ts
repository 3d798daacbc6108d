// The Mermaid text through real Mermaid (its ESM build, in Debian's chromium): it parses, and the SVG draws every node, edge and label.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { flowDiagram } from '../src/render/graph.js';
import { mermaidIds, renderMermaid } from '../src/render/mermaid.js';
import { diagramCases, type DiagramCase } from '../src/render/testdata/diagram-cases.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Mermaid's ESM build, served to the page from node_modules by request interception: nothing goes to the network. */
const MERMAID_DIST = dirname(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.esm.min.mjs'));
const ORIGIN = 'http://mermaid.invalid';
const PAGE = `<!doctype html><html><body><script type="module">
import mermaid from './mermaid.esm.min.mjs';
mermaid.initialize({ startOnLoad: false });
window.mermaid = mermaid;
</script></body></html>`;

/** What the test reads back from one rendered diagram. */
interface Drawn {
  diagramType: string;
  /** Mermaid node ids, from the node groups' element ids (`<render id>-flowchart-<node id>-<n>`). */
  nodes: Array<{ id: string; lines: string[]; markup: string[] }>;
  /** Edge path ids (`L_<from>_<to>_<n>`). */
  edges: string[];
  edgeLabels: string[];
}

let browser: Browser;
let page: Page;
let cases: DiagramCase[];
const blocked: string[] = [];
const problems: string[] = [];

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH`);
  cases = await diagramCases();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await page.route('**', (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ body: PAGE, contentType: 'text/html' });
    const file = join(MERMAID_DIST, path);
    if (relative(MERMAID_DIST, file).startsWith('..') || !existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ body: readFileSync(file), contentType: 'text/javascript' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'mermaid' in window, undefined, { timeout: 10_000 });
});

after(async () => {
  await browser?.close();
});

/** Each text drawn once (the label test reads the drawings the first test made). */
const drawings = new Map<string, Promise<Drawn>>();

/** Parses and renders the text with Mermaid in the page, then reads the drawn nodes, edges and labels from the SVG. */
function draw(text: string): Promise<Drawn> {
  const drawing = drawings.get(text) ?? drawText(text, `diagram${drawings.size}`);
  drawings.set(text, drawing);
  return drawing;
}

function drawText(text: string, renderId: string): Promise<Drawn> {
  return page.evaluate(
    async ({ text, renderId }) => {
      const mermaid = (window as unknown as { mermaid: { parse(text: string): Promise<{ diagramType: string }>; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
      const { diagramType } = await mermaid.parse(text);
      const { svg } = await mermaid.render(renderId, text);
      const holder = document.createElement('div');
      holder.innerHTML = svg;
      const prefix = `${renderId}-flowchart-`;
      const nodeGroups = Array.from(holder.querySelectorAll('g.node'));
      const edgeLabelSpans = Array.from(holder.querySelectorAll('span.edgeLabel'));
      // A label's lines as shown: split at <br>, whitespace collapsed as HTML shows it. (No named inner
      // functions here: tsx would wrap them in a helper that does not exist in the page.)
      const labelLines: string[][] = [];
      for (const label of [...nodeGroups.map((node) => node.querySelector('.nodeLabel')), ...edgeLabelSpans]) {
        const out = [''];
        for (const child of Array.from(label?.querySelector('p')?.childNodes ?? [])) {
          if (child.nodeName === 'BR') out.push('');
          else out[out.length - 1] += child.textContent ?? '';
        }
        labelLines.push(out.map((line) => line.replace(/\s+/g, ' ').trim()));
      }
      const nodes = nodeGroups.map((node, index) => ({
        id: node.id.startsWith(prefix) ? node.id.slice(prefix.length).replace(/-\d+$/, '') : node.id,
        lines: labelLines[index],
        markup: Array.from(node.querySelectorAll('.nodeLabel p *')).map((element) => element.nodeName).filter((name) => name !== 'BR'),
      }));
      const edges = Array.from(holder.querySelectorAll('.edgePaths > path')).map((path) => path.getAttribute('data-id') ?? '');
      const edgeLabels = labelLines.slice(nodeGroups.length).map((lines) => lines.join('\n')).filter((label) => label !== '');
      return { diagramType, nodes, edges, edgeLabels };
    },
    { text, renderId },
  );
}

/** Mermaid's edge ids without their counter (`L_<from>_<to>`): the Mermaid ids of the two nodes an edge joins. */
function edgeEnds(edgeIds: readonly string[]): string[] {
  return edgeIds.map((id) => id.replace(/_\d+$/, '')).sort();
}

/**
 * What a reader sees of a flow text in a Mermaid label: line breaks as spaces, control characters as their pictures,
 * and an unseen word joiner between `\` and `n` (else Mermaid draws a line break there).
 */
function shown(text: string): string {
  return text
    .replace(/\\n/g, '\\\u2060n')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/(?![\t\n\r])\p{Cc}/gu, (char) => (char === '\u007f' ? '\u2421' : char < ' ' ? String.fromCharCode(0x2400 + char.charCodeAt(0)) : char))
    .replace(/\s+/g, ' ')
    .trim();
}

test('Mermaid parses and renders every case: one node per flow node (missing targets too), one edge per transition, each between the right nodes', async (t) => {
  for (const { name, flow, options, nodeIds, edges } of cases) {
    await t.test(name, async () => {
      const drawn = await draw(renderMermaid(flow, options));
      assert.equal(drawn.diagramType, 'flowchart-v2');
      const diagram = flowDiagram(flow);
      const ids = mermaidIds(diagram.nodes.map((node) => node.id));
      assert.equal(drawn.nodes.length, nodeIds.length, 'nodes');
      assert.deepEqual(drawn.nodes.map((node) => node.id).sort(), nodeIds.map((id) => ids.get(id)).sort(), 'each node is the flow node of that id');
      assert.equal(drawn.edges.length, edges, 'edges');
      const expected = diagram.edges.map((edge) => `L_${ids.get(edge.from)}_${ids.get(edge.to)}`).sort();
      assert.deepEqual(edgeEnds(drawn.edges), expected, 'each edge joins the nodes of its transition');
    });
  }
});

test('Mermaid draws each label as the flow says it: quotes, backslashes, entities, markup, %% and keywords literal', async (t) => {
  for (const { name, flow } of cases) {
    if (name.includes('with a trace') || name.startsWith('generated')) continue;
    await t.test(name, async () => {
      const drawn = await draw(renderMermaid(flow));
      const diagram = flowDiagram(flow);
      const ids = mermaidIds(diagram.nodes.map((node) => node.id));
      const byId = new Map(drawn.nodes.map((node) => [node.id, node]));
      for (const node of diagram.nodes) {
        const label = byId.get(ids.get(node.id)!);
        assert.deepEqual(label?.lines, node.lines.map(shown), JSON.stringify(node.id));
        assert.deepEqual(label?.markup, [], `no markup from the flow in ${JSON.stringify(node.id)}`);
      }
      const edgeLabels = diagram.edges.map((edge) => shown(edge.label)).filter((label) => label !== '');
      assert.deepEqual([...drawn.edgeLabels].sort(), edgeLabels.sort());
    });
  }
});

test('Mermaid rejects a mistake and a bare keyword id (the check is real)', async () => {
  for (const text of ['flowchart TD\n  a -->\n', 'flowchart TD\n  end --> b\n', 'flowchart TD\n  a["x"] --> b["y"\n']) {
    const error = await page.evaluate(async (text) => {
      try {
        await (window as unknown as { mermaid: { parse(text: string): Promise<unknown> } }).mermaid.parse(text);
        return '';
      } catch (error) {
        return String(error);
      }
    }, text);
    assert.match(error, /Parse error/, text);
  }
});

test('Mermaid ran from node_modules alone: no request left the page, nothing logged an error', () => {
  assert.deepEqual(blocked, []);
  assert.deepEqual(problems, []);
});
