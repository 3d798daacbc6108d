// `gcflow status <flowId>`: the deployed version, its status, when it was published and who holds its lock.
import type { Command } from 'commander';
import { action, ExitCode, paint, stdout } from './io.js';
import { addConnectionOptions, openConnection, type ConnectionFlags } from './deploy-options.js';

export function register(program: Command): void {
  addConnectionOptions(
    program
      .command('status')
      .description('Show what is deployed for a flow: version, status, when published, lock.')
      .argument('<flowId>', 'the flow id'),
  ).action(
    action(async (flowId: string, opts: ConnectionFlags) => {
      const out = stdout();
      const c = paint(out);
      const connection = await openConnection(opts, out, 'An embedded emulator starts empty, so no flow is deployed there: configure credentials (or --url) to ask an org.');
      try {
        const deployed = await connection.target.fetchDeployed(flowId);
        if (deployed === undefined) {
          out.write(`flow ${flowId}: ${c.yellow('not deployed')} on ${connection.description}\n`);
          return ExitCode.failed;
        }
        const status = deployed.status === 'published' ? c.green(deployed.status) : deployed.status === 'failed' ? c.red(deployed.status) : c.yellow(deployed.status);
        const lines = [
          ['flow', `${deployed.definition.name ?? flowId} (${flowId})`],
          ['version', String(deployed.version)],
          ['status', status + (deployed.statusReason ? ` ${c.dim(`(${deployed.statusReason})`)}` : '')],
          ['published', deployed.publishedAt ?? c.dim('never')],
          ['lock', deployed.lock ? `held by ${deployed.lock.kind} ${deployed.lock.by}` : c.dim('none')],
        ];
        out.write(lines.map(([k, v]) => `${k.padEnd(10)} ${v}`).join('\n') + '\n');
        return deployed.status === 'failed' ? ExitCode.failed : ExitCode.ok;
      } finally {
        await connection.close();
      }
    }),
  );
}
