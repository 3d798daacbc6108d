// Keeps the state in a file: atomic writes (temp file + rename), coalesced, and read back on the next start.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../files/atomic-write.js';
import { GcflowError } from '../flow/diagnostic.js';
import type { EmulatorState } from './state.js';

const FORMAT = 'gcflow-emulator-state';
const FORMAT_VERSION = 1;

/** Error codes of the state file (the emulator's own range). */
export const StateFileErrorCode = { unreadable: 'GCF954', malformed: 'GCF955' } as const;

interface StateFile {
  format: typeof FORMAT;
  formatVersion: number;
  state: EmulatorState;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a state file; undefined when it does not exist yet. Tokens and secrets are never in it. */
export async function readStateFile(path: string): Promise<EmulatorState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new GcflowError(StateFileErrorCode.unreadable, `the emulator state file cannot be read (${code ?? 'unknown error'})`, { file: path });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new GcflowError(StateFileErrorCode.malformed, 'the emulator state file is not valid JSON; move it away to start with an empty state', { file: path });
  }
  if (!isObject(data) || data.format !== FORMAT || data.formatVersion !== FORMAT_VERSION || !isObject(data.state)) {
    throw new GcflowError(StateFileErrorCode.malformed, `the file is not a gcflow emulator state file (format ${FORMAT} v${FORMAT_VERSION})`, { file: path });
  }
  const state = data.state as Partial<EmulatorState>;
  if (!isObject(state.flows) || !isObject(state.jobs) || !isObject(state.validateJobs) || !isObject(state.webDeployments) || !Array.isArray(state.pending)) {
    throw new GcflowError(StateFileErrorCode.malformed, 'the emulator state file lacks flows, jobs, validateJobs, webDeployments or pending', { file: path });
  }
  return state as EmulatorState;
}

/** Writes the whole state atomically: a reader sees the old file or the new one, never half of one. */
export async function writeStateFile(path: string, state: EmulatorState): Promise<void> {
  const file: StateFile = { format: FORMAT, formatVersion: FORMAT_VERSION, state };
  await writeFileAtomic(path, `${JSON.stringify(file)}\n`, { mode: 0o600 });
}

/** Coalesces state changes into at most one write in flight plus one queued; `flush` waits for the latest. */
export class StateWriter {
  readonly #path: string;
  #latest: EmulatorState | undefined;
  #running: Promise<void> | undefined;
  #error: unknown;

  constructor(path: string) {
    this.#path = path;
  }

  save(state: EmulatorState): void {
    this.#latest = state;
    if (!this.#running) this.#running = this.#drain();
  }

  async #drain(): Promise<void> {
    // Let a burst of changes from one request land first.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#latest) {
      const state = this.#latest;
      this.#latest = undefined;
      try {
        await writeStateFile(this.#path, state);
      } catch (error) {
        this.#error = error;
      }
    }
    this.#running = undefined;
  }

  /** Waits until the latest state is on disk; rethrows the last write failure, if any. */
  async flush(): Promise<void> {
    while (this.#running) await this.#running;
    if (this.#error) {
      const error = this.#error;
      this.#error = undefined;
      throw error;
    }
  }
}
