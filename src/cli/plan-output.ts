// Printing for plan and deploy: local findings, each flow's plan as a semantic diff, conflicts, the summary table.
import type { FlowDefinition } from '../flow/schema.js';
import { formatLocation } from '../flow/diagnostic.js';
import { diffFlows, formatDiffText, type DiffTextStyle } from '../diff/index.js';
import { maskSecrets } from '../env/index.js';
import type { DeployInput } from '../deploy/flow-input.js';
import type { DeployOutcome } from '../deploy/deploy.js';
import type { VersionConflict } from '../deploy/conflict.js';
import type { DeployPlan } from '../deploy/plan.js';
import type { ServerValidation } from '../deploy/target.js';
import { paint, type Output } from './io.js';
import { formatTable, visibleLength } from './deploy-options.js';

type Colors = ReturnType<typeof paint>;

function styleOf(c: Colors): DiffTextStyle {
  return {
    effect: (effect, text) => (effect === 'added' ? c.green(text) : effect === 'removed' ? c.red(text) : c.yellow(text)),
    heading: (text) => c.bold(text),
    dim: (text) => c.dim(text),
  };
}

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');
}

/** The local findings of flows that cannot be deployed; returns whether any has errors. */
export function printInputProblems(out: Output, inputs: readonly DeployInput[]): boolean {
  const c = paint(out);
  let blocked = false;
  for (const input of inputs) {
    const errors = input.validation.findings.filter((f) => f.severity === 'error');
    if (errors.length === 0 && input.missing.length === 0) continue;
    blocked = true;
    out.write(`${c.bold(input.file)}: ${c.red('cannot be deployed')}\n`);
    for (const f of errors) out.write(`  ${formatLocation(f)} ${c.red('error')} ${f.message} ${c.dim(`[${f.code}]`)}\n`);
    const reported = new Set(errors.map((f) => f.pointer));
    for (const m of input.missing) if (!reported.has(m.pointer)) out.write(`  #${m.pointer} ${c.red('error')} {env.${m.name}} has no value: give --profile or --env-file\n`);
  }
  return blocked;
}

const EMPTY = (flow: FlowDefinition): FlowDefinition => ({ id: flow.id, name: flow.name, version: 0, status: 'draft', nodes: {} });

/** `changes` between two flows as indented, coloured text with secret values masked. */
export function diffText(out: Output, before: FlowDefinition, after: FlowDefinition, values: Readonly<Record<string, string>>): string {
  const text = formatDiffText(diffFlows(before, after), styleOf(paint(out)));
  return maskSecrets(text, values);
}

export function printPlan(out: Output, plan: DeployPlan, file: string | undefined, values: Readonly<Record<string, string>>, validation?: ServerValidation): void {
  const c = paint(out);
  out.write(`\n${c.bold(plan.name)} ${c.dim(`(${plan.flowId})`)}${file ? c.dim(` from ${file}`) : ''}\n`);
  switch (plan.action) {
    case 'none':
      out.write(`  ${c.green('no changes')}: version ${plan.base?.version} is published and up to date\n`);
      return;
    case 'create':
      out.write(`  ${c.green('create')}: a new flow, to be published as version ${plan.desired.version}\n`);
      out.write(`${indent(diffText(out, EMPTY(plan.desired), plan.desired, values), '    ')}\n`);
      break;
    case 'publish':
      out.write(`  ${c.yellow('publish')}: version ${plan.base?.version} has this content but is ${plan.base?.status}; it is published again as version ${plan.desired.version}\n`);
      break;
    case 'update':
      out.write(`  ${c.yellow('update')}: version ${plan.base?.version} (${plan.base?.status}) -> ${plan.desired.version}\n`);
      out.write(`${indent(diffText(out, plan.base?.definition ?? EMPTY(plan.desired), plan.desired, values), '    ')}\n`);
      break;
  }
  if (validation && !validation.valid) {
    out.write(`  ${c.red("the server's validation refuses it:")}\n`);
    for (const f of validation.findings.filter((x) => x.severity === 'error')) out.write(`    ${f.pointer ? `#${f.pointer} ` : ''}${f.message}${f.code ? c.dim(` [${f.code}]`) : ''}\n`);
  }
}

export function planSummary(plans: readonly DeployPlan[]): string {
  const count = (action: DeployPlan['action']) => plans.filter((p) => p.action === action).length;
  return `Plan: ${count('create')} to create, ${count('update')} to update, ${count('publish')} to publish again, ${count('none')} unchanged.`;
}

/** What they changed since our base, and what we change against it. */
export function printConflict(out: Output, conflict: VersionConflict, values: Readonly<Record<string, string>>): void {
  const c = paint(out);
  const base = conflict.base ?? EMPTY(conflict.ours);
  if (conflict.theirs) {
    out.write(`  ${c.bold(`their changes (version ${conflict.baseVersion} -> ${conflict.theirVersion}):`)}\n`);
    out.write(`${indent(diffText(out, base, conflict.theirs, values), '    ')}\n`);
  }
  out.write(`  ${c.bold(`our changes (against version ${conflict.baseVersion}):`)}\n`);
  out.write(`${indent(diffText(out, base, conflict.ours, values), '    ')}\n`);
}

const RESULT_COLOURS: Record<DeployOutcome['status'], 'green' | 'yellow' | 'red'> = {
  deployed: 'green',
  unchanged: 'green',
  conflict: 'red',
  'stale-plan': 'red',
  invalid: 'red',
  'rolled-back': 'red',
  timeout: 'yellow',
  failed: 'red',
};

export function printSummary(out: Output, outcomes: readonly DeployOutcome[]): void {
  const c = paint(out);
  const rows = outcomes.map((o) => [
    o.name,
    o.fromVersion === undefined ? '-' : String(o.fromVersion),
    o.toVersion === undefined ? '-' : String(o.toVersion),
    c[RESULT_COLOURS[o.status]](o.status),
    o.publishMs === undefined ? '-' : `${(o.publishMs / 1000).toFixed(2)} s`,
  ]);
  out.write(`\n${formatTable(['flow', 'from', 'to', 'result', 'publish'], rows, visibleLength)}\n`);
}
