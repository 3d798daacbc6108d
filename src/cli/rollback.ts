// `gcflow rollback <flowId> [--to VERSION]`: put an earlier version back (from .gcflow/backups, else the server) as a new version.
import type { Command } from 'commander';
import { addEnvironmentOptions, type EnvironmentOptions } from '../env/cli-options.js';
import { action, ExitCode, paint, stdout } from './io.js';
import { addConnectionOptions, confirm, openConnection, parseDuration, parsePositiveInteger, type ConnectionFlags } from './deploy-options.js';

interface RollbackOptions extends ConnectionFlags, EnvironmentOptions {
  to?: string;
  yes?: boolean;
  timeout: string;
}

export function register(program: Command): void {
  const command = program
    .command('rollback')
    .description('Roll a flow back to an earlier version (from .gcflow/backups, else the server\'s versions), published as a new version.')
    .argument('<flowId>', 'the flow id')
    .option('--to <version>', 'the version whose content to restore (default: the newest earlier backup, else the last published version)')
    .option('-y, --yes', 'do not ask for confirmation (required when not on a terminal)')
    .option('--timeout <duration>', 'how long publication may take', '120s');
  addConnectionOptions(addEnvironmentOptions(command)).action(
    action(async (flowId: string, opts: RollbackOptions) => {
      const to = opts.to === undefined ? undefined : parsePositiveInteger(opts.to, '--to');
      const timeoutMs = parseDuration(opts.timeout, '--timeout');
      const out = stdout();
      const c = paint(out);
      const { loadEnvironment } = await import('../env/index.js');
      const { secretsOf } = await import('../deploy/flow-input.js');
      const envValues = await loadEnvironment({ profile: opts.profile, envFile: opts.envFile });
      const connection = await openConnection(opts, out, 'An embedded emulator starts empty, so there is nothing to roll back there: configure credentials (or --url) to roll back a flow in an org.');
      try {
        const { rollbackFlow, findRollbackSource } = await import('../deploy/rollback.js');
        const current = await connection.target.fetchDeployed(flowId);
        if (current === undefined) {
          out.write(`flow ${flowId}: ${c.yellow('not deployed')} on ${connection.description}; nothing to roll back\n`);
          return ExitCode.failed;
        }
        const source = await findRollbackSource(connection.target, process.cwd(), current, to, envValues);
        const where = source.from === 'backup' ? `the backup ${source.path}` : 'the server\'s saved versions';
        out.write(`flow ${current.definition.name ?? flowId} is at version ${current.version} (${current.status}); restoring the content of version ${source.version} from ${where}\n`);
        if (!(await confirm(`Roll ${flowId} back to the content of version ${source.version}?`, opts.yes))) {
          out.write('Cancelled; nothing was changed.\n');
          return ExitCode.failed;
        }
        const { createDeployProgress } = await import('./deploy-progress.js');
        const progress = createDeployProgress(out, () => current.definition.name ?? flowId);
        let outcome;
        try {
          outcome = await rollbackFlow(
            { target: connection.target, projectDir: process.cwd(), secrets: secretsOf(envValues), wallClock: () => new Date(), timeoutMs, envValues, onEvent: (e) => progress.onEvent(e) },
            flowId,
            source.version,
          );
        } finally {
          progress.stop();
        }
        const colour = outcome.ok ? c.green : c.red;
        out.write(`${colour(outcome.status)}: ${outcome.message}\n`);
        return outcome.ok ? ExitCode.ok : ExitCode.failed;
      } finally {
        await connection.close();
      }
    }),
  );
}
