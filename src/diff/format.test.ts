import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FlowDefinition } from '../flow/schema.js';
import { diffFlows, diffReport, formatDiffJson, formatDiffMarkdown, formatDiffText, summarizeFlowChanges, type DiffTextStyle } from './index.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./testdata/${name}.json`, import.meta.url), 'utf8')) as { old: FlowDefinition; new: FlowDefinition };
const added = fixture('node-added-and-removed');
const changes = diffFlows(added.old, added.new);

test('text is grouped by node, each line marked +, - or ~, with a summary line', () => {
  assert.equal(
    formatDiffText(changes),
    [
      'node route_intent',
      '  - Condition removed: route_intent[1] intent equals "technical" -> tech_queue',
      '  ~ Transition changed: route_intent: goodbye -> sales_queue',
      'node sales_queue',
      '  + Node added: sales_queue',
      'node tech_queue',
      '  - Node removed: tech_queue',
      '',
      '4 changes: 1 node added, 1 removed, 1 changed',
      '',
    ].join('\n'),
  );
  assert.equal(formatDiffText([]), 'No changes.\n');
});

test('text colours come from the style passed in: red removed, green added, yellow changed', () => {
  const seen: string[] = [];
  const style: DiffTextStyle = { effect: (effect, text) => (seen.push(effect), `<${effect}>${text}`), heading: (t) => t, dim: (t) => t };
  const text = formatDiffText(changes, style);
  assert.deepEqual(seen, ['removed', 'changed', 'added', 'removed']);
  assert.match(text, /<added>\+ Node added: sales_queue/);
});

test('flow-level changes come first, under "flow"', () => {
  const release = fixture('version-and-status');
  assert.equal(formatDiffText(diffFlows(release.old, release.new)), 'flow\n  ~ Version updated: 1 -> 2\n  ~ Status changed: draft -> published\n\n2 changes: 0 nodes added, 0 removed, 0 changed; 2 flow-level changes\n');
});

test('the summary counts nodes, conditions, actions, transitions and flow settings', () => {
  assert.deepEqual(summarizeFlowChanges(changes), {
    total: 4,
    nodes: { added: 1, removed: 1, changed: 1 },
    conditions: { added: 0, removed: 1, changed: 0 },
    actions: { added: 0, removed: 0, changed: 0 },
    transitions: { added: 0, removed: 0, changed: 1 },
    flow: { added: 0, removed: 0, changed: 0 },
  });
});

test('JSON is the change list with descriptions, a summary and the file names', () => {
  const report = JSON.parse(formatDiffJson(changes, { old: 'a.json', new: 'b.json' }));
  assert.deepEqual(report, JSON.parse(JSON.stringify(diffReport(changes, { old: 'a.json', new: 'b.json' }))));
  assert.equal(report.old, 'a.json');
  assert.equal(report.changed, true);
  assert.equal(report.changes[2].kind, 'node-added');
  assert.equal(report.changes[2].description, 'Node added: sales_queue');
  assert.equal(report.changes[2].newPointer, '/nodes/sales_queue');
});

test('Markdown has a summary table and a diff block per node', () => {
  const markdown = formatDiffMarkdown(changes, { old: 'a.json', new: 'b.json' });
  assert.match(markdown, /\| Nodes \| 1 \| 1 \| 1 \|/);
  assert.match(markdown, /\| Conditions \| 0 \| 1 \| 0 \|/);
  assert.match(markdown, /\*\*`sales_queue`\*\*\n\n```diff\n\+ Node added: sales_queue\n```/);
  assert.match(markdown, /```diff\n- Condition removed: route_intent\[1\] intent equals "technical" -> tech_queue\n! Transition changed/);
  assert.doesNotMatch(markdown, /<details>/);
  assert.match(formatDiffMarkdown([]), /No changes\./);
});

test('Markdown folds many nodes into <details>, and node ids cannot inject HTML', () => {
  const before = { id: 'f', version: 1, name: 'f', status: 'draft', nodes: { start: { type: 'start', transition: 'done' }, done: { type: 'end' } } } as FlowDefinition;
  const after = structuredClone(before);
  for (let i = 0; i < 12; i++) after.nodes[`n${i}`] = { type: 'end' };
  after.nodes['<script>x</script>'] = { type: 'end' };
  const markdown = formatDiffMarkdown(diffFlows(before, after));
  assert.match(markdown, /<details><summary>13 nodes with changes<\/summary>/);
  assert.match(markdown, /<b><code>&lt;script&gt;x&lt;\/script&gt;<\/code><\/b>/);
  const outsideCodeBlocks = markdown.replace(/```diff\n[\s\S]*?\n```/g, '');
  assert.doesNotMatch(outsideCodeBlocks, /<script>/, 'outside code blocks, HTML in ids is escaped');
  assert.match(markdown, /<\/details>/);
});
