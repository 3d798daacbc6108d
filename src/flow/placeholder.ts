// Placeholders in flow strings: `{name}` (a variable, parameter or built-in) and `{env.NAME}` (deploy-time environment).

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; name: string; raw: string }
  | { kind: 'env'; name: string; raw: string };

/** Names the runtime provides in every conversation. */
export const BUILT_IN_VARIABLES = ['now', 'message', 'channel', 'conversationId'] as const;

// Only `{identifier}` and `{env.IDENTIFIER}` are placeholders; other braces (JSON, prose) are plain text.
const PLACEHOLDER = /\{(env\.)?([A-Za-z_][A-Za-z0-9_.-]*)\}/g;

/** Splits a string into text and placeholders, in order. Pure and single-pass. */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ kind: 'text', text: text.slice(last, index) });
    parts.push(match[1] ? { kind: 'env', name: match[2], raw: match[0] } : { kind: 'variable', name: match[2], raw: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** Whether a string holds any placeholder at all (cheap pre-check for hot paths). */
export function hasPlaceholder(text: string): boolean {
  return text.includes('{') && parseTemplate(text).some((part) => part.kind !== 'text');
}

/**
 * Fills placeholders in one pass: a replacement's own text is never scanned again, so a value holding
 * `{env.X}` or braces stays data. `lookup` returns undefined to leave a placeholder as it was.
 */
export function fillTemplate(text: string, lookup: (part: Exclude<TemplatePart, { kind: 'text' }>) => string | undefined): string {
  if (!text.includes('{')) return text;
  let out = '';
  for (const part of parseTemplate(text)) {
    if (part.kind === 'text') out += part.text;
    else out += lookup(part) ?? part.raw;
  }
  return out;
}
