// `npm run screenshot`: retakes docs/render-example.png (the README's picture) in Debian's chromium.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { loadFlowFile, renderHtml, simulate, validate } from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = await loadFlowFile(join(root, 'examples/support.flow.yaml'));
const flow = example.data;
const run = simulate(flow, { messages: ['hello', 'my invoice is wrong'], env: { BILLING_QUEUE_ID: 'q-billing', TECH_QUEUE_ID: 'q-tech' } });
const page = join(mkdtempSync(join(tmpdir(), 'gcflow-shot-')), 'example.html');
writeFileSync(page, renderHtml(flow, { trace: run, findings: validate(flow, { source: example }).findings }));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await tab.goto(pathToFileURL(page).href);
  await tab.click('#zoom-fit');
  await tab.click('[data-node-id="route_intent"]');
  await tab.screenshot({ path: join(root, 'docs/render-example.png') });
  console.log('wrote docs/render-example.png');
} finally {
  await browser.close();
}
