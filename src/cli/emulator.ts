// `gcflow emulator`: starts the local Genesys Cloud API emulator and prints where it listens and which credentials it accepts.
import type { Command } from 'commander';
import { GcflowError } from '../flow/diagnostic.js';
import { action, paint, stdout, stderr } from './io.js';

interface EmulatorCommandOptions {
  port: string;
  clientId?: string;
  clientSecret?: string;
  tokenTtl?: string;
  rateLimit?: string;
  faults?: string;
  seed?: string;
  publishDelayMs?: string;
  state?: string;
  load?: string[];
}

function wholeNumber(value: string | undefined, option: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new GcflowError('GCF950', `${option} must be a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

export function register(program: Command): void {
  program
    .command('emulator')
    .description('Run a local Genesys Cloud API emulator (OAuth, flows, locks, jobs, web deployments) for tests and demos.')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '0')
    .option('--client-id <id>', 'the OAuth client id to accept (default: generated)')
    .option('--client-secret <secret>', 'the OAuth client secret to accept (default: generated)')
    .option('--token-ttl <seconds>', 'access token lifetime in seconds (default 86400)')
    .option('--rate-limit <n/window>', 'requests per token and window, e.g. 300/60s (the default)')
    .option('--faults <spec>', "inject faults into /api/v2, e.g. 'latency=50-200ms,503=5%,429=5%,reset=1%'")
    .option('--seed <n>', 'seed of the fault sequence, so that failures replay (default 1)')
    .option('--publish-delay-ms <ms>', 'how long publications and jobs take (default 300)')
    .option('--state <file>', 'keep the state in this file (atomic writes) and read it back on start')
    .option('--load <files...>', 'preload flow files (.json, .yaml, .ts, .js)')
    .action(
      action(async (opts: EmulatorCommandOptions) => {
        const { startEmulator } = await import('../emulator/index.js');
        const port = wholeNumber(opts.port, '--port', 0);
        if (port !== undefined && port > 65535) throw new GcflowError('GCF950', `--port must be at most 65535, not ${port}`);
        let emulator;
        try {
          emulator = await startEmulator({
            port,
            clientId: opts.clientId,
            clientSecret: opts.clientSecret,
            tokenTtlSeconds: wholeNumber(opts.tokenTtl, '--token-ttl', 1),
            rateLimit: opts.rateLimit,
            faults: opts.faults,
            seed: wholeNumber(opts.seed, '--seed', 0),
            publishDelayMs: wholeNumber(opts.publishDelayMs, '--publish-delay-ms', 0),
            statePath: opts.state,
            flows: opts.load,
          });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE') throw new GcflowError('GCF950', `port ${port} is already in use; pick another with --port or use --port 0`);
          if (code === 'EACCES') throw new GcflowError('GCF950', `port ${port} may not be used by this user; pick one above 1024`);
          throw error;
        }
        // Listen for the stop signals before announcing the port: whoever reads the first lines may signal at once.
        const stopped = new Promise<void>((resolve) => {
          const stop = (signal: NodeJS.Signals) => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            emulator
              .close()
              .then(() => stderr().write(`gcflow emulator stopped (${signal})\n`))
              .catch((error: unknown) => {
                stderr().write(`gcflow emulator: the state could not be saved: ${(error as Error).message}\n`);
                process.exitCode = 1;
              })
              .finally(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        const out = stdout();
        const c = paint(out);
        const secretNote = opts.clientSecret === undefined
          ? `${emulator.clientSecret}  ${c.dim('(a throwaway credential generated for this local emulator only)')}`
          : c.dim('(as given with --client-secret)');
        out.write(
          [
            `gcflow emulator listening on ${emulator.url}`,
            `client id:     ${emulator.clientId}`,
            `client secret: ${secretNote}`,
            `role ids:      deployer ${emulator.roles.deployer}, read only ${emulator.roles.readOnly}`,
            `token URL:     ${emulator.url}/oauth/token (client credentials; Basic header or form fields)`,
            opts.state ? `state file:    ${opts.state}` : 'state:         in memory (use --state FILE to keep it)',
            c.dim('Stop with Ctrl+C.'),
            '',
          ].join('\n'),
        );
        await stopped;
      }),
    );
}
