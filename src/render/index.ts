// The render room: a flow as Mermaid, Graphviz DOT, or a self-contained interactive HTML page.
export { renderMermaid, mermaidIds, mermaidText, type MermaidOptions } from './mermaid.js';
export { renderDot, dotString, dotId, dotLabel, type DotOptions } from './dot.js';
export { renderHtml, type HtmlOptions } from './html.js';
export { flowDiagram, type FlowDiagram, type DiagramNode, type DiagramEdge, type EdgeKind } from './graph.js';
export { layoutDiagram, type DiagramLayout } from './layout.js';
export {
  diagramOverlay,
  type DiagramOverlay,
  type OverlayInput,
  type RenderTrace,
  type RenderTraceStep,
  type RenderCoverage,
  type ConversationLine,
} from './overlay.js';
export { conditionSummary, actionSummary } from './summary.js';
export { escapeHtml } from './html-escape.js';
export { coverageFromReport, coverageOfFlow, COVERAGE_REPORT_ERROR } from './coverage.js';
