// The SVG of a laid-out flow diagram, with DOM hooks (data-node-id, data-step, state classes) for the page script and tests.
import type { DiagramEdge, DiagramNode, FlowDiagram } from './graph.js';
import { escapeHtml } from './html-escape.js';
import { TEXT, textWidth, type DiagramLayout, type NodeBox, type Point } from './layout.js';
import type { DiagramOverlay } from './overlay.js';

const round = (n: number): string => String(Math.round(n * 10) / 10);

/** A smooth path through dagre's points: straight ends, quadratic bends through the midpoints. */
export function edgePath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M${round(first.x)},${round(first.y)}`;
  if (rest.length === 0) return d;
  for (let i = 0; i < rest.length - 1; i++) {
    const mid = { x: (rest[i].x + rest[i + 1].x) / 2, y: (rest[i].y + rest[i + 1].y) / 2 };
    d += ` Q${round(rest[i].x)},${round(rest[i].y)} ${round(mid.x)},${round(mid.y)}`;
  }
  const last = rest[rest.length - 1];
  return `${d} L${round(last.x)},${round(last.y)}`;
}

function shapeOf(node: DiagramNode, box: NodeBox): string {
  const w = box.width / 2;
  const h = box.height / 2;
  switch (node.type) {
    case 'start':
      return `<rect class="shape" x="${round(-w)}" y="${round(-h)}" width="${round(box.width)}" height="${round(box.height)}" rx="${round(h)}"/>`;
    case 'end':
      return (
        `<ellipse class="shape" rx="${round(w)}" ry="${round(h)}"/>` +
        `<ellipse class="shape-inner" rx="${round(w - 4)}" ry="${round(h - 4)}"/>`
      );
    case 'transition':
      return `<polygon class="shape" points="0,${round(-h)} ${round(w)},0 0,${round(h)} ${round(-w)},0"/>`;
    case 'webchat': {
      const skew = 12;
      return `<polygon class="shape" points="${round(-w + skew)},${round(-h)} ${round(w)},${round(-h)} ${round(w - skew)},${round(h)} ${round(-w)},${round(h)}"/>`;
    }
    default:
      return `<rect class="shape" x="${round(-w)}" y="${round(-h)}" width="${round(box.width)}" height="${round(box.height)}" rx="6"/>`;
  }
}

/** The text lines of a node (title, id when labelled, body), each cut so that it fits in the box it is drawn in. */
function textOf(node: DiagramNode, box: NodeBox): string {
  const inner = node.type === 'transition' ? box.width - 40 : box.width - 16;
  const rows: Array<[string, string]> = [['title', node.text.title]];
  if (node.text.subtitle !== undefined) rows.push(['subtitle', node.text.subtitle]);
  for (const line of node.text.body) rows.push(['line', line]);
  const top = -((rows.length - 1) * TEXT.lineHeight) / 2;
  return rows
    .map(([cls, line], index) => {
      const charWidth = cls === 'title' ? TEXT.titleCharWidth : TEXT.charWidth;
      const fits = Math.max(3, Math.floor(inner / charWidth));
      const shown = textWidth(line, charWidth) <= inner ? line : `${Array.from(line).slice(0, fits - 1).join('')}…`;
      return `<text class="${cls}" y="${round(top + index * TEXT.lineHeight)}">${escapeHtml(shown)}</text>`;
    })
    .join('');
}

/** The point halfway along a polyline. */
function midpoint(points: readonly Point[]): Point {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
  let remaining = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    if (remaining <= lengths[i] && lengths[i] > 0) {
      const t = remaining / lengths[i];
      return { x: points[i].x + (points[i + 1].x - points[i].x) * t, y: points[i].y + (points[i + 1].y - points[i].y) * t };
    }
    remaining -= lengths[i];
  }
  return points[0];
}

function badge(cls: string, x: number, y: number, text: string, title?: string, height = 18): string {
  const width = Math.max(height, textWidth(text, height / 2.8) + 10);
  const tip = title ? `<title>${escapeHtml(title)}</title>` : '';
  return (
    `<g class="badge ${cls}" transform="translate(${round(x)},${round(y)})">${tip}` +
    `<rect x="${round(-width / 2)}" y="${-height / 2}" width="${round(width)}" height="${height}" rx="${height / 2}"/>` +
    `<text y="0">${escapeHtml(text)}</text></g>`
  );
}

/** Where the top-right badge sits: on the shape's outline, not on its bounding box's empty corner. */
function badgeCorner(node: DiagramNode, box: NodeBox): [number, number] {
  const w = box.width / 2;
  const h = box.height / 2;
  if (node.type === 'transition') return [w * 0.25 + 10, -h + 6];
  if (node.type === 'end' || node.type === 'start') return [w * 0.72, -h * 0.72];
  return [w - 4, -h];
}

function nodeSvg(node: DiagramNode, box: NodeBox, overlay: DiagramOverlay): string {
  const classes = ['node', `node-${node.type}`];
  const attributes = [`data-node-id="${escapeHtml(node.id)}"`, `data-type="${escapeHtml(node.type)}"`];
  const steps = overlay.nodeSteps.get(node.id);
  if (steps) {
    classes.push('on-path');
    attributes.push(`data-step="${steps[0]}"`, `data-steps="${steps.join(' ')}"`);
  }
  if (overlay.coverage && node.type !== 'missing') classes.push(overlay.coverage.nodes.has(node.id) ? 'covered' : 'uncovered');
  const findings = overlay.nodeFindings.get(node.id) ?? [];
  if (findings.length > 0) {
    classes.push(findings.some((finding) => finding.severity === 'error') ? 'has-error' : 'has-warning');
    attributes.push(`data-findings="${findings.length}"`);
  }
  let badges = '';
  const [x, y] = badgeCorner(node, box);
  if (steps) {
    const text = steps.length > 3 ? `${steps.slice(0, 3).join(',')},…` : steps.join(',');
    badges += badge('step-badge', -x, y, text, `step ${steps.join(', ')}`);
  }
  if (findings.length > 0) {
    const title = findings.map((finding) => `${finding.code} ${finding.severity}: ${finding.message}`).join('\n');
    badges += badge('finding-badge', x, y, `! ${findings.length}`, title);
  }
  return (
    `<g class="${classes.join(' ')}" ${attributes.join(' ')} transform="translate(${round(box.x)},${round(box.y)})" tabindex="0">` +
    `${shapeOf(node, box)}${textOf(node, box)}${badges}</g>`
  );
}

function edgeSvg(edge: DiagramEdge, points: readonly Point[], label: Point | undefined, overlay: DiagramOverlay): string {
  const classes = ['edge', `edge-${edge.kind}`];
  const attributes = [
    `data-edge-id="${escapeHtml(edge.id)}"`,
    `data-from="${escapeHtml(edge.from)}"`,
    `data-to="${escapeHtml(edge.to)}"`,
  ];
  const steps = overlay.edgeSteps.get(edge.id);
  if (steps) {
    classes.push('on-path');
    attributes.push(`data-step="${steps[0]}"`, `data-steps="${steps.join(' ')}"`);
  }
  if (overlay.coverage) classes.push(overlay.coverage.edges.has(edge.id) ? 'covered' : 'uncovered');
  let text = '';
  if (label) {
    const width = textWidth(edge.label, 6) + 10;
    text =
      `<g class="edge-label" transform="translate(${round(label.x)},${round(label.y)})">` +
      `<rect x="${round(-width / 2)}" y="-8" width="${round(width)}" height="16" rx="3"/>` +
      `<text>${escapeHtml(edge.label)}</text></g>`;
  }
  if (steps && points.length > 0) {
    const at = label ? { x: label.x - (textWidth(edge.label, 6) + 10) / 2 - 10, y: label.y } : midpoint(points);
    text += badge('step-badge', at.x, at.y, steps.length > 3 ? `${steps.slice(0, 3).join(',')},…` : steps.join(','), undefined, 14);
  }
  return `<g class="${classes.join(' ')}" ${attributes.join(' ')}><path d="${edgePath(points)}"/>${text}</g>`;
}

const MARKERS = ['arrow', 'arrow-path', 'arrow-uncovered']
  .map(
    (id) =>
      `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">` +
      `<path d="M0,0 L10,5 L0,10 z"/></marker>`,
  )
  .join('');

/** The whole diagram as an `<svg>` element: edges under nodes, inside a `#viewport` group the page pans and zooms. */
export function diagramSvg(diagram: FlowDiagram, layout: DiagramLayout, overlay: DiagramOverlay): string {
  const edges = diagram.edges
    .map((edge) => {
      const route = layout.edges.get(edge.id);
      return edgeSvg(edge, route?.points ?? [], route?.label, overlay);
    })
    .join('\n');
  const nodes = diagram.nodes
    .map((node) => {
      const box = layout.nodes.get(node.id);
      return box ? nodeSvg(node, box, overlay) : '';
    })
    .join('\n');
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height);
  return (
    `<svg id="graph"${overlay.nodeSteps.size > 0 ? ' class="has-trace"' : ''} role="img" aria-label="${escapeHtml(`Diagram of ${diagram.title}`)}" ` +
    `data-width="${width}" data-height="${height}"><defs>${MARKERS}</defs>` +
    `<g id="viewport"><g class="edges">\n${edges}\n</g><g class="nodes">\n${nodes}\n</g></g></svg>`
  );
}
