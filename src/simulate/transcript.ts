// Customer input for a run: plain messages or `{from, text}` turns (the flow's own turns are skipped), and silences.
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
