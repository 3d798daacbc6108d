// Render time for a 1,000-node flow: Mermaid, DOT and the HTML page (dagre layout inside), against JSON.stringify of the same flow.
import { renderDot, renderHtml, renderMermaid, flowDiagram, layoutDiagram } from '../dist/render/index.js';
import { generateFlow } from './generate-flow.mjs';
import { median } from './median.mjs';

const NODES = Number(process.env.BENCH_RENDER_NODES ?? 1000);
const flow = generateFlow(NODES);
const nodeCount = Object.keys(flow.nodes).length;
/** A trace through the first segments and coverage of half the nodes, so the overlays are part of the cost. */
const path = ['start', 'ask_0', 'check_0', 'act_0', 'ask_1', 'check_1', 'route_1', 'end_1'];
const coverage = { nodes: Object.keys(flow.nodes).filter((_, i) => i % 2 === 0), edges: [] };
const findings = [{ code: 'GCF014', severity: 'warning', message: 'example', pointer: '/nodes/check_3/conditions/0/variable' }];


function measure(name, runs, fn) {
  fn(); // warm-up
  const times = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const start = performance.now();
    const out = fn();
    times.push(performance.now() - start);
    size = typeof out === 'string' ? out.length : size;
  }
  return { name, runs, median: median(times), min: Math.min(...times), max: Math.max(...times), size };
}

const results = [
  measure('JSON.stringify (baseline)', 20, () => JSON.stringify(flow, null, 2)),
  measure('renderMermaid', 20, () => renderMermaid(flow, { trace: { path }, coverage, findings })),
  measure('renderDot', 20, () => renderDot(flow, { trace: { path }, coverage, findings })),
  measure('layoutDiagram (dagre only)', 5, () => layoutDiagram(flowDiagram(flow))),
  measure('renderHtml (layout + SVG + panel)', 5, () => renderHtml(flow, { trace: { path }, coverage, findings })),
];
const baseline = results[0].median;
console.log(`flow: ${nodeCount} nodes (generateFlow(${NODES}))`);
console.log('| what | runs | median ms | min | max | output KB | × baseline |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.name} | ${r.runs} | ${r.median.toFixed(1)} | ${r.min.toFixed(1)} | ${r.max.toFixed(1)} | ${(r.size / 1024).toFixed(0)} | ${(r.median / baseline).toFixed(1)} |`);
}
