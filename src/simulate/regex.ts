// Regular expressions written in flows: `/body/flags` strings (classify keywords, matches conditions) or bare patterns.

export interface RegexSource {
  source: string;
  flags: string;
}

const LITERAL = /^\/(.+)\/([dgimsuvy]*)$/s;

/** `/body/flags` → its parts; anything else is not a regex literal. */
export function parseRegexLiteral(text: string): RegexSource | undefined {
  const match = LITERAL.exec(text);
  return match ? { source: match[1], flags: match[2] } : undefined;
}

/**
 * A regex from a `/body/flags` literal or a bare pattern. The `g` and `y` flags are dropped because they make
 * `test` stateful. Throws SyntaxError for an invalid pattern.
 */
export function compileRegex(text: string, ignoreCase = false): RegExp {
  const literal = parseRegexLiteral(text) ?? { source: text, flags: '' };
  let flags = literal.flags.replace(/[gy]/g, '');
  if (ignoreCase && !flags.includes('i')) flags += 'i';
  return new RegExp(literal.source, flags);
}
