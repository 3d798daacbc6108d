// The HTML page for a flow: one self-contained file (inline SVG, CSS and script, no network) to look at and click through.
import { createHash } from 'node:crypto';
import type { FlowDefinition } from '../flow/schema.js';
import { nodeDetailsTemplates, overviewHtml } from './details.js';
import { flowDiagram, type FlowDiagram } from './graph.js';
import { escapeHtml } from './html-escape.js';
import { layoutDiagram } from './layout.js';
import { diagramOverlay, type DiagramOverlay, type OverlayInput } from './overlay.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { diagramSvg } from './svg.js';

export interface HtmlOptions extends OverlayInput {
  /** `TB` (top to bottom, the default) or `LR`. */
  rankdir?: 'TB' | 'LR';
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Nothing may load from anywhere; only this page's own style and script (by hash) may run. */
function contentSecurityPolicy(): string {
  return `default-src 'none'; style-src ${sha256(PAGE_STYLE)}; script-src ${sha256(PAGE_SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
}

function legendItem(swatch: string, text: string): string {
  return `<li><svg viewBox="0 0 34 18" aria-hidden="true">${swatch}</svg>${escapeHtml(text)}</li>`;
}

function legendHtml(diagram: FlowDiagram, overlay: DiagramOverlay, hasTrace: boolean): string {
  const types = new Set(diagram.nodes.map((node) => node.type));
  const items: string[] = [];
  const shapes: Array<[string, string, string]> = [
    ['start', '<rect class="shape" x="2" y="3" width="30" height="12" rx="6"/>', 'start'],
    ['action', '<rect class="shape" x="2" y="2" width="30" height="14" rx="3"/>', 'action'],
    ['transition', '<polygon class="shape" points="17,1 33,9 17,17 1,9"/>', 'transition (branch)'],
    ['webchat', '<polygon class="shape" points="7,2 33,2 27,16 1,16"/>', 'webchat (message / wait)'],
    ['end', '<ellipse class="shape" cx="17" cy="9" rx="15" ry="8"/><ellipse class="shape-inner" cx="17" cy="9" rx="11" ry="5"/>', 'end'],
    ['missing', '<rect class="shape" x="2" y="2" width="30" height="14"/>', 'missing node'],
  ];
  for (const [type, swatch, text] of shapes) if (types.has(type as never)) items.push(legendItem(`<g class="node-${type}">${swatch}</g>`, text));
  const kinds = new Set(diagram.edges.map((edge) => edge.kind));
  if (kinds.has('condition') || kinds.has('next')) items.push(legendItem('<g class="edge"><path d="M2,9 H30"/></g>', 'transition / condition'));
  if (kinds.has('default')) items.push(legendItem('<g class="edge edge-default"><path d="M2,9 H30"/></g>', 'default branch'));
  if (kinds.has('timeout')) items.push(legendItem('<g class="edge edge-timeout"><path d="M2,9 H30"/></g>', 'wait timeout'));
  if (hasTrace)
    items.push(
      legendItem('<g class="badge step-badge" transform="translate(17,9)"><rect x="-9" y="-8" width="18" height="16" rx="8"/><text>1</text></g>', 'trace step'),
    );
  if (overlay.coverage) items.push(legendItem('<g class="edge uncovered"><path d="M2,9 H30"/></g>', 'not covered by tests'));
  if (overlay.nodeFindings.size > 0) {
    items.push(legendItem('<g class="badge finding-badge has-error"><rect x="8" y="1" width="18" height="16" rx="8"/><text x="17" y="9">!</text></g>', 'validation finding'));
  }
  return `<ul id="legend" aria-label="Legend">${items.join('')}</ul>`;
}

function chipsHtml(overlay: DiagramOverlay, diagram: FlowDiagram, options: OverlayInput): string {
  const chips: string[] = [];
  const findings = options.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (errors > 0) chips.push(`<span class="chip error">${errors} error${errors === 1 ? '' : 's'}</span>`);
  if (warnings > 0) chips.push(`<span class="chip warning">${warnings} warning${warnings === 1 ? '' : 's'}</span>`);
  if (options.findings && findings.length === 0) chips.push('<span class="chip">valid</span>');
  if (options.trace) {
    const end = options.trace.end ? `, ${escapeHtml(options.trace.end.reason)}` : '';
    chips.push(`<span class="chip trace">trace: ${options.trace.path.length} steps${end}</span>`);
  }
  if (overlay.coverage) {
    const nodes = diagram.nodes.filter((node) => node.type !== 'missing');
    const covered = nodes.filter((node) => overlay.coverage!.nodes.has(node.id)).length;
    const percent = nodes.length === 0 ? 100 : Math.round((covered / nodes.length) * 100);
    chips.push(`<span class="chip coverage">coverage: ${percent}% of nodes</span>`);
  }
  return `<span class="chips">${chips.join('')}</span>`;
}

/**
 * The flow as one self-contained HTML page: the diagram laid out by dagre as inline SVG, with pan and zoom,
 * node details on click, findings, an optional trace and coverage overlay. Pure; all flow text is escaped,
 * and a Content-Security-Policy forbids any request and any script but the page's own.
 */
export function renderHtml(flow: FlowDefinition, options: HtmlOptions = {}): string {
  const diagram = flowDiagram(flow);
  const overlay = diagramOverlay(diagram, options);
  const layout = layoutDiagram(diagram, { rankdir: options.rankdir });
  const svg = diagramSvg(diagram, layout, overlay);
  const ids = diagram.nodes.map((node) => `<option value="${escapeHtml(node.id)}"></option>`).join('');
  const meta = `${escapeHtml(flow.id)} · v${escapeHtml(flow.version)} · ${escapeHtml(flow.status)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gcflow render">
<title>${escapeHtml(diagram.title)} · gcflow</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header id="toolbar">
<h1>${escapeHtml(diagram.title)}</h1><span class="meta">${meta}</span>${chipsHtml(overlay, diagram, options)}
<span class="spacer"></span>
<input id="search" type="search" list="node-ids" placeholder="Find node by id…" aria-label="Find node by id" autocomplete="off">
<datalist id="node-ids">${ids}</datalist>
<button type="button" id="zoom-out" title="Zoom out" aria-label="Zoom out">−</button><span id="zoom-level">100%</span>
<button type="button" id="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>
<button type="button" id="zoom-fit" title="Fit to screen">Fit</button>
</header>
<main>
<div id="canvas">
${svg}
${legendHtml(diagram, overlay, options.trace !== undefined)}
</div>
<aside id="details" aria-label="Details"><div id="details-body">${overviewHtml(flow, diagram, overlay, options.trace)}</div></aside>
</main>
${nodeDetailsTemplates(diagram, overlay)}
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
