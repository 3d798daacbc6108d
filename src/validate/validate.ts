// validate(): runs every check over a flow and returns its findings in a stable order. Pure, synchronous, no I/O.
import { childPointer, fromPointer } from '../flow/pointer.js';
import type { CheckContext } from './check.js';
import { interpolate } from './check.js';
import { SCHEMA_CODE, checks } from './checks/registry.js';
import type { Finding, ValidateOptions, ValidationResult } from './finding.js';
import { buildFlowGraph, type FlowGraph } from './flow-graph.js';
import { buildFlowModel, isRecord, type FlowModel } from './flow-model.js';
import { collectKnownVariables, type KnownVariables } from './flow-variables.js';

interface Ordered {
  finding: Finding;
  /** Document order: the position of each pointer segment among its siblings. */
  rank: number[];
}

/** Document order of a pointer: the position of each segment among its siblings (node ids through the model's index). */
function documentRank(model: FlowModel, pointer: string): number[] {
  const rank: number[] = [];
  let value: unknown = model.data;
  let underNodes = false;
  for (const segment of fromPointer(pointer)) {
    let position: number;
    if (underNodes) {
      position = model.indexOf.get(segment) ?? model.nodes.length;
    } else if (Array.isArray(value)) {
      position = /^\d+$/.test(segment) ? Number(segment) : value.length;
    } else if (isRecord(value)) {
      const keys = Object.keys(value);
      position = keys.indexOf(segment);
      if (position < 0) position = keys.length; // a missing property sorts after its siblings
    } else {
      position = 0;
    }
    underNodes = rank.length === 0 && segment === 'nodes';
    rank.push(position);
    value = Array.isArray(value) ? value[Number(segment)] : isRecord(value) ? value[segment] : undefined;
  }
  return rank;
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: Ordered, b: Ordered): number {
  const line = (a.finding.line ?? Infinity) - (b.finding.line ?? Infinity);
  if (line) return line;
  const column = (a.finding.column ?? Infinity) - (b.finding.column ?? Infinity);
  if (column) return column;
  return compareRank(a.rank, b.rank) || compareText(a.finding.code, b.finding.code) || compareText(a.finding.message, b.finding.message);
}

/** Checks a flow (any value: it need not match the schema) and returns every finding. Never throws on odd input. */
export function validate(flow: unknown, options: ValidateOptions = {}): ValidationResult {
  const model = buildFlowModel(flow);
  let graph: FlowGraph | undefined;
  let variables: KnownVariables | undefined;
  const schemaFindings: Finding[] = [];
  const specificFindings: Finding[] = [];
  for (const { meta, check } of checks) {
    const sink = meta.code === SCHEMA_CODE ? schemaFindings : specificFindings;
    const context: CheckContext = {
      raw: flow,
      model,
      env: options.env,
      graph: () => (graph ??= buildFlowGraph(model)),
      variables: () => (variables ??= collectKnownVariables(model)),
      pointerIn: (pointer, ...path) => childPointer(pointer, ...path),
      report: ({ messageId, pointer, data }) => {
        sink.push({ code: meta.code, severity: meta.severity, message: interpolate(meta.messages[messageId] ?? messageId, data), pointer });
      },
    };
    check(context);
  }
  // A semantic check says more than the schema about the same value (unknown action, missing queueId...): keep only it.
  const specificPointers = new Set(specificFindings.map((finding) => finding.pointer));
  const all = [...schemaFindings.filter((finding) => !specificPointers.has(finding.pointer)), ...specificFindings];

  const seen = new Set<string>();
  const ordered: Ordered[] = [];
  for (const finding of all) {
    const key = `${finding.code}\u0000${finding.pointer}\u0000${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (options.source) {
      finding.file = options.source.file;
      const where = options.source.locate(finding.pointer ?? '');
      if (where) {
        finding.line = where.line;
        finding.column = where.column;
      }
    }
    ordered.push({ finding, rank: documentRank(model, finding.pointer ?? '') });
  }
  ordered.sort(compareFindings);
  const findings = ordered.map((entry) => entry.finding);
  const errorCount = findings.filter((finding) => finding.severity === 'error').length;
  return { valid: errorCount === 0, errorCount, warningCount: findings.length - errorCount, findings };
}
