// The text form of a trace: the conversation as a chat on the left, the path (with what each node did and why) beside it.
import { plainStyle as plain, type TextStyle } from './text-style.js';
import type { SimulationEnd } from './state.js';
import type { SimulationTrace, TraceStep } from './trace.js';

export interface ChatFormatOptions {
  style?: TextStyle;
  /** Width of the chat column (default 46). */
  chatWidth?: number;
}

/** Splits text into lines of at most `width` characters, at spaces where possible. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      let rest = word;
      while (rest.length > width) {
        if (line) lines.push(line);
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
        line = '';
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** What a step did, in a few words: actions, the branch and why, a wait. */
function stepDetail(step: TraceStep): string {
  const parts: string[] = [];
  for (const action of step.actions ?? []) {
    const effect = action.effect;
    if (effect.type === 'send') continue;
    // The chat already shows the customer's words: say only what classify decided.
    if (effect.type === 'classify') {
      parts.push(
        effect.intent !== undefined && !effect.usedFallback
          ? `${effect.variable} = ${JSON.stringify(effect.intent)}${effect.matched !== undefined ? ` (matched ${JSON.stringify(effect.matched)})` : ''}`
          : effect.usedFallback
            ? `no intent matched: ${effect.variable} = fallback ${JSON.stringify(effect.intent)}`
            : `no intent matched: ${effect.variable} cleared`,
      );
    } else parts.push(action.summary);
  }
  if (step.branch) {
    const branch = step.branch;
    parts.push(branch.taken === 'default' ? `→ ${branch.target} (default: ${branch.checks.length === 0 ? 'no conditions' : branch.checks.map((c) => c.why).filter((w, i, all) => all.indexOf(w) === i).join('; ')})` : `→ ${branch.target} (${branch.checks[branch.checks.length - 1].condition})`);
  }
  if (step.waitedFor) parts.push(step.received !== undefined ? `reply into ${step.waitedFor}` : step.timedOut ? `no reply: timed out → ${step.next}` : `waits for a reply into ${step.waitedFor}`);
  for (const note of step.notes ?? []) parts.push(`note: ${note}`);
  return parts.join('; ');
}

export function describeEnd(end: SimulationEnd, trace: Pick<SimulationTrace, 'routedTo' | 'queueName'>): string {
  switch (end.reason) {
    case 'routed':
      return `routed to queue ${trace.routedTo}${trace.queueName ? ` (${trace.queueName})` : ''}, ended at ${end.node}`;
    case 'ended':
      return `ended at ${end.node} without routing`;
    case 'disconnected':
      return `disconnected at ${end.node}${end.message ? ` (${end.message})` : ''}`;
    case 'waiting-for-input':
      return `waiting for input at ${end.node}: ${end.message ?? 'the transcript has no more messages'}`;
    case 'step-limit':
      return `stopped at ${end.node}: ${end.message ?? 'the step limit was reached'}`;
    case 'error':
      return `error at ${end.node}: ${end.message ?? 'the run failed'}`;
  }
}

/** The conversation as a chat with the path beside it, then how the run ended. */
export function formatTraceChat(trace: SimulationTrace, options: ChatFormatOptions = {}): string {
  const style = options.style ?? plain;
  const width = options.chatWidth ?? 46;
  const rows: Array<{ chat: string; chatStyled: string; path: string }> = [];
  const say = (who: 'customer' | 'flow', text: string): Array<{ chat: string; chatStyled: string }> =>
    wrap(text, width - 11).map((line, i) => {
      const label = (i === 0 ? who : '').padEnd(9);
      return { chat: `${label} ${line}`, chatStyled: `${who === 'customer' ? style.bold(label) : style.green(label)} ${line}` };
    });
  const opening = trace.conversation[0]?.from === 'customer' && trace.conversation[0].node === 'start' ? trace.conversation[0] : undefined;
  if (trace.steps.length === 0 && opening) for (const line of say('customer', opening.text)) rows.push({ ...line, path: '' });
  trace.steps.forEach((step, i) => {
    const detail = stepDetail(step);
    const path = `${String(i + 1).padStart(2)} ${style.bold(step.node)}${detail ? `  ${style.dim(detail)}` : ''}`;
    // Left: what was said at this node (the opening message at the first); right: the node and what it did.
    const chat = [
      ...(i === 0 && opening ? say('customer', opening.text) : []),
      ...(step.sent ?? []).flatMap((text) => say('flow', text)),
      ...(step.received !== undefined ? say('customer', step.received) : []),
      ...(step.timedOut ? [{ chat: 'customer  (no reply)', chatStyled: style.dim('customer  (no reply)') }] : []),
    ];
    if (chat.length === 0) rows.push({ chat: '', chatStyled: '', path });
    else chat.forEach((line, j) => rows.push({ ...line, path: j === 0 ? path : '' }));
  });
  const out = rows.map((row) => `${row.chatStyled}${' '.repeat(Math.max(1, width - row.chat.length))}${style.dim('│')} ${row.path}`.trimEnd());
  out.push('');
  out.push(`path: ${trace.path.join(' → ')}`);
  const endText = describeEnd(trace.end, trace);
  const bad = trace.end.reason === 'error' || trace.end.reason === 'step-limit';
  out.push(`end:  ${bad ? style.red(endText) : trace.end.reason === 'routed' ? style.green(endText) : endText}`);
  if (trace.unreadMessages.length > 0) out.push(style.yellow(`unread: ${trace.unreadMessages.length} customer message(s) came after the run ended: ${trace.unreadMessages.map((m) => JSON.stringify(m)).join(', ')}`));
  return `${out.join('\n')}\n`;
}
