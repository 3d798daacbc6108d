// The seed document's seven steps end to end (role check, build, validate, diff, push, monitor, simulate), as data for `gcflow demo`.
import type { FlowDefinition } from '../flow/schema.js';
import { generateFlowDiff } from '../diff/index.js';
import type { PlatformClient } from '../platform/index.js';
import { VersionConflictError } from '../platform/errors.js';
import { simulateFlow } from '../simulate/index.js';
import { createPlan } from './plan.js';
import { monitorDeployment, pushFlowUpdate, validateFlow, verifyRoleScopes } from './seed-api.js';
import type { DeployTarget } from './target.js';

export interface DemoStep {
  number: number;
  title: string;
  ok: boolean;
  /** What happened, one line each. */
  lines: string[];
}

export interface SeedPipelineInput {
  client: PlatformClient;
  target: DeployTarget;
  /** The built flow with its environment filled in. */
  flow: FlowDefinition;
  /** Where the flow came from, for step 2 (`examples/support.flow.yaml (profile dev)`). */
  builtFrom: string;
  /** The customer's message for step 7 and the queue it should reach. */
  message: string;
  expectedQueue?: string;
  timeoutMs: number;
  onStep(step: DemoStep): void;
}

/** Runs the seven steps (and an eighth: planning again shows no changes); stops at the first that fails. */
export async function runSeedPipeline(input: SeedPipelineInput): Promise<boolean> {
  const { client, target, flow } = input;
  const step = (number: number, title: string, ok: boolean, lines: string[]) => {
    input.onStep({ number, title, ok, lines });
    return ok;
  };

  const roles = await verifyRoleScopes(client);
  const roleLines = roles.scopes.map((s) => `${s.granted ? 'granted' : 'MISSING'}  ${s.scope.padEnd(19)} = ${s.permissions.join(' + ')}`);
  if (roles.source.kind === 'client') roleLines.unshift(`client ${roles.source.clientId} with role(s) ${roles.source.roles.join(', ')}`);
  if (!step(1, 'Role check (seed scopes mapped to Genesys permissions)', roles.ok, roleLines)) return false;

  const nodes = Object.keys(flow.nodes).length;
  step(2, 'Build the flow', true, [`${flow.name} (${flow.id}): ${nodes} nodes, from ${input.builtFrom}`]);

  const validation = await validateFlow(flow, { client });
  const local = validation.local;
  const validationLines = [`local: ${local.errorCount} error(s), ${local.warningCount} warning(s)`];
  for (const f of local.findings) validationLines.push(`  ${f.severity} ${f.code} ${f.pointer ?? ''}: ${f.message}`);
  if (validation.server) validationLines.push(`server: ${validation.server.valid ? 'valid' : 'refused'} (POST /api/v2/flows/${flow.id}/validate)`);
  if (!step(3, 'Validate', validation.valid, validationLines)) return false;

  const deployed = await target.fetchDeployed(flow.id);
  const plan = createPlan(flow, deployed);
  const diffLines =
    deployed === undefined
      ? [`not deployed yet: it will be created as version ${plan.desired.version}`]
      : plan.action === 'none'
        ? [`version ${deployed.version} is published with this content: nothing to push`]
        : [`against deployed version ${deployed.version} (${deployed.status}):`, ...generateFlowDiff(deployed.definition, plan.desired).map((line) => `  ${line}`)];
  step(4, 'Diff against what is deployed', true, diffLines);

  if (plan.action === 'none') {
    step(5, 'Push with optimistic locking', true, ['skipped: the same content is already published (deploying twice makes no second version)']);
    step(6, 'Monitor the publication', true, [`version ${deployed?.version} is published`]);
  } else {
    const expectedVersion = deployed?.version ?? 0;
    const pushed = await pushFlowUpdate(client, plan.desired, { expectedVersion });
    const pushLines = [`PUT /api/v2/flows/${flow.id} with version ${pushed.version} (expected current version ${expectedVersion}): accepted, status ${pushed.status}`];
    try {
      await pushFlowUpdate(client, plan.desired, { expectedVersion });
      pushLines.push('a second write from the same stale base was accepted: this server does not lock!');
      return step(5, 'Push with optimistic locking', false, pushLines);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      pushLines.push(`a second write from the same base (version ${expectedVersion}) is refused with 409: no blind version bump, no lost update`);
    }
    step(5, 'Push with optimistic locking', true, pushLines);
    const monitored = await monitorDeployment(client, flow.id, { version: pushed.version, timeoutMs: input.timeoutMs });
    const monitorLines = [`${monitored.outcome} after ${Math.round(monitored.elapsedMs)} ms, ${monitored.checks} check(s) (adaptive polling: first after 65 ms, then x1.5)`];
    if (monitored.reason) monitorLines.push(monitored.reason);
    if (!step(6, 'Monitor the publication', monitored.outcome === 'published', monitorLines)) return false;
  }

  const live = await target.fetchDeployed(flow.id);
  if (live === undefined) return step(7, 'Simulate', false, ['the flow is not deployed']);
  const trace = simulateFlow(live.definition, [{ from: 'customer', text: input.message }]);
  const routed = trace.routedTo ?? 'nobody';
  const ok = input.expectedQueue === undefined ? trace.end.reason !== 'error' : trace.routedTo === input.expectedQueue;
  const simulated = step(7, 'Simulate a conversation on the deployed flow', ok, [
    `customer: "${input.message}"`,
    ...trace.messages.map((m) => `flow:     "${m.text}"`),
    `path:     ${trace.path.join(' -> ')}`,
    `routed to ${routed}${input.expectedQueue ? (ok ? ' (the billing queue, as expected)' : ` (expected ${input.expectedQueue})`) : ''}; ended: ${trace.end.reason}`,
  ]);
  if (!simulated) return false;

  const again = createPlan(flow, live);
  return step(8, 'Deploy again (idempotence)', again.action === 'none', [
    again.action === 'none' ? `plan: no changes; version ${live.version} stays, no second version is made` : `plan: ${again.action} (expected no changes)`,
  ]);
}
