// `gcflow deploy <flow...>` / `--plan FILE`: preflight, plan, confirm, then back up, push with locking, watch, verify, smoke test.
import type { Command } from 'commander';
import { GcflowError } from '../flow/diagnostic.js';
import { addEnvironmentOptions, type EnvironmentOptions } from '../env/cli-options.js';
import type { DeployPlan } from '../deploy/plan.js';
import type { NamedSecret } from '../deploy/secret-redaction.js';
import type { DeployOutcome, PreparedDeploy } from '../deploy/deploy.js';
import { action, ExitCode, paint, stdout } from './io.js';
import { addConnectionOptions, confirm, openConnection, parseDuration, parsePositiveInteger, USAGE_CODE, type ConnectionFlags } from './deploy-options.js';

interface DeployOptions extends ConnectionFlags, EnvironmentOptions {
  yes?: boolean;
  timeout: string;
  force?: boolean;
  concurrency: string;
  plan?: string;
}

interface Planned {
  file?: string;
  plan: DeployPlan;
  values: Record<string, string>;
}

export const EMBEDDED_DEPLOY_NOTE = 'Deploying to an emulator started for this command only: it is discarded when the command ends (npm start shows the whole job).';

export function register(program: Command): void {
  const command = program
    .command('deploy')
    .description('Deploy flows safely: preflight, plan, confirm, back up, push with optimistic locking, publish, verify, smoke test, roll back on failure.')
    .argument('[flows...]', 'flow files (.json, .yaml, .ts, .js); or give --plan')
    .option('--plan <file>', 'apply exactly a plan saved by gcflow plan --out (refused if the deployed flow moved since)')
    .option('-y, --yes', 'do not ask for confirmation (required when not on a terminal)')
    .option('--timeout <duration>', 'how long publication may take per flow (e.g. 120s, 2m)', '120s')
    .option('--force', 'when someone else deployed since the plan, re-plan on top of their version instead of stopping')
    .option('--concurrency <n>', 'flows deployed at once (all under the client rate limit)', '4');
  addConnectionOptions(addEnvironmentOptions(command)).action(
    action(async (files: string[], opts: DeployOptions) => {
      if ((files.length === 0) === (opts.plan === undefined)) throw new GcflowError(USAGE_CODE, 'give flow files or --plan FILE (one or the other)');
      const timeoutMs = parseDuration(opts.timeout, '--timeout');
      const concurrency = parsePositiveInteger(opts.concurrency, '--concurrency');
      const out = stdout();
      const c = paint(out);
      const { printInputProblems, printPlan, planSummary, printConflict, printSummary } = await import('./plan-output.js');

      // 1. What to deploy: flow files (validated, resolved) or a saved plan (integrity-checked).
      let planned: Planned[] | undefined;
      let toPrepare: Array<{ file: string; flow: import('../flow/schema.js').FlowDefinition; values: Record<string, string> }> = [];
      let secrets: NamedSecret[] = [];
      if (opts.plan !== undefined) {
        const { readFile } = await import('node:fs/promises');
        const { readPlanFile } = await import('../deploy/plan-file.js');
        const { loadEnvironment } = await import('../env/index.js');
        const { secretsOf } = await import('../deploy/flow-input.js');
        let text: string;
        try {
          text = await readFile(opts.plan, 'utf8');
        } catch {
          throw new GcflowError(USAGE_CODE, 'the plan file cannot be read', { file: opts.plan });
        }
        const firstFile = (JSON.parse(text) as { flows?: Array<{ file?: string }> }).flows?.[0]?.file;
        const values = await loadEnvironment({ flowFile: firstFile, profile: opts.profile, envFile: opts.envFile });
        secrets = secretsOf(values);
        planned = readPlanFile(text, opts.plan, values).flows.map((f) => ({ ...f, values }));
      } else {
        const { loadDeployInput } = await import('../deploy/flow-input.js');
        const inputs = await Promise.all(files.map((file) => loadDeployInput(file, { profile: opts.profile, envFile: opts.envFile })));
        if (printInputProblems(out, inputs)) return ExitCode.failed;
        toPrepare = inputs.map((input) => ({ file: input.file, flow: input.resolved!, values: input.values }));
        secrets = inputs.flatMap((input) => input.secrets);
      }
      const ids = [...(planned ?? []).map((p) => p.plan.flowId), ...toPrepare.map((p) => p.flow.id)];
      const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
      if (duplicate !== undefined) throw new GcflowError(USAGE_CODE, `flow ${duplicate} is named twice; deploy each flow once`);

      const connection = await openConnection(opts, out, EMBEDDED_DEPLOY_NOTE);
      try {
        const { prepareDeploy, validatePrepared, checkPlanStillApplies, applyDeploy } = await import('../deploy/deploy.js');
        const { mapBounded } = await import('../deploy/bounded-concurrency.js');
        const { checkPermissionsFor } = await import('../deploy/permissions.js');
        const { PermissionError } = await import('../platform/errors.js');
        const target = connection.target;
        // Started now, awaited after planning; settled either way so that a failure is never left unhandled.
        const granted: Promise<{ permissions?: string[]; error?: unknown }> = connection.client.permissions.discover().then(
          (found) => ({ permissions: found.permissions }),
          (error: unknown) => (error instanceof PermissionError ? {} : { error }),
        );

        // 2. Plans and the server's validation; a saved plan must still match what is deployed.
        let prepared: Array<PreparedDeploy & { file?: string; values: Record<string, string> }>;
        if (planned) {
          const stale = (await mapBounded(planned, concurrency, (p) => checkPlanStillApplies(target, p.plan))).filter((o): o is DeployOutcome => o !== undefined);
          if (stale.length > 0) {
            for (const o of stale) {
              out.write(`${c.bold(o.name)}: ${c.red('the plan is out of date')}: ${o.message}\n`);
              const p = planned.find((x) => x.plan.flowId === o.flowId);
              if (o.conflict?.theirs && p) printConflict(out, { ...o.conflict }, p.values);
            }
            return ExitCode.failed;
          }
          prepared = await mapBounded(planned, concurrency, async (p) => ({ ...(await validatePrepared({ target }, p.plan)), ...(p.file ? { file: p.file } : {}), values: p.values }));
        } else {
          prepared = await mapBounded(toPrepare, concurrency, async (p) => ({ ...(await prepareDeploy({ target }, p.flow)), file: p.file, values: p.values }));
        }
        for (const p of prepared) printPlan(out, p.plan, p.file, p.values, p.validation);
        out.write(`\n${planSummary(prepared.map((p) => p.plan))}\n`);

        // 3. Preflight: permissions for this deploy, and the server's validation.
        const discovery = await granted;
        if (discovery.error !== undefined) throw discovery.error;
        const permissions = discovery.permissions;
        const creating = prepared.some((p) => p.plan.action === 'create');
        if (permissions === undefined) {
          out.write(`${c.yellow('warning')}: this client may not read its own roles (oauth:client:view, authorization:role:view), so its permissions were not checked; the server will refuse what it may not do\n`);
        } else {
          const check = checkPermissionsFor('deploy', permissions, { creating });
          if (!check.ok) {
            out.write(`${c.red('preflight failed')}: the OAuth client lacks ${check.missing.join(', ')}; nothing was changed (see gcflow permissions)\n`);
            return ExitCode.failed;
          }
        }
        if (prepared.some((p) => p.validation && !p.validation.valid)) {
          out.write(`${c.red('preflight failed')}: the server refuses at least one flow; nothing was changed\n`);
          return ExitCode.failed;
        }
        const work = prepared.filter((p) => p.plan.action !== 'none');
        if (work.length === 0) {
          out.write(`${c.green('No changes')}: every flow is already published and up to date.\n`);
          return ExitCode.ok;
        }
        if (!(await confirm(`Deploy ${work.length} flow(s) to ${connection.description}?`, opts.yes))) {
          out.write('Cancelled; nothing was changed.\n');
          return ExitCode.failed;
        }

        // 4. Apply, a few flows at a time, all under the client's rate limiter.
        const { createDeployProgress } = await import('./deploy-progress.js');
        const names = new Map(prepared.map((p) => [p.plan.flowId, p.plan.name]));
        const progress = createDeployProgress(out, (id) => names.get(id) ?? id);
        const { smokeTestFor } = await import('../deploy/smoke-test.js');
        let outcomes: DeployOutcome[];
        try {
          outcomes = await mapBounded(prepared, concurrency, async (p) => {
            const result = await applyDeploy(
              {
                target,
                projectDir: process.cwd(),
                secrets,
                wallClock: () => new Date(),
                timeoutMs,
                force: Boolean(opts.force),
                onEvent: (event) => progress.onEvent(event),
                ...(p.file ? { smokeTest: smokeTestFor(p.file, p.values) } : {}),
              },
              p,
            );
            progress.done(p.plan.flowId);
            if (result.status !== 'unchanged' && result.status !== 'deployed') progress.line(`${result.name}: ${c.red(result.status)}: ${result.message}`);
            if (result.conflict && result.status === 'conflict') printConflict(out, result.conflict, p.values);
            return result;
          });
        } finally {
          progress.stop();
        }
        printSummary(out, outcomes);
        const failed = outcomes.filter((o) => !o.ok).length;
        out.write(failed === 0 ? `${c.green('Deployed')}: ${outcomes.length} flow(s) ok.\n` : `${c.red('Failed')}: ${failed} of ${outcomes.length} flow(s); each was left as it was or rolled back, as said above.\n`);
        return failed === 0 ? ExitCode.ok : ExitCode.failed;
      } finally {
        await connection.close();
      }
    }),
  );
}
