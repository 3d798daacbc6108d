// Diagnostics: what gcflow tells a user about their input, as data (code, severity, location, one sentence).

export type Severity = 'error' | 'warning';

export interface SourceLocation {
  /** The file the finding is in, as the user named it. */
  file?: string;
  /** RFC 6901 JSON pointer into the flow, e.g. /nodes/route_intent/conditions/1/transition. */
  pointer?: string;
  /** 1-based line and column, when the flow came from a file. */
  line?: number;
  column?: number;
}

export interface Diagnostic extends SourceLocation {
  /** A stable code users can grep for: GCF001 for findings, GCF9xx for input errors. */
  code: string;
  severity: Severity;
  /** One sentence: what is wrong and what would fix it. */
  message: string;
}

/** An error a user can act on: bad input, a failed operation. Carries a stable code and exit code. */
export class GcflowError extends Error {
  readonly code: string;
  readonly location: SourceLocation;
  /** 1 for a failed operation, 2 for a usage error or unreadable/malformed input. */
  readonly exitCode: 1 | 2;

  constructor(code: string, message: string, location: SourceLocation = {}, exitCode: 1 | 2 = 2) {
    super(message);
    this.name = 'GcflowError';
    this.code = code;
    this.location = location;
    this.exitCode = exitCode;
  }
}

/** `file:line:column` (or as much of it as is known), for the front of a message. */
export function formatLocation(location: SourceLocation): string {
  const parts: string[] = [];
  if (location.file) {
    let where = location.file;
    if (location.line !== undefined) where += `:${location.line}`;
    if (location.line !== undefined && location.column !== undefined) where += `:${location.column}`;
    parts.push(where);
  }
  if (location.pointer !== undefined) parts.push(`#${location.pointer || '/'}`);
  return parts.join(' ');
}

/** The one-line form of an input error: `file:3:7 #/nodes/x: message [GCF901]`. */
export function formatError(error: GcflowError): string {
  const where = formatLocation(error.location);
  return `${where ? `${where}: ` : ''}${error.message} [${error.code}]`;
}
