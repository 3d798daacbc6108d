// What every command shares for talking to the user: exit codes, streams, colour, error printing.
import pc from 'picocolors';
import { GcflowError, formatError } from '../flow/diagnostic.js';

/** The exit codes of every command (listed in the README). */
export const ExitCode = {
  /** Success (for checks: nothing wrong). */
  ok: 0,
  /** Findings, changes with --exit-code, or a failed operation. */
  failed: 1,
  /** A usage error, or input that cannot be read. */
  usage: 2,
} as const;

export interface Output {
  write(text: string): void;
  /** Whether ANSI colour may be used on this stream. */
  readonly color: boolean;
  readonly isTTY: boolean;
}

function colorAllowed(stream: NodeJS.WriteStream): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export function outputOf(stream: NodeJS.WriteStream): Output {
  return { write: (text) => void stream.write(text), color: colorAllowed(stream), isTTY: Boolean(stream.isTTY) };
}

export const stdout = (): Output => outputOf(process.stdout);
export const stderr = (): Output => outputOf(process.stderr);

/** Colour functions that are identity when colour is off. */
export function paint(output: Pick<Output, 'color'>) {
  return pc.createColors(output.color);
}

/** Prints a user-facing error (one line, no stack) to stderr and sets the exit code. */
export function reportError(error: unknown): void {
  const err = stderr();
  const c = paint(err);
  if (error instanceof GcflowError) {
    err.write(`${c.red('error')} ${formatError(error)}\n`);
    process.exitCode = error.exitCode;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  err.write(`${c.red('error')} internal error: ${message}\n`);
  if (process.env.GCFLOW_DEBUG && error instanceof Error && error.stack) err.write(`${error.stack}\n`);
  else err.write('Set GCFLOW_DEBUG=1 for details, and please report this as a bug.\n');
  process.exitCode = ExitCode.failed;
}

/** Wraps a command's action so that every error ends as one clean line and an exit code. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<number | void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await run(...args);
      if (typeof code === 'number') process.exitCode = code;
    } catch (error) {
      reportError(error);
    }
  };
}

/** Collects a repeatable option (`--message a --message b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
