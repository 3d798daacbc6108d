// `gcflow plan <flow...>`: validate, compare with what is deployed, print the semantic diff; --out saves the plan.
import type { Command } from 'commander';
import { GcflowError } from '../flow/diagnostic.js';
import { addEnvironmentOptions, type EnvironmentOptions } from '../env/cli-options.js';
import { action, ExitCode, paint, stdout } from './io.js';
import { addConnectionOptions, openConnection, USAGE_CODE, type ConnectionFlags } from './deploy-options.js';

interface PlanOptions extends ConnectionFlags, EnvironmentOptions {
  exitCode?: boolean;
  out?: string;
}

export const EMBEDDED_PLAN_NOTE = 'The embedded emulator starts empty, so every flow shows as new; configure credentials (or --url) to plan against an org.';

export function register(program: Command): void {
  const command = program
    .command('plan')
    .description('Show what deploy would change: validate each flow, compare it with what is deployed, print the semantic diff.')
    .argument('<flows...>', 'flow files (.json, .yaml, .ts, .js)')
    .option('--exit-code', 'exit 1 when there are changes, 0 when there are none (as git diff --exit-code)')
    .option('--out <file>', 'save the plan (what will be pushed and the deployed versions it was made against) for gcflow deploy --plan');
  addConnectionOptions(addEnvironmentOptions(command)).action(
    action(async (files: string[], opts: PlanOptions) => {
      const out = stdout();
      const c = paint(out);
      const { loadDeployInput } = await import('../deploy/flow-input.js');
      const { planSummary, printInputProblems, printPlan } = await import('./plan-output.js');
      const inputs = await Promise.all(files.map((file) => loadDeployInput(file, { profile: opts.profile, envFile: opts.envFile })));
      if (printInputProblems(out, inputs)) return ExitCode.failed;
      const ids = new Map<string, string>();
      for (const input of inputs) {
        const id = input.resolved?.id ?? '';
        if (ids.has(id)) throw new GcflowError(USAGE_CODE, `${ids.get(id)} and ${input.file} are the same flow (id ${id}); plan each flow once`);
        ids.set(id, input.file);
      }
      const connection = await openConnection(opts, out, EMBEDDED_PLAN_NOTE);
      try {
        const { prepareDeploy } = await import('../deploy/deploy.js');
        const { mapBounded } = await import('../deploy/bounded-concurrency.js');
        const prepared = await mapBounded(inputs, 4, (input) => prepareDeploy({ target: connection.target }, input.resolved!));
        prepared.forEach((p, i) => printPlan(out, p.plan, inputs[i].file, inputs[i].values, p.validation));
        const plans = prepared.map((p) => p.plan);
        out.write(`\n${planSummary(plans)}\n`);
        if (prepared.some((p) => p.validation && !p.validation.valid)) {
          out.write(`${c.red('The server refuses at least one flow; nothing can be deployed until it is fixed.')}\n`);
          return ExitCode.failed;
        }
        if (opts.out !== undefined) {
          const { createPlanFile } = await import('../deploy/plan-file.js');
          const { writeFileAtomic } = await import('../files/atomic-write.js');
          const planFile = createPlanFile({
            createdAt: new Date().toISOString(),
            target: connection.description,
            flows: plans.map((plan, i) => ({ file: inputs[i].file, plan })),
            secrets: inputs.flatMap((input) => input.secrets),
          });
          await writeFileAtomic(opts.out, `${JSON.stringify(planFile, null, 2)}\n`);
          out.write(`Saved the plan to ${opts.out}; apply exactly this plan with: gcflow deploy --plan ${opts.out}\n`);
        }
        const changes = plans.some((p) => p.action !== 'none');
        return opts.exitCode && changes ? ExitCode.failed : ExitCode.ok;
      } finally {
        await connection.close();
      }
    }),
  );
}
