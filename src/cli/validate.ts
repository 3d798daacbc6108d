// `gcflow validate <files...>`: checks flow files and prints findings as text, JSON or SARIF; exit 0, 1 (findings) or 2 (unreadable).
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { addEnvironmentOptions, environmentFromOptions, hasExplicitEnvironment, type EnvironmentOptions } from '../env/cli-options.js';
import { GcflowError } from '../flow/diagnostic.js';
import { action, ExitCode, paint, reportError, stdout } from './io.js';

export const VALIDATE_FORMATS = ['text', 'json', 'sarif'] as const;

interface ValidateCommandOptions extends EnvironmentOptions {
  format: (typeof VALIDATE_FORMATS)[number];
  strict?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('validate')
    .description('Check flow files against the schema and the GCF0xx checks (see the README for the list).')
    .argument('<files...>', 'flow files (.json, .yaml, .yml, .ts, .js)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(VALIDATE_FORMATS).default('text'))
    .option('--strict', 'fail (exit 1) on warnings too');
  addEnvironmentOptions(command).action(
    action(async (files: string[], opts: ValidateCommandOptions) => {
      // Loaded here, not at the top: every command file is imported when gcflow starts.
      const [{ loadFlowFile }, validation, { relative, sep }] = await Promise.all([import('../flow/load.js'), import('../validate/index.js'), import('node:path')]);
      const checked = [];
      for (const file of files) {
        try {
          const source = await loadFlowFile(file);
          const env = hasExplicitEnvironment(opts) ? await environmentFromOptions(opts, file) : undefined;
          checked.push(validation.fileValidation(file, validation.validate(source.data, { source, env })));
        } catch (error) {
          if (!(error instanceof GcflowError)) throw error;
          // Keep checking the other files; the run ends with exit 2.
          reportError(error);
          checked.push(validation.unreadableFile(file, error));
        }
      }
      const report = validation.summarizeValidation(checked);
      const out = stdout();
      if (opts.format === 'json') {
        out.write(validation.formatValidationJson(report, { strict: opts.strict }));
      } else if (opts.format === 'sarif') {
        const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
        const artifactUri = (file: string): string => encodeURI(relative(process.cwd(), file).split(sep).join('/'));
        out.write(validation.formatValidationSarif(report, { toolVersion: pkg.version, artifactUri }));
      } else {
        out.write(validation.formatValidationText(report, paint(out)));
      }
      const outcome = validation.validationOutcome(report, { strict: opts.strict });
      return outcome === 'passed' ? ExitCode.ok : outcome === 'failed' ? ExitCode.failed : ExitCode.usage;
    }),
  );
}
