// What counts as "the flow" when comparing what we push with what a server holds: the IR fields, normalised.
import { createHash } from 'node:crypto';
import type { FlowDefinition } from '../flow/schema.js';

/** The flow fields a user owns; everything else a server returns (selfUri, dates, locks) is the server's. */
export const DEFINITION_FIELDS = [
  'id',
  'version',
  'name',
  'status',
  'type',
  'description',
  'division',
  'inputs',
  'nodes',
  'applicationSettings',
  'environmentVariables',
] as const;

/** The flow type a server assumes when none is given. */
export const DEFAULT_FLOW_TYPE = 'inboundshortmessage';

/** Keeps only the IR fields of a server document (it may carry selfUri, dates, lock, statusReason...). */
export function definitionOf(document: Record<string, unknown>): FlowDefinition {
  const picked: Record<string, unknown> = {};
  for (const field of DEFINITION_FIELDS) if (document[field] !== undefined) picked[field] = document[field];
  return picked as unknown as FlowDefinition;
}

/** The part of a flow that a deploy changes: everything but the lock counter and the publication status. */
export function contentOf(flow: FlowDefinition): Omit<FlowDefinition, 'version' | 'status' | '$schema'> {
  const { version: _version, status: _status, $schema: _schema, ...content } = definitionOf(flow as unknown as Record<string, unknown>) as FlowDefinition;
  if (content.type === undefined || content.type.toLowerCase() === DEFAULT_FLOW_TYPE) content.type = DEFAULT_FLOW_TYPE;
  return content;
}

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = sortKeys(child);
    }
    return sorted;
  }
  return value;
}

/** `sha256:<hex>` of the canonical JSON of a value. */
export function fingerprint(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

/** Whether two flows have the same content (version and status aside, server fields ignored). */
export function sameContent(a: FlowDefinition, b: FlowDefinition): boolean {
  return canonicalJson(contentOf(a)) === canonicalJson(contentOf(b));
}

/** The content fingerprint: equal for flows that differ only in version, status or server fields. */
export function contentFingerprint(flow: FlowDefinition): string {
  return fingerprint(contentOf(flow));
}
