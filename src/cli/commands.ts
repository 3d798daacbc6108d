// The list of commands; each command lives in its own file and registers itself on the program.
import type { Command } from 'commander';

export type RegisterCommand = (program: Command) => void;

/** Loaded in this order for --help. Add one line per command. */
export const commands: Array<() => Promise<{ register: RegisterCommand }>> = [
  () => import('./validate.js'),
  () => import('./resolve.js'),
  () => import('./emulator.js'),
  () => import('./diff.js'),
  () => import('./simulate.js'),
  () => import('./test.js'),
  () => import('./render.js'),
  () => import('./plan.js'),
  () => import('./deploy.js'),
  () => import('./status.js'),
  () => import('./rollback.js'),
  () => import('./permissions.js'),
  () => import('./demo.js'),
  () => import('./init.js'),
];
