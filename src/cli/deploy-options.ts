// Options and prompts shared by the deploy-family commands (plan, deploy, status, rollback, permissions, demo).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { GcflowError } from '../flow/diagnostic.js';
import type { Connection, ConnectOptions } from '../deploy/connect.js';
import type { RateLimitOptions } from '../platform/pipeline/rate-limit.js';
import { paint, type Output } from './io.js';

export interface ConnectionFlags {
  url?: string;
  clientId?: string;
  clientSecret?: string;
  rateLimit?: string;
}

export const USAGE_CODE = 'GCF670';

export function addConnectionOptions(command: Command): Command {
  return command
    .option('--url <region-or-url>', 'Genesys Cloud region, environment or base URL (default: from the environment or .env)')
    .option('--client-id <id>', 'OAuth client id (default: OAUTH_CLIENT_ID / GENESYSCLOUD_OAUTHCLIENT_ID)')
    .option('--client-secret <secret>', 'OAuth client secret (prefer OAUTH_CLIENT_SECRET in the environment: flags show in process lists)')
    .option('--rate-limit <n/window>', "the client's request budget, to match the org's limit, e.g. 100/10s (default 300/60s, or gcflow.config.json rateLimit)");
}

/** `100/10s`, `300/60s`, `5/500ms`, `300/1m`. */
export function parseRateLimit(text: string): Partial<RateLimitOptions> {
  const match = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)?\s*(ms|s|m)\s*$/.exec(text);
  if (!match || Number(match[1]) < 1) throw new GcflowError(USAGE_CODE, `--rate-limit must look like 100/10s (requests per window), not "${text}"`);
  const unit = match[3] === 'ms' ? 1 : match[3] === 's' ? 1000 : 60_000;
  const requests = Number(match[1]);
  // A small burst keeps every window of the server's under its limit even right after a quiet spell.
  return { requests, perMs: Number(match[2] ?? 1) * unit, burst: Math.max(1, Math.min(10, Math.floor(requests / 10))) };
}

/** `120s`, `2m`, `500ms`, or a plain number of seconds. */
export function parseDuration(text: string, option: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
  if (!match) throw new GcflowError(USAGE_CODE, `${option} must be a duration such as 120s, 2m or 500ms, not "${text}"`);
  const value = Number(match[1]);
  const ms = match[2] === 'ms' ? value : match[2] === 'm' ? value * 60_000 : value * 1000;
  if (!(ms > 0)) throw new GcflowError(USAGE_CODE, `${option} must be more than zero`);
  return ms;
}

export function parsePositiveInteger(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new GcflowError(USAGE_CODE, `${option} must be a whole number of at least 1, not "${text}"`);
  return Number(text);
}

function configuredRateLimit(cwd: string): string | undefined {
  try {
    const config = JSON.parse(readFileSync(join(cwd, 'gcflow.config.json'), 'utf8')) as { rateLimit?: unknown };
    return typeof config.rateLimit === 'string' ? config.rateLimit : undefined;
  } catch {
    return undefined;
  }
}

/** Connection options from flags, the environment and gcflow.config.json. */
export function connectOptionsOf(flags: ConnectionFlags, cwd: string, extra: Partial<ConnectOptions> = {}): ConnectOptions {
  const rateLimit = flags.rateLimit ?? process.env.GCFLOW_RATE_LIMIT ?? configuredRateLimit(cwd);
  return {
    env: process.env,
    cwd,
    ...(flags.url !== undefined ? { url: flags.url } : {}),
    ...(flags.clientId !== undefined ? { clientId: flags.clientId } : {}),
    ...(flags.clientSecret !== undefined ? { clientSecret: flags.clientSecret } : {}),
    ...(rateLimit !== undefined ? { rateLimit: parseRateLimit(rateLimit) } : {}),
    ...extra,
  };
}

/** Connects, and says where: an org, or the embedded emulator (with what that means for this command). */
export async function openConnection(flags: ConnectionFlags, out: Output, embeddedNote: string, extra: Partial<ConnectOptions> = {}): Promise<Connection> {
  const { connect } = await import('../deploy/connect.js');
  const { requestLoggerFromEnvironment } = await import('../platform/pipeline/log.js');
  const logger = requestLoggerFromEnvironment(process.env, (line) => void process.stderr.write(line));
  const connection = await connect(connectOptionsOf(flags, process.cwd(), { ...(logger ? { logger } : {}), ...extra }));
  const c = paint(out);
  if (connection.embedded) {
    out.write(`${c.dim('target:')} ${connection.description} ${c.dim('(no Genesys Cloud credentials configured)')}\n`);
    if (embeddedNote) out.write(`${c.dim(embeddedNote)}\n`);
  } else {
    out.write(`${c.dim('target:')} ${connection.description}\n`);
  }
  return connection;
}

/**
 * Asks a yes/no question on a terminal. Without a terminal it refuses rather than guess: scripts and CI pass
 * --yes (documented in the README).
 */
export async function confirm(question: string, yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new GcflowError(USAGE_CODE, 'not running on a terminal, so nobody can confirm: pass --yes to go ahead without asking');
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}

/** A plain table: columns padded to their widest cell. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, visibleLength: (s: string) => number = (s) => s.length): string {
  const widths = header.map((h, i) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[i] ?? ''))));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i] - visibleLength(cell)))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** Length without ANSI colour codes. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
