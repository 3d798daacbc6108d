// `gcflow render`: draws a flow as Mermaid, Graphviz DOT or a self-contained HTML page, optionally with a simulated run or test coverage.
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { addEnvironmentOptions, environmentFromOptions, type EnvironmentOptions } from '../env/cli-options.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { GcflowError } from '../flow/diagnostic.js';
import type { FlowDefinition } from '../flow/schema.js';
import type { OverlayInput, RenderTrace } from '../render/index.js';
import { action, collect, stderr, stdout, ExitCode } from './io.js';

const FORMATS = ['mermaid', 'dot', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface RenderCommandOptions extends EnvironmentOptions {
  format?: Format;
  output?: string;
  message?: string[];
  transcript?: string;
  coverage?: string;
  direction?: 'TB' | 'LR';
  validate: boolean;
}

/** Render error codes. */
const RenderErrorCode = {
  notAFlow: 'GCF970',
  unreadableInput: 'GCF971',
  malformedInput: 'GCF972',
  cannotWrite: 'GCF973',
  htmlToTerminal: 'GCF974',
} as const;

function formatFromFile(file: string | undefined): Format | undefined {
  const ext = file ? extname(file).toLowerCase() : '';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.dot' || ext === '.gv') return 'dot';
  if (ext === '.mmd' || ext === '.mermaid') return 'mermaid';
  return undefined;
}

/** Reads a JSON or YAML side file (transcript, coverage); any failure is a clean usage error naming the file. */
async function readDataFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GcflowError(RenderErrorCode.unreadableInput, code === 'ENOENT' ? `no such ${what} file` : `the ${what} file cannot be read (${code ?? 'unknown error'})`, { file });
  }
  try {
    const { parse } = await import('yaml');
    return parse(text) as unknown;
  } catch (error) {
    throw new GcflowError(RenderErrorCode.malformedInput, `the ${what} file is not valid JSON or YAML: ${(error as Error).message.split('\n')[0]}`, { file });
  }
}

/** Writes the output so the file is the old one or the whole new one, never half of one. */
async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GcflowError(RenderErrorCode.cannotWrite, `cannot write the output (${code ?? (error as Error).message})`, { file }, 1);
  }
}

/** A simulated run can carry environment values into the drawing; secret-named ones are masked, also as HTML-escaped. */
async function withSecretsMasked(text: string, env: Record<string, string>): Promise<string> {
  const [{ maskSecrets }, { escapeHtml }] = await Promise.all([import('../env/index.js'), import('../render/index.js')]);
  const escaped = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, escapeHtml(value)]));
  return maskSecrets(maskSecrets(text, env), escaped);
}

async function simulateForRender(flow: FlowDefinition, opts: RenderCommandOptions, env: Record<string, string>): Promise<RenderTrace> {
  const simulation = await import('../simulate/index.js');
  const transcript = opts.transcript !== undefined ? simulation.transcriptFromData(await readDataFile(opts.transcript, 'transcript'), opts.transcript) : [];
  return simulation.simulate(flow, { transcript, messages: opts.message ?? [], env });
}

export function register(program: Command): void {
  const command = program
    .command('render')
    .description('Draw a flow as Mermaid, Graphviz DOT or a self-contained HTML page, with a simulated run or test coverage on it.')
    .argument('<flow>', 'the flow file (.json, .yaml, .ts, .js)')
    .addOption(new Option('-f, --format <format>', 'mermaid, dot or html (default: from the -o file name, else mermaid)').choices(FORMATS))
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .option('-m, --message <text>', 'simulate a conversation with this customer message and show its path (repeatable)', collect)
    .option('--transcript <file>', 'simulate the customer turns of this JSON/YAML transcript ([{from, text}]) and show its path')
    .option('--coverage <file>', 'show the coverage written by `gcflow test --coverage` (uncovered nodes and branches stand out)')
    .addOption(new Option('--direction <dir>', 'layout direction').choices(['TB', 'LR']).default('TB'))
    .option('--no-validate', 'do not run validation (findings are shown on their nodes by default)');
  addEnvironmentOptions(command)
    .addHelpText(
      'after',
      '\nExamples:\n  gcflow render flow.yaml                       # Mermaid to stdout\n  gcflow render flow.yaml -o flow.html          # interactive page\n' +
        '  gcflow render flow.yaml -o flow.html -m "my bill is wrong"\n  gcflow render flow.yaml -o flow.html --coverage coverage.json\n  gcflow render flow.yaml -f dot | dot -Tsvg > flow.svg\n',
    )
    .action(
      action(async (file: string, opts: RenderCommandOptions) => {
        const { loadFlowFile } = await import('../flow/load.js');
        const render = await import('../render/index.js');
        const format: Format = opts.format ?? formatFromFile(opts.output) ?? 'mermaid';
        const out = stdout();
        if (format === 'html' && !opts.output && out.isTTY) {
          throw new GcflowError(RenderErrorCode.htmlToTerminal, 'an HTML page is not for the terminal; write it to a file with -o page.html (or redirect stdout)');
        }
        const source = await loadFlowFile(file);
        const nodes = source.data.nodes;
        if (nodes === null || typeof nodes !== 'object' || Array.isArray(nodes)) {
          throw new GcflowError(RenderErrorCode.notAFlow, 'there is nothing to draw: the flow has no "nodes" map', { file, pointer: '/nodes', ...source.locate('/nodes') });
        }
        const flow = source.data as unknown as FlowDefinition;

        const simulating = (opts.message?.length ?? 0) > 0 || opts.transcript !== undefined;
        const explicitEnvironment = opts.profile !== undefined || opts.envFile !== undefined;
        const env = simulating || explicitEnvironment ? await environmentFromOptions(opts, file) : undefined;
        const overlay: OverlayInput = {};
        if (opts.validate) {
          const { validate } = await import('../validate/index.js');
          overlay.findings = validate(flow, { source, ...(explicitEnvironment ? { env } : {}) }).findings;
        }
        if (opts.coverage !== undefined) {
          const report = await readDataFile(opts.coverage, 'coverage');
          overlay.coverage = render.coverageFromReport(report, flow, { file: opts.coverage, flowFile: resolve(file) });
        }
        if (simulating) overlay.trace = await simulateForRender(flow, opts, env ?? {});

        const options = { ...overlay, direction: opts.direction === 'LR' ? ('LR' as const) : ('TD' as const), rankdir: opts.direction };
        const drawn =
          format === 'html' ? render.renderHtml(flow, options) : format === 'dot' ? render.renderDot(flow, options) : render.renderMermaid(flow, options);
        const text = env ? await withSecretsMasked(drawn, env) : drawn;
        if (!opts.output) {
          out.write(text);
          return ExitCode.ok;
        }
        await writeOutput(opts.output, text);
        const counts = [`${Object.keys(nodes).length} nodes`];
        if (overlay.findings?.length) counts.push(`${overlay.findings.length} finding${overlay.findings.length === 1 ? '' : 's'}`);
        if (overlay.trace) counts.push(`trace of ${overlay.trace.path.length} steps`);
        if (overlay.coverage) counts.push('coverage');
        stderr().write(`wrote ${opts.output} (${format}; ${counts.join(', ')})\n`);
        return ExitCode.ok;
      }),
    );
}
