// `gcflow test [paths...]`: finds and runs simulation suites, reports as text, JSON or JUnit, with coverage; exit 0, 1 (failures) or 2.
import { writeFileAtomic } from '../files/atomic-write.js';
import { Option, type Command } from 'commander';
import { GcflowError } from '../flow/diagnostic.js';
import { action, ExitCode, paint, stderr, stdout } from './io.js';

const REPORTERS = ['text', 'json', 'junit'] as const;

interface TestCommandOptions {
  reporter: (typeof REPORTERS)[number];
  output?: string;
  coverage?: boolean;
  coverageFile?: string;
  minCoverage?: string;
  flow?: string;
  profile?: string;
  envFile?: string;
}

const TestErrorCode = { noSuites: 'GCF968', badOption: 'GCF966', cannotWrite: 'GCF969' } as const;

/** Writes the report so the file is the old one or the whole new one. */
async function writeReport(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (error) {
    throw new GcflowError(TestErrorCode.cannotWrite, `cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file }, 1);
  }
}

export function register(program: Command): void {
  program
    .command('test')
    .description('Run simulation suites (*.sim.yaml, *.sim.json, Web Messaging Tester scenario files) against their flows, offline.')
    .argument('[paths...]', 'suite files or folders to search (default: the current folder, recursively, skipping node_modules)')
    .addOption(new Option('-r, --reporter <reporter>', 'report format').choices(REPORTERS).default('text'))
    .option('-o, --output <file>', 'write the report to this file (the text report still goes to stdout)')
    .option('--coverage', 'report node and branch coverage per flow (in the text and JSON reports)')
    .option('--coverage-file <file>', 'write the coverage as JSON to this file (for `gcflow render --coverage`)')
    .option('--min-coverage <percent>', 'fail (exit 1) when a flow\'s coverage is below this percentage')
    .option('--flow <file>', 'the flow for every suite (needed for scenario files without a flow: key)')
    .option('--profile <name>', 'environment profile for every suite (wins over the suite\'s own)')
    .option('-e, --env-file <file>', 'env file for every suite (wins over the suite\'s own)')
    .addHelpText(
      'after',
      '\nExamples:\n  gcflow test                                   # every *.sim.yaml below here\n  gcflow test examples --coverage --min-coverage 90\n' +
        '  gcflow test --reporter junit -o junit.xml\n  gcflow test scenarios.yml --flow support.flow.yaml   # Web Messaging Tester scripts\n' +
        '\nExit code 0 when every case passes, 1 when one fails (or coverage is too low), 2 when a suite cannot be read.\n',
    )
    .action(
      action(async (paths: string[], opts: TestCommandOptions) => {
        const simulation = await import('../simulate/index.js');
        const { maskSecrets } = await import('../env/index.js');
        let minimum: number | undefined;
        if (opts.minCoverage !== undefined) {
          minimum = Number(opts.minCoverage.replace(/%$/, ''));
          if (!Number.isFinite(minimum) || minimum < 0 || minimum > 100) {
            throw new GcflowError(TestErrorCode.badOption, `--min-coverage "${opts.minCoverage}" is not a percentage from 0 to 100`);
          }
        }
        const files = await simulation.findSuiteFiles(paths);
        if (files.length === 0) {
          throw new GcflowError(TestErrorCode.noSuites, `no suites found under ${paths.length > 0 ? paths.join(', ') : 'the current folder'}; name them *.sim.yaml, *.sim.yml or *.sim.json, or name a file`);
        }
        const wantsCoverage = Boolean(opts.coverage || opts.coverageFile || minimum !== undefined);
        const run = await simulation.runSuiteFiles(files, { flow: opts.flow, profile: opts.profile, envFile: opts.envFile, coverage: wantsCoverage });
        const mask = (text: string): string => maskSecrets(text, run.secretValues);
        const out = stdout();
        // Coverage shows in the reports when asked for with --coverage (the file and the minimum do not need it on screen).
        const shown = opts.coverage ? run : { ...run, coverage: undefined };
        const text = (style: import('../simulate/index.js').TextStyle = paint(out)): string => simulation.formatTestRunText(shown, { style, minCoverage: minimum });
        const report = opts.reporter === 'json' ? simulation.formatTestRunJson(shown) : opts.reporter === 'junit' ? simulation.formatTestRunJunit(shown) : undefined;
        if (opts.output !== undefined) {
          await writeReport(opts.output, mask(report ?? text(simulation.plainStyle)));
          out.write(mask(text()));
        } else {
          out.write(mask(report ?? text()));
        }
        if (opts.coverageFile !== undefined && run.coverage) await writeReport(opts.coverageFile, `${JSON.stringify(run.coverage, null, 2)}\n`);
        let low: string[] = [];
        if (minimum !== undefined && run.coverage) {
          low = simulation.flowsBelow(run.coverage, minimum).map((flow) => `${flow.file} is ${flow.percent}% covered`);
          const err = stderr();
          for (const line of low) err.write(`${paint(err).red('error')} coverage: ${line}, below the minimum of ${minimum}%\n`);
        }
        if (run.errors > 0) return ExitCode.usage;
        return run.failed > 0 || low.length > 0 ? ExitCode.failed : ExitCode.ok;
      }),
    );
}
