// Customer input for a run: plain messages or `{from, text}` turns (the flow's own turns are skipped), and silences.
import { GcflowError } from '../flow/diagnostic.js';
import type { VariableValue } from './variables.js';

/** A turn of a transcript: `{from: 'customer', text}`; `{timeout: true}` is the customer staying silent past a wait's timeout. */
export interface TranscriptTurn {
  from?: string;
  text?: string;
  timeout?: boolean;
}

/** What the customer does next: say something, or stay silent. */
export type CustomerTurn = { text: string } | { timeout: true };

const FLOW_SPEAKERS: ReadonlySet<string> = new Set(['flow', 'bot', 'agent', 'system']);

/** The customer's turns in order: the transcript's customer turns, then the plain messages. */
export function customerTurns(transcript: readonly TranscriptTurn[] = [], messages: readonly string[] = []): CustomerTurn[] {
  const turns: CustomerTurn[] = [];
  for (const turn of transcript) {
    if (typeof turn === 'string') turns.push({ text: turn });
    else if (!turn || typeof turn !== 'object') continue;
    else if (turn.from !== undefined && FLOW_SPEAKERS.has(String(turn.from).toLowerCase())) continue;
    else if (turn.timeout === true) turns.push({ timeout: true });
    else if (turn.text !== undefined) turns.push({ text: String(turn.text) });
  }
  for (const text of messages) turns.push({ text: String(text) });
  return turns;
}

/** Initial data as variables: scalars kept, null and undefined dropped, anything else as JSON text. */
export function toVariables(data: Readonly<Record<string, unknown>> | undefined): Record<string, VariableValue> {
  const variables: Record<string, VariableValue> = {};
  if (!data) return variables;
  for (const [name, value] of Object.entries(data)) {
    if (value === null || value === undefined) continue;
    const v = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
    Object.defineProperty(variables, name, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return variables;
}

/** Error code for a transcript file that is not a list of turns. */
export const TRANSCRIPT_ERROR = 'GCF964';

/**
 * The turns of a transcript file: a list of `{from, text}` turns or plain strings, or a map with such a `transcript`
 * or `messages` list. Throws GcflowError (GCF964) naming the file and the entry that is wrong.
 */
export function transcriptFromData(data: unknown, file: string): TranscriptTurn[] {
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? ((data as Record<string, unknown>).transcript ?? (data as Record<string, unknown>).messages) : undefined;
  if (!Array.isArray(list)) {
    throw new GcflowError(TRANSCRIPT_ERROR, 'a transcript is a list of {from, text} turns or strings (or a map with a transcript list)', { file });
  }
  return list.map((turn, i): TranscriptTurn => {
    if (typeof turn === 'string') return { from: 'customer', text: turn };
    if (turn && typeof turn === 'object') {
      const t = turn as Record<string, unknown>;
      if (t.timeout === true) return { timeout: true };
      if (typeof t.text === 'string' || typeof t.text === 'number') return { from: typeof t.from === 'string' ? t.from : 'customer', text: String(t.text) };
    }
    throw new GcflowError(TRANSCRIPT_ERROR, `turn ${i + 1} is not {from, text} or a string`, { file, pointer: `/${i}` });
  });
}
