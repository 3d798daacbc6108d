// `gcflow diff <old> <new>`: loads both flows, diffs them and prints text, JSON, JSON Patch or Markdown; --exit-code as git diff.
import { Option, type Command } from 'commander';
import type { DiffTextStyle } from '../diff/index.js';
import { addEnvironmentOptions, environmentFromOptions, hasExplicitEnvironment, type EnvironmentOptions } from '../env/cli-options.js';
import { loadFlowFile } from '../flow/load.js';
import type { FlowDefinition } from '../flow/schema.js';
import { action, ExitCode, paint, stderr, stdout, type Output } from './io.js';

export const DIFF_FORMATS = ['text', 'json', 'json-patch', 'markdown'] as const;

interface DiffCommandOptions extends EnvironmentOptions {
  format: (typeof DIFF_FORMATS)[number];
  exitCode?: boolean;
}

/** Fills {env.NAME} in both flows with the same values (the profile is looked up beside the new flow); warns of names without a value. */
async function resolveBoth(opts: DiffCommandOptions, sides: Array<{ file: string; flow: FlowDefinition }>, newFile: string) {
  const values = await environmentFromOptions(opts, newFile);
  const { resolveFlowEnvironment } = await import('../env/resolve-flow-environment.js');
  const { maskSecrets } = await import('../env/secret-names.js');
  const err = stderr();
  const flows = sides.map(({ file, flow }) => {
    const resolved = resolveFlowEnvironment(flow, values);
    const names = [...new Set(resolved.missing.map((m) => `{env.${m.name}}`))];
    if (names.length > 0) err.write(`${paint(err).yellow('warning')} ${file}: no value for ${names.join(', ')}; compared as written\n`);
    return resolved.flow;
  });
  return { flows, mask: (text: string) => maskSecrets(text, values) };
}

export function register(program: Command): void {
  const command = program
    .command('diff')
    .description('Show what changes between two versions of a flow: nodes, renames, transitions, conditions, actions, settings.')
    .argument('<old>', 'the old flow (.json, .yaml, .yml, .ts, .js)')
    .argument('<new>', 'the new flow (any supported format)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option('--exit-code', 'exit 1 when the flows differ and 0 when they do not (as git diff --exit-code)');
  addEnvironmentOptions(command).action(
    action(async (oldFile: string, newFile: string, opts: DiffCommandOptions) => {
      // Imported on use, so that registering the command costs every other command nothing.
      const { diffFlows, flowPatch, formatDiffJson, formatDiffMarkdown, formatDiffText, requireDiffableFlow } = await import('../diff/index.js');
      const [oldLoaded, newLoaded] = await Promise.all([loadFlowFile(oldFile), loadFlowFile(newFile)]);
      let oldFlow = requireDiffableFlow(oldLoaded);
      let newFlow = requireDiffableFlow(newLoaded);
      const terminal = stdout();
      let out: Output = terminal;
      if (hasExplicitEnvironment(opts)) {
        const resolved = await resolveBoth(opts, [{ file: oldFile, flow: oldFlow }, { file: newFile, flow: newFlow }], newFile);
        [oldFlow, newFlow] = resolved.flows;
        out = { ...terminal, write: (text) => terminal.write(resolved.mask(text)) };
      }
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
