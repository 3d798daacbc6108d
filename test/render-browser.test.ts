// The HTML page in a real browser (Debian's chromium through playwright-core): drawn nodes, clicks, trace, coverage, findings, no network.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FlowDefinition } from '../src/flow/schema.js';
import { coverageOfFlow, renderHtml } from '../src/render/index.js';
import { hostileFlow, HOSTILE_TEXT } from '../src/render/testdata/hostile-flow.js';
import { computeCoverage, simulate } from '../src/simulate/index.js';
import { validate } from '../src/validate/index.js';
import { SEED_FLOW } from './support/run-cli.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const seed = JSON.parse(readFileSync(SEED_FLOW, 'utf8')) as FlowDefinition;
const trace = simulate(seed, { messages: ['I have a question about my bill'] });
const findings = validate(seed).findings;
/** Coverage as `gcflow test` computes it, from that one run. */
const coverage = coverageOfFlow(computeCoverage(seed, SEED_FLOW, [trace]));

let browser: Browser;
let dir: string;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

async function open(html: string, name: string): Promise<Page> {
  const file = join(dir, name);
  writeFileSync(file, html);
  const opened = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  opened.on('request', (request) => requests.push(request.url()));
  opened.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  opened.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await opened.goto(pathToFileURL(file).href);
  await opened.waitForSelector('body[data-ready="true"]', { timeout: 5000 });
  return opened;
}

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  dir = mkdtempSync(join(tmpdir(), 'gcflow-render-'));
  page = await open(renderHtml(seed, { trace, findings, coverage }), 'seed.html');
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('every node of the flow is drawn, visibly', async () => {
  const drawn = await page.$$eval('#graph [data-node-id]', (nodes) =>
    nodes.map((node) => ({ id: node.getAttribute('data-node-id'), area: node.getBoundingClientRect().width * node.getBoundingClientRect().height })),
  );
  assert.deepEqual(drawn.map((node) => node.id).sort(), Object.keys(seed.nodes).sort());
  for (const node of drawn) assert.ok(node.area > 100, `${node.id} has a size on screen`);
  assert.equal(await page.locator('#graph .edge').count(), 7);
});

test('clicking a node shows its type, conditions and targets in the details panel', async () => {
  await page.click('[data-node-id="route_intent"]');
  const panel = page.locator('#details');
  assert.equal(await panel.getAttribute('data-node-id'), 'route_intent');
  const text = await panel.innerText();
  for (const expected of ['TRANSITION', 'route_intent', 'intent', 'equals', '"billing"', 'billing_queue', 'otherwise', 'default_end']) {
    assert.ok(text.includes(expected), `panel shows ${expected}:\n${text}`);
  }
  assert.equal(await page.locator('[data-node-id="route_intent"].selected').count(), 1);

  await page.click('#details .goto[data-goto="billing_queue"]');
  assert.equal(await panel.getAttribute('data-node-id'), 'billing_queue');
  assert.match(await panel.innerText(), /route to queue\s+\{billing_queue_id\}/);
});

test('the trace is highlighted: the nodes on the path carry their step numbers in order', async () => {
  const steps = await page.$$eval('#graph .node.on-path', (nodes) => nodes.map((n) => [n.getAttribute('data-node-id'), Number(n.getAttribute('data-step'))] as const));
  const ordered = [...steps].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  assert.deepEqual(ordered, trace.path);
  assert.deepEqual([...steps].map(([, step]) => step).sort((a, b) => a - b), trace.path.map((_, i) => i + 1));
  assert.equal(await page.locator('[data-node-id="set_context"] .step-badge text').textContent(), '2');
  assert.equal(await page.locator('#graph .edge.on-path[data-edge-id="/nodes/route_intent/transition"]').getAttribute('data-step'), '3');
  assert.equal(await page.locator('#graph .node.on-path[data-node-id="billing_queue"]').count(), 0);
});

test('coverage: uncovered nodes and branches stand out', async () => {
  const uncovered = await page.$$eval('#graph .node.uncovered', (nodes) => nodes.map((n) => n.getAttribute('data-node-id')).sort());
  assert.deepEqual(uncovered, ['billing_queue', 'tech_queue']);
  assert.equal(await page.locator('#graph .edge.uncovered').count(), 4);
  const dash = await page.$eval('#graph .node.uncovered .shape', (shape) => getComputedStyle(shape).strokeDasharray);
  assert.notEqual(dash, 'none', 'uncovered nodes are dashed');
});

test('a node with a finding shows it: badge on the node, the finding in its details', async () => {
  assert.ok(findings.some((f) => f.pointer?.startsWith('/nodes/route_intent/')), 'the seed flow has a real warning on route_intent');
  const node = page.locator('[data-node-id="route_intent"]');
  assert.match((await node.getAttribute('class')) ?? '', /has-warning/);
  assert.equal(await node.locator('.finding-badge text').textContent(), '! 1');
  await node.click();
  const text = await page.locator('#details').innerText();
  assert.ok(text.includes('GCF014') && text.includes('nothing sets it'), text);
});

test('pan, zoom, fit and search work', async () => {
  const transform = (): Promise<string | null> => page.locator('#viewport').getAttribute('transform');
  const before = await transform();
  await page.click('#zoom-in');
  const zoomed = await transform();
  assert.notEqual(zoomed, before);
  const box = (await page.locator('#canvas').boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + 130, box.y + 80, { steps: 4 });
  await page.mouse.up();
  assert.notEqual(await transform(), zoomed, 'dragging the background pans');
  await page.click('#zoom-fit');
  await page.fill('#search', 'TECH_q');
  await page.press('#search', 'Enter');
  assert.equal(await page.locator('#details').getAttribute('data-node-id'), 'tech_queue');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#details').getAttribute('data-node-id'), null);
});

test('hostile flow text stays text: nothing runs, the page shows it literally', async () => {
  const hostile = await open(renderHtml(hostileFlow), 'hostile.html');
  assert.equal(await hostile.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.equal(await hostile.locator('#graph [data-node-id]').count(), Object.keys(hostileFlow.nodes).length);
  await hostile.click('[data-node-id="end"]');
  const text = await hostile.locator('#details').innerText();
  assert.ok(text.includes(HOSTILE_TEXT.split('\n')[0]), text);
  assert.equal(await hostile.title(), 'Hostile </title><script>window.__pwned=1</script> · gcflow');
  await hostile.close();
});

test('the pages made no network request and logged no error', () => {
  assert.deepEqual(requests.filter((url) => !url.startsWith('file:')), []);
  assert.deepEqual(problems, []);
});
