// `gcflow resolve <flow>`: prints the flow with {env.NAME} filled from the environment, a profile and an env file (secrets masked).
import type { Command } from 'commander';
import { addEnvironmentOptions, environmentFromOptions, type EnvironmentOptions } from '../env/cli-options.js';
import { action, ExitCode, stdout } from './io.js';

interface ResolveCommandOptions extends EnvironmentOptions {
  yaml?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('resolve')
    .description('Print the flow with every {env.NAME} filled in (values of *_SECRET, *_TOKEN, *_PASSWORD names are masked).')
    .argument('<flow>', 'the flow file (.json, .yaml, .yml, .ts, .js)')
    .option('--yaml', 'print YAML instead of JSON');
  addEnvironmentOptions(command).action(
    action(async (file: string, opts: ResolveCommandOptions) => {
      const [{ loadFlowFile }, env] = await Promise.all([import('../flow/load.js'), import('../env/index.js')]);
      const source = await loadFlowFile(file);
      const values = await environmentFromOptions(opts, file);
      // Printed output never holds a secret: secret-named values are filled in as the mask.
      const { flow, missing } = env.resolveFlowEnvironment(source.data, env.maskedValues(values));
      if (missing.length > 0) throw env.missingEnvironmentError(missing, source);
      const text = opts.yaml ? (await import('yaml')).stringify(flow, { aliasDuplicateObjects: false, lineWidth: 0 }) : `${JSON.stringify(flow, null, 2)}\n`;
      // And should a secret the flow uses also be written literally elsewhere in it, mask that too (only the names it uses:
      // masking every *_TOKEN of a CI environment would garble unrelated text).
      const used = new Set(env.resolveFlowEnvironment(source.data, {}).missing.map((m) => m.name));
      stdout().write(env.maskSecrets(text, Object.fromEntries(Object.entries(values).filter(([name]) => used.has(name)))));
      return ExitCode.ok;
    }),
  );
}
