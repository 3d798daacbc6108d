// The gcflow command line: parses arguments, dispatches to one command file, maps errors to exit codes.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { commands } from './commands.js';
import { ExitCode, reportError } from './io.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export async function main(argv: string[]): Promise<void> {
  const program = new Command('gcflow')
    .description('Flows as code for Genesys Cloud Web Messaging: validate, diff, simulate, deploy.')
    .version(pkg.version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureHelp({ sortSubcommands: false });
  for (const load of commands) (await load()).register(program);
  program.commands.forEach((command) => command.exitOverride());
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      process.exitCode = benign ? ExitCode.ok : ExitCode.usage;
      return;
    }
    reportError(error);
  }
}

await main(process.argv);
