// The shape of a check (ESLint style): `meta` describes it, `check(context)` only reports; formatting is elsewhere.
import type { Severity } from '../flow/diagnostic.js';
import type { PathSegment } from '../flow/pointer.js';
import type { FlowGraph } from './flow-graph.js';
import type { FlowModel } from './flow-model.js';
import type { KnownVariables } from './flow-variables.js';

export interface CheckMeta {
  /** The stable code users grep for, e.g. GCF003. */
  code: string;
  /** A short kebab-case name, e.g. transition-target. */
  name: string;
  severity: Severity;
  /** One line: what the check finds. */
  description: string;
  /** Message templates keyed by message id; `{{name}}` is filled from the report's data. */
  messages: Record<string, string>;
}

export interface Report {
  messageId: string;
  /** JSON pointer of the offending value (or of where a missing value belongs). */
  pointer: string;
  data?: Record<string, string | number>;
}

export interface CheckContext {
  /** The flow as given (it may not match the schema). */
  readonly raw: unknown;
  readonly model: FlowModel;
  /** The transition graph, built once per validation on first use. */
  graph(): FlowGraph;
  /** Variables something sets, declared inputs, parameters and built-ins, computed once on first use. */
  variables(): KnownVariables;
  /** Environment values when a profile or env file was given. */
  readonly env: Readonly<Record<string, string>> | undefined;
  /** JSON pointer of a path under a node: pointerIn(entry, 'actions', 0, 'name'). */
  pointerIn(nodePointer: string, ...path: PathSegment[]): string;
  report(report: Report): void;
}

export interface Check {
  meta: CheckMeta;
  check(context: CheckContext): void;
}

/** Fills `{{name}}` slots of a message template. */
export function interpolate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (slot, key: string) => (key in data ? String(data[key]) : slot));
}
