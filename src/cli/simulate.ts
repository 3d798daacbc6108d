// `gcflow simulate <flow>`: runs a conversation through a flow offline and prints it as a chat with the path, or the trace as JSON.
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { addEnvironmentOptions, environmentFromOptions, type EnvironmentOptions } from '../env/cli-options.js';
import { GcflowError } from '../flow/diagnostic.js';
import type { FlowDefinition } from '../flow/schema.js';
import { action, collect, ExitCode, paint, stdout } from './io.js';

const FORMATS = ['text', 'json'] as const;

interface SimulateCommandOptions extends EnvironmentOptions {
  message?: string[];
  transcript?: string;
  data?: string[];
  format: (typeof FORMATS)[number];
  stepLimit?: string;
  now?: string;
  conversationId?: string;
}

/** Simulate's usage errors (exit 2). */
const SimulateErrorCode = { badData: 'GCF965', badOption: 'GCF966', unreadable: 'GCF967' } as const;

/** `--data name=value` pairs as initial variables (values are text). */
function dataFromAssignments(assignments: readonly string[]): Record<string, string> {
  const data: Record<string, string> = {};
  for (const assignment of assignments) {
    const at = assignment.indexOf('=');
    const name = at > 0 ? assignment.slice(0, at).trim() : '';
    if (!name) throw new GcflowError(SimulateErrorCode.badData, `--data "${assignment}" is not name=value (e.g. --data intent=billing)`);
    Object.defineProperty(data, name, { value: assignment.slice(at + 1), enumerable: true, writable: true, configurable: true });
  }
  return data;
}

async function readTranscript(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GcflowError(SimulateErrorCode.unreadable, code === 'ENOENT' ? 'no such transcript file' : `the transcript file cannot be read (${code ?? 'unknown error'})`, { file });
  }
  try {
    const { parse } = await import('yaml');
    return parse(text) as unknown;
  } catch (error) {
    throw new GcflowError(SimulateErrorCode.unreadable, `the transcript is not valid JSON or YAML: ${(error as Error).message.split('\n')[0]}`, { file });
  }
}

export function register(program: Command): void {
  const command = program
    .command('simulate')
    .description('Run a conversation through a flow offline: the chat, the path and why each branch was taken.')
    .argument('<flow>', 'the flow file (.json, .yaml, .ts, .js)')
    .option('-m, --message <text>', 'a customer message: the first opens the conversation, each customer wait reads the next (repeatable)', collect)
    .option('--transcript <file>', 'customer turns from a JSON/YAML file ([{from, text}] or strings); read before --message')
    .option('-d, --data <name=value>', 'an initial variable, e.g. --data intent=billing (repeatable)', collect)
    .addOption(new Option('-f, --format <format>', 'text (a chat with the path beside it) or json (the trace)').choices(FORMATS).default('text'))
    .option('--step-limit <n>', 'stop after this many nodes (default 1000)')
    .option('--now <iso>', 'the time {now} shows (default: the current time)')
    .option('--conversation-id <id>', 'the {conversationId} built-in');
  addEnvironmentOptions(command)
    .addHelpText(
      'after',
      '\nExamples:\n  gcflow simulate examples/support.flow.yaml --profile dev -m "I need help with my bill"\n' +
        '  gcflow simulate flow.yaml -m hello -m "it is about an invoice" --format json\n  gcflow simulate flow.yaml --transcript chat.yaml --data intent=billing\n' +
        '\nExit code 0 when the run ends normally (ended, routed, disconnected, waiting-for-input), 1 on error or step-limit.\n',
    )
    .action(
      action(async (file: string, opts: SimulateCommandOptions) => {
        const [{ loadFlowFile }, simulation, { maskSecrets }] = await Promise.all([import('../flow/load.js'), import('../simulate/index.js'), import('../env/index.js')]);
        const source = await loadFlowFile(file);
        const env = await environmentFromOptions(opts, file);
        const transcript = opts.transcript !== undefined ? simulation.transcriptFromData(await readTranscript(opts.transcript), opts.transcript) : [];
        let stepLimit: number | undefined;
        if (opts.stepLimit !== undefined) {
          stepLimit = Number(opts.stepLimit);
          if (!Number.isInteger(stepLimit) || stepLimit < 1) throw new GcflowError(SimulateErrorCode.badOption, `--step-limit "${opts.stepLimit}" is not a whole number of at least 1`);
        }
        let clock = simulation.systemClock();
        if (opts.now !== undefined) {
          if (Number.isNaN(new Date(opts.now).getTime())) throw new GcflowError(SimulateErrorCode.badOption, `--now "${opts.now}" is not a date and time; use ISO 8601, e.g. 2024-05-01T09:30:00Z`);
          clock = simulation.fixedClock(opts.now);
        }
        const trace = simulation.simulate(source.data as unknown as FlowDefinition, {
          transcript,
          messages: opts.message ?? [],
          data: dataFromAssignments(opts.data ?? []),
          env,
          clock,
          ...(stepLimit !== undefined ? { stepLimit } : {}),
          ...(opts.conversationId !== undefined ? { conversationId: opts.conversationId } : {}),
        });
        const out = stdout();
        const text = opts.format === 'json' ? `${JSON.stringify(trace, null, 2)}\n` : simulation.formatTraceChat(trace, { style: paint(out) });
        out.write(maskSecrets(text, env));
        return trace.end.reason === 'error' || trace.end.reason === 'step-limit' ? ExitCode.failed : ExitCode.ok;
      }),
    );
}
