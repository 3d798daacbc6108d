// The HTML of the page's side panel: a flow overview, and one details template per node (escaped on the server).
import type { Diagnostic } from '../flow/diagnostic.js';
import type { Action, FlowDefinition, FlowNode } from '../flow/schema.js';
import type { FlowDiagram } from './graph.js';
import { escapeHtml } from './html-escape.js';
import { findingNodeId, type DiagramOverlay, type RenderTrace } from './overlay.js';

const MAX_LISTED = 50;

function goto(id: string): string {
  return `<button type="button" class="goto" data-goto="${escapeHtml(id)}">${escapeHtml(id)}</button>`;
}

function code(text: unknown): string {
  return `<code>${escapeHtml(text)}</code>`;
}

function section(title: string, body: string, cls = ''): string {
  return `<section${cls ? ` class="${cls}"` : ''}><h3>${escapeHtml(title)}</h3>${body}</section>`;
}

function actionHtml(action: Action): string {
  const a = action as Action & Record<string, unknown>;
  switch (action.name) {
    case 'set':
      return `${code('set')} ${code(action.variable)} = ${code(action.value)}`;
    case 'route':
      return `${code('route')} to queue ${code(action.queueId)}${action.queueName ? ` (${escapeHtml(action.queueName)})` : ''}`;
    case 'sendMessage':
      return `${code('sendMessage')}<blockquote>${escapeHtml(action.text)}</blockquote>`;
    case 'classify': {
      const intents = Object.entries(action.intents ?? {})
        .map(([intent, keywords]) => `<li>${code(intent)}: ${(Array.isArray(keywords) ? keywords : []).map(code).join(' ')}</li>`)
        .join('');
      const fallback = action.fallback !== undefined ? `<p>fallback ${code(action.fallback)}</p>` : '';
      return `${code('classify')} ${code(action.input ?? '{message}')} into ${code(action.variable ?? 'intent')}<ul>${intents}</ul>${fallback}`;
    }
    case 'disconnect':
      return `${code('disconnect')}${action.reason ? ` (${escapeHtml(action.reason)})` : ''}`;
    default:
      return code(a.name ?? 'unknown action');
  }
}

function conditionHtml(condition: { variable: string; condition: string; value?: unknown; ignoreCase?: boolean }): string {
  const valueless = condition.condition === 'exists' || condition.condition === 'notExists';
  const value = valueless ? '' : ` ${code(condition.condition === 'matches' ? `/${String(condition.value ?? '')}/` : JSON.stringify(condition.value ?? null))}`;
  return `${code(condition.variable)} ${escapeHtml(condition.condition)}${value}${condition.ignoreCase ? ' <em>(ignore case)</em>' : ''}`;
}

export function findingsHtml(findings: readonly Diagnostic[], withNode = false): string {
  const items = findings.map((finding) => {
    const where = finding.pointer !== undefined ? ` <span class="where">#${escapeHtml(finding.pointer || '/')}</span>` : '';
    const line = finding.line !== undefined ? ` <span class="where">line ${finding.line}</span>` : '';
    const node = withNode ? findingNodeId(finding.pointer) : undefined;
    return (
      `<li class="finding ${escapeHtml(finding.severity)}"><span class="sev">${escapeHtml(finding.severity)}</span> ${code(finding.code)} ` +
      `${escapeHtml(finding.message)}${node !== undefined ? ` ${goto(node)}` : ''}${where}${line}</li>`
    );
  });
  return `<ul class="findings">${items.join('')}</ul>`;
}

function nodeBody(id: string, node: FlowNode | undefined, diagram: FlowDiagram, overlay: DiagramOverlay): string {
  const parts: string[] = [];
  if (node?.label) parts.push(`<p class="label">${escapeHtml(node.label)}</p>`);
  if (node?.description) parts.push(`<p class="description">${escapeHtml(node.description)}</p>`);
  if (!node) parts.push('<p class="missing">This node is not in the flow: a transition points to it.</p>');
  if (node?.type === 'action') {
    const actions = Array.isArray(node.actions) ? node.actions : [];
    parts.push(section('Actions', actions.length ? `<ol>${actions.map((a) => `<li>${actionHtml(a)}</li>`).join('')}</ol>` : '<p>none</p>'));
  }
  if (node?.type === 'webchat') {
    if (node.message !== undefined) parts.push(section('Message', `<blockquote>${escapeHtml(node.message)}</blockquote>`));
    const wait = node.waitForInput;
    if (wait) {
      const timeout =
        wait.timeoutSeconds !== undefined || wait.timeoutTransition !== undefined
          ? `<p>timeout${wait.timeoutSeconds !== undefined ? ` after ${escapeHtml(wait.timeoutSeconds)} s` : ''}${wait.timeoutTransition ? ` → ${goto(wait.timeoutTransition)}` : ''}</p>`
          : '';
      parts.push(section('Waits for input', `<p>reply stored in ${code(wait.variable)}</p>${timeout}`));
    }
  }
  const outgoing = diagram.edges.filter((edge) => edge.from === id);
  const uncovered = (edgeId: string): string =>
    overlay.coverage && !overlay.coverage.edges.has(edgeId) ? ' <span class="tag uncovered-tag">not covered</span>' : '';
  if (node?.type === 'transition') {
    const conditions = Array.isArray(node.conditions) ? node.conditions : [];
    const items = conditions.map((condition, index) => {
      const edge = outgoing.find((e) => e.conditionIndex === index);
      return `<li>${conditionHtml(condition)} → ${goto(condition.transition)}${edge ? uncovered(edge.id) : ''}</li>`;
    });
    const fallback = outgoing.find((edge) => edge.kind === 'default' || (edge.kind === 'next' && edge.id.endsWith('/transition')));
    parts.push(
      section(
        'Conditions (first match wins)',
        `<ol>${items.join('')}</ol><p>otherwise → ${node.transition ? goto(node.transition) : 'nothing'}${fallback ? uncovered(fallback.id) : ''}</p>`,
      ),
    );
  } else {
    const next = outgoing.filter((edge) => edge.kind === 'next');
    if (next.length > 0) parts.push(section('Next', next.map((edge) => `<p>→ ${goto(edge.to)}${uncovered(edge.id)}</p>`).join('')));
  }
  const incoming = diagram.edges.filter((edge) => edge.to === id);
  if (incoming.length > 0) {
    const items = incoming.map((edge) => `<li>${goto(edge.from)}${edge.label ? ` <span class="muted">${escapeHtml(edge.label)}</span>` : ''}</li>`);
    parts.push(section('Reached from', `<ul class="plain">${items.join('')}</ul>`));
  }
  const findings = overlay.nodeFindings.get(id);
  if (findings) parts.push(section(`Findings (${findings.length})`, findingsHtml(findings), 'findings-section'));
  const steps = overlay.nodeSteps.get(id);
  if (steps) parts.push(section('Trace', `<p>ran at step ${steps.map((s) => `<span class="step">${s}</span>`).join(' ')}</p>`));
  if (overlay.coverage && node) {
    const covered = overlay.coverage.nodes.has(id);
    parts.push(section('Coverage', `<p class="${covered ? 'covered-text' : 'uncovered-text'}">${covered ? 'reached by a test' : 'never reached by a test'}</p>`));
  }
  return parts.join('');
}

/** One `<template data-details-for>` per node; the page script shows the one for the clicked node. */
export function nodeDetailsTemplates(diagram: FlowDiagram, overlay: DiagramOverlay): string {
  return diagram.nodes
    .map((node) => {
      const heading = `<h2><span class="type type-${escapeHtml(node.type)}">${escapeHtml(node.type)}</span> <span class="node-name">${escapeHtml(node.id)}</span></h2>`;
      return `<template data-details-for="${escapeHtml(node.id)}">${heading}${nodeBody(node.id, node.source, diagram, overlay)}</template>`;
    })
    .join('\n');
}

function conversationHtml(trace: RenderTrace): string {
  const lines = trace.conversation ?? [];
  if (lines.length === 0) return '';
  const items = lines.map(
    (line) =>
      `<li class="say say-${line.from === 'customer' ? 'customer' : 'flow'}"><span class="who">${line.from === 'customer' ? 'customer' : 'flow'}</span>` +
      `${line.timeout ? '<em>(no reply: the wait timed out)</em>' : escapeHtml(line.text)}${line.node ? ` <span class="muted">${escapeHtml(line.node)}</span>` : ''}</li>`,
  );
  return `<ol class="transcript">${items.join('')}</ol>`;
}

/** The panel's starting content: what the flow is, its findings, the trace's conversation, coverage totals. */
export function overviewHtml(flow: FlowDefinition, diagram: FlowDiagram, overlay: DiagramOverlay, trace?: RenderTrace): string {
  const parts: string[] = [];
  const counts = new Map<string, number>();
  for (const node of diagram.nodes) counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
  parts.push(
    `<h2>${escapeHtml(diagram.title)}</h2>`,
    `<dl class="facts"><dt>id</dt><dd>${code(flow.id)}</dd><dt>version</dt><dd>${escapeHtml(flow.version)}</dd>` +
      `<dt>status</dt><dd>${escapeHtml(flow.status)}</dd><dt>nodes</dt><dd>${diagram.nodes.filter((n) => n.type !== 'missing').length} ` +
      `<span class="muted">(${[...counts].map(([type, n]) => `${n} ${escapeHtml(type)}`).join(', ')})</span></dd></dl>`,
  );
  if (flow.description) parts.push(`<p class="description">${escapeHtml(flow.description)}</p>`);
  parts.push('<p class="hint">Click a node for its details; drag to pan, wheel to zoom.</p>');
  const allFindings = [...overlay.flowFindings, ...[...overlay.nodeFindings.values()].flat()];
  if (allFindings.length > 0) {
    const errors = allFindings.filter((f) => f.severity === 'error').length;
    parts.push(
      section(`Findings: ${errors} error${errors === 1 ? '' : 's'}, ${allFindings.length - errors} warning${allFindings.length - errors === 1 ? '' : 's'}`, findingsHtml(allFindings, true), 'findings-section'),
    );
  }
  if (trace) {
    const end = trace.end ? `ended: <strong>${escapeHtml(trace.end.reason)}</strong>${trace.end.node ? ` at ${goto(trace.end.node)}` : ''}` : '';
    const routed = trace.routedTo ? `<p>routed to ${code(trace.routedTo)}</p>` : '';
    const message = trace.end?.message ? `<p class="muted">${escapeHtml(trace.end.message)}</p>` : '';
    parts.push(section(`Trace: ${trace.path.length} steps`, `<p>${end}</p>${message}${routed}${conversationHtml(trace)}`, 'trace-section'));
  }
  if (overlay.coverage) {
    const nodes = diagram.nodes.filter((node) => node.type !== 'missing');
    const missedNodes = nodes.filter((node) => !overlay.coverage!.nodes.has(node.id));
    const missedEdges = diagram.edges.filter((edge) => !overlay.coverage!.edges.has(edge.id));
    const listed = missedNodes.slice(0, MAX_LISTED).map((node) => goto(node.id)).join(' ');
    const more = missedNodes.length > MAX_LISTED ? ` <span class="muted">and ${missedNodes.length - MAX_LISTED} more</span>` : '';
    parts.push(
      section(
        'Coverage',
        `<p>nodes ${nodes.length - missedNodes.length}/${nodes.length}, branches ${diagram.edges.length - missedEdges.length}/${diagram.edges.length}</p>` +
          (missedNodes.length > 0 ? `<p>never reached: ${listed}${more}</p>` : ''),
        'coverage-section',
      ),
    );
  }
  return parts.join('');
}
