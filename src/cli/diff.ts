// `gcflow diff <old> <new>`: loads both flows, diffs them and prints text, JSON, JSON Patch or Markdown; --exit-code as git diff.
import { Option, type Command } from 'commander';
import { diffFlows, flowPatch, formatDiffJson, formatDiffMarkdown, formatDiffText, requireDiffableFlow, type DiffTextStyle } from '../diff/index.js';
import { loadFlowFile } from '../flow/load.js';
import { action, ExitCode, paint, stdout } from './io.js';

export const DIFF_FORMATS = ['text', 'json', 'json-patch', 'markdown'] as const;

interface DiffCommandOptions {
  format: (typeof DIFF_FORMATS)[number];
  exitCode?: boolean;
}

export function register(program: Command): void {
  program
    .command('diff')
    .description('Show what changes between two versions of a flow: nodes, renames, transitions, conditions, actions, settings.')
    .argument('<old>', 'the old flow (.json, .yaml, .yml, .ts, .js)')
    .argument('<new>', 'the new flow (any supported format)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option('--exit-code', 'exit 1 when the flows differ and 0 when they do not (as git diff --exit-code)')
    .action(
      action(async (oldFile: string, newFile: string, opts: DiffCommandOptions) => {
        const [oldLoaded, newLoaded] = await Promise.all([loadFlowFile(oldFile), loadFlowFile(newFile)]);
        const oldFlow = requireDiffableFlow(oldLoaded);
        const newFlow = requireDiffableFlow(newLoaded);
        const out = stdout();
        const files = { old: oldFile, new: newFile };
        let changed: boolean;
        if (opts.format === 'json-patch') {
          const patch = flowPatch(oldFlow, newFlow);
          changed = patch.length > 0;
          out.write(`${JSON.stringify(patch, null, 2)}\n`);
        } else {
          const changes = diffFlows(oldFlow, newFlow);
          changed = changes.length > 0;
          if (opts.format === 'json') out.write(formatDiffJson(changes, files));
          else if (opts.format === 'markdown') out.write(formatDiffMarkdown(changes, files));
          else {
            const c = paint(out);
            const colours = { added: c.green, removed: c.red, changed: c.yellow };
            const style: DiffTextStyle = { effect: (effect, text) => colours[effect](text), heading: c.bold, dim: c.dim };
            out.write(formatDiffText(changes, style));
          }
        }
        return opts.exitCode && changed ? ExitCode.failed : ExitCode.ok;
      }),
    );
}
