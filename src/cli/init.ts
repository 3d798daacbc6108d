// `gcflow init [dir]`: scaffolds a project (example flow and suite, environments, config, CI workflow); never overwrites.
import type { Command } from 'commander';
import { action, ExitCode, paint, stdout } from './io.js';

export function register(program: Command): void {
  program
    .command('init')
    .description('Scaffold a gcflow project: an example flow and its suite, dev/prod environments, gcflow.config.json, a CI workflow.')
    .argument('[dir]', 'the project folder (created if needed)', '.')
    .action(
      action(async (dir: string) => {
        const { randomUUID } = await import('node:crypto');
        const { scaffoldProject } = await import('../deploy/init/scaffold.js');
        const out = stdout();
        const c = paint(out);
        const result = await scaffoldProject(dir, randomUUID());
        out.write(`Created a gcflow project in ${dir}:\n`);
        for (const path of result.written) out.write(`  ${c.green('+')} ${path}\n`);
        for (const path of result.kept) out.write(`  ${c.dim(`= ${path} (exists, kept; add .gcflow/ and .env to it)`)}\n`);
        const inDir = dir === '.' ? '' : `cd ${dir} && `;
        out.write(
          [
            '',
            'Next:',
            `  ${inDir}npm install --save-dev gcflow`,
            '  npx gcflow validate flows/*.flow.yaml --profile dev',
            '  npx gcflow test flows',
            '  npx gcflow plan flows/*.flow.yaml --profile dev',
            '  fill in environments/prod.env, then set the CI secrets named in .github/workflows/gcflow.yml',
            '',
          ].join('\n'),
        );
        return ExitCode.ok;
      }),
    );
}
