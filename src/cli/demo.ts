// `gcflow demo` (what `npm start` runs): the seed document's seven steps end to end, on an embedded emulator or an org.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { Command } from 'commander';
import type { FlowDefinition } from '../flow/schema.js';
import { action, ExitCode, paint, stdout } from './io.js';
import { addConnectionOptions, openConnection, parseDuration, type ConnectionFlags } from './deploy-options.js';

interface DemoOptions extends ConnectionFlags {
  message: string;
  timeout: string;
}

/** The richer example flow shipped with gcflow (greeting, classify, routes to two queues), when present. */
const EXAMPLE_FLOW = fileURLToPath(new URL('../../examples/support.flow.yaml', import.meta.url));
/** Queue ids for the seed flow when there is no example (and no environment) to give them. */
const SEED_QUEUES = { BILLING_QUEUE_ID: 'queue-billing', TECH_QUEUE_ID: 'queue-tech' };

async function buildFlow(): Promise<{ flow: FlowDefinition; builtFrom: string; values: Record<string, string>; expectedQueue?: string }> {
  const { resolveFlowEnvironment, loadEnvironment } = await import('../env/index.js');
  if (existsSync(EXAMPLE_FLOW)) {
    const { loadFlowFile } = await import('../flow/load.js');
    const loaded = await loadFlowFile(EXAMPLE_FLOW);
    const values = await loadEnvironment({ flowFile: EXAMPLE_FLOW, profile: 'dev' });
    const { flow } = resolveFlowEnvironment(loaded.data as unknown as FlowDefinition, values);
    return { flow, builtFrom: `${relative(process.cwd(), EXAMPLE_FLOW) || EXAMPLE_FLOW} (profile dev)`, values, expectedQueue: values.BILLING_QUEUE_ID };
  }
  const { createWebMessagingFlow } = await import('../flow/builder.js');
  const values = { ...SEED_QUEUES, ...(await loadEnvironment({})) };
  const { flow } = resolveFlowEnvironment(createWebMessagingFlow('6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23', 1), values);
  return { flow, builtFrom: 'createWebMessagingFlow() (the seed flow)', values };
}

export function register(program: Command): void {
  addConnectionOptions(
    program
      .command('demo')
      .description('Run the seed pipeline end to end: role check, build, validate, diff, push with locking, monitor, simulate (npm start).')
      .option('--message <text>', 'what the customer says in the simulation', 'I need help with my bill')
      .option('--timeout <duration>', 'how long publication may take', '60s'),
  ).action(
    action(async (opts: DemoOptions) => {
      const out = stdout();
      const c = paint(out);
      const timeoutMs = parseDuration(opts.timeout, '--timeout');
      const built = await buildFlow();
      // On the embedded emulator the seed flow is what is "in production", so the diff and the push have something to show.
      const { createWebMessagingFlow } = await import('../flow/builder.js');
      const { resolveFlowEnvironment } = await import('../env/index.js');
      const baseline = { ...resolveFlowEnvironment(createWebMessagingFlow(built.flow.id, 1), { ...SEED_QUEUES, ...built.values }).flow, status: 'published' as const };
      out.write(`${c.bold('gcflow demo')}: the seed pipeline, end to end\n`);
      const connection = await openConnection(opts, out, 'An emulator started in this process, with the seed flow published as version 1 of the example flow, stands in for Genesys Cloud.', {
        emulator: { flows: [baseline as unknown as Record<string, unknown>] },
      });
      try {
        const { runSeedPipeline } = await import('../deploy/demo.js');
        const ok = await runSeedPipeline({
          client: connection.client,
          target: connection.target,
          flow: built.flow,
          builtFrom: built.builtFrom,
          message: opts.message,
          ...(built.expectedQueue && opts.message === 'I need help with my bill' ? { expectedQueue: built.expectedQueue } : {}),
          timeoutMs,
          onStep: (step) => {
            const mark = step.ok ? c.green('ok') : c.red('FAILED');
            out.write(`\n${c.bold(`${step.number}. ${step.title}`)}  ${mark}\n`);
            for (const line of step.lines) out.write(`   ${line}\n`);
          },
        });
        out.write(ok ? `\n${c.green('All steps passed.')}\n` : `\n${c.red('The pipeline stopped at the step marked FAILED.')}\n`);
        return ok ? ExitCode.ok : ExitCode.failed;
      } finally {
        await connection.close();
      }
    }),
  );
}
