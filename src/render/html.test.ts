import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Diagnostic } from '../flow/diagnostic.js';
import type { FlowDefinition } from '../flow/schema.js';
import { escapeHtml } from './html-escape.js';
import { renderHtml } from './html.js';
import { hostileFlow } from './testdata/hostile-flow.js';

const seed = JSON.parse(readFileSync(new URL('../../../shared/examples/seed-webchat.flow.json', import.meta.url), 'utf8')) as FlowDefinition;
const warning: Diagnostic = { code: 'GCF020', severity: 'warning', message: 'Nothing sets intent.', pointer: '/nodes/route_intent/conditions/0/variable' };
const path = ['start', 'set_context', 'route_intent', 'default_end'];

function attributeValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
}

test('the page is self-contained: nothing in it refers to anything outside the file', () => {
  const html = renderHtml(seed, { findings: [warning], trace: { path } });
  assert.doesNotMatch(html, /https?:|\/\/[a-z]/i, 'no URL of any kind');
  assert.doesNotMatch(html, /\s(src|href|srcset|action|poster|data)=/i, 'no attribute that loads something');
  assert.doesNotMatch(html, /<link|<iframe|<object|<embed|<img|@import/i);
  for (const url of html.matchAll(/url\(([^)]*)\)/g)) assert.match(url[1], /^#[\w-]+$/, 'only references inside the page');
});

test('a Content-Security-Policy forbids every request and allows only the page own style and script', () => {
  const html = renderHtml(seed);
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
  assert.ok(csp, 'has a CSP');
  assert.match(csp, /default-src 'none'/);
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1, 'one script');
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'and no other script element');
  const hash = createHash('sha256').update(scripts[0][1]).digest('base64');
  assert.ok(csp.includes(`script-src 'sha256-${hash}'`), 'the script is allowed by its hash');
  const style = html.match(/<style>([\s\S]*?)<\/style>/)![1];
  assert.ok(csp.includes(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`));
  assert.doesNotMatch(html, /\sstyle="/, 'no inline style attributes (the CSP would block them)');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
});

test('hostile flow text is escaped everywhere: no markup, no script, the text is shown as text', () => {
  const html = renderHtml(hostileFlow, { findings: [{ code: 'GCF001', severity: 'error', message: '<b>bad</b>', pointer: '/nodes/end' }] });
  assert.equal((html.match(/<script/gi) ?? []).length, 1);
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /<b>bad/);
  assert.ok(html.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;'));
  assert.ok(html.includes('<title>Hostile &lt;/title&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt; · gcflow</title>'));
  assert.ok(attributeValues(html, 'data-node-id').includes('a b&quot;c'), 'attribute values are quoted and escaped');
  assert.ok(attributeValues(html, 'data-node-id').includes('&lt;img src=x onerror=alert(1)&gt;'));
});

test('escapeHtml leaves no character that could start markup or end an attribute', () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      const escaped = escapeHtml(text);
      assert.doesNotMatch(escaped, /[<>"']/);
      const decoded = escaped.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);
      assert.equal(decoded, text);
    }),
  );
});

test('every node is drawn once, with a details template, and every transition once', () => {
  const html = renderHtml(seed);
  const drawn = attributeValues(html, 'data-node-id');
  assert.deepEqual([...drawn].sort(), Object.keys(seed.nodes).sort());
  assert.deepEqual(attributeValues(html, 'data-details-for').sort(), Object.keys(seed.nodes).sort());
  assert.equal(attributeValues(html, 'data-edge-id').length, 7);
  assert.ok(html.includes('<aside id="details"'));
});

test('a trace puts step numbers on the nodes and edges it took, in order', () => {
  const html = renderHtml(seed, { trace: { path, end: { reason: 'ended', node: 'default_end' } } });
  const stepped = [...html.matchAll(/data-node-id="([^"]+)"[^>]*data-step="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
  assert.deepEqual(new Map(stepped as Array<[string, number]>), new Map(path.map((id, i) => [id, i + 1])));
  assert.match(html, /class="edge edge-default on-path" data-edge-id="\/nodes\/route_intent\/transition"[^>]*data-step="3"/);
  assert.doesNotMatch(html, /class="[^"]*on-path[^"]*" data-node-id="billing_queue"/);
  assert.match(html, /<svg id="graph" class="has-trace"/);
});

test('a recorded branch decision picks the edge when two branches lead to the same node', () => {
  const flow: FlowDefinition = {
    id: 'f', version: 1, name: 'f', status: 'draft',
    nodes: {
      start: { type: 'start', transition: 'b' },
      b: { type: 'transition', conditions: [{ variable: 'x', condition: 'exists', transition: 'e' }], transition: 'e' },
      e: { type: 'end' },
    },
  };
  const trace = { path: ['start', 'b', 'e'], steps: [{ node: 'start' }, { node: 'b', branch: { taken: 'default' as const } }, { node: 'e' }] };
  const html = renderHtml(flow, { trace });
  assert.match(html, /class="edge edge-default on-path" data-edge-id="\/nodes\/b\/transition"/);
  assert.match(html, /class="edge edge-condition" data-edge-id="\/nodes\/b\/conditions\/0\/transition"/);
});

test('coverage: nodes and branches are marked covered or uncovered', () => {
  const html = renderHtml(seed, {
    coverage: { nodes: ['start', 'set_context', 'route_intent', 'default_end'], edges: ['/nodes/start/transition', '/nodes/route_intent/transition'] },
  });
  assert.match(html, /class="node node-action uncovered" data-node-id="billing_queue"/);
  assert.match(html, /class="node node-start covered" data-node-id="start"/);
  assert.match(html, /class="edge edge-condition uncovered" data-edge-id="\/nodes\/route_intent\/conditions\/0\/transition"/);
  assert.match(html, /class="edge edge-default covered"/);
  assert.match(html, /nodes 4\/6, branches 2\/7/);
});

test('a finding shows on its node (class, badge, count) and in its details', () => {
  const html = renderHtml(seed, { findings: [warning] });
  assert.match(html, /class="node node-transition has-warning" data-node-id="route_intent"[^>]*data-findings="1"/);
  const details = html.match(/<template data-details-for="route_intent">([\s\S]*?)<\/template>/)![1];
  assert.ok(details.includes('GCF020') && details.includes('Nothing sets intent.'));
  assert.match(html, /chip warning">1 warning</);
});

test('a flow that does not validate still renders in every format, bad parts skipped or marked', async () => {
  const { renderMermaid } = await import('./mermaid.js');
  const { renderDot } = await import('./dot.js');
  const broken = {
    id: 7, version: 'x', name: '', status: null,
    nodes: {
      start: { type: 'start', transition: 'weird' },
      weird: { type: 'teleport"><b>', transition: 'acts' },
      acts: { type: 'action', actions: [null, 5, { name: 'frobnicate' }, { name: 'set' }], transition: 'branch' },
      branch: { type: 'transition', conditions: [null, { variable: 'x' }, 'nope'], transition: 42 },
      chat: { type: 'webchat', waitForInput: 'soon' },
      none: null,
      __proto__: { type: 'end' },
    },
  } as unknown as FlowDefinition;
  const html = renderHtml(broken, { trace: { path: ['start', 'weird', 'ghost'] }, findings: [{ code: 'GCF001', severity: 'error', message: 'bad' }] });
  assert.doesNotMatch(html, /<b>/);
  assert.match(html, /class="node node-unknown on-path" data-node-id="weird" data-type="unknown"/);
  assert.ok(renderMermaid(broken).includes('  weird["weird"]'));
  assert.ok(renderDot(broken).includes('"weird" [label="weird", shape=box, style=dashed'));
});

test('the overview shows the run: how it ended, where it was routed, the conversation (silences too)', () => {
  const html = renderHtml(seed, {
    trace: {
      path,
      end: { reason: 'routed', node: 'billing_queue' },
      routedTo: 'q-<billing>',
      conversation: [
        { from: 'customer', text: 'I <3 bills', node: 'start' },
        { from: 'flow', text: 'One moment', node: 'set_context' },
        { from: 'customer', text: '', node: 'set_context', timeout: true },
      ],
    },
  });
  const overview = html.match(/<div id="details-body">([\s\S]*?)<\/div><\/aside>/)![1];
  assert.match(overview, /ended: <strong>routed<\/strong> at <button[^>]*data-goto="billing_queue"/);
  assert.ok(overview.includes('routed to <code>q-&lt;billing&gt;</code>'));
  assert.ok(overview.includes('I &lt;3 bills'));
  assert.match(overview, /say-flow"><span class="who">flow<\/span>One moment/);
  assert.ok(overview.includes('(no reply: the wait timed out)'));
});
