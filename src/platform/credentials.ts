// Credentials: the OAuth client and region from environment variables or a .env file, by the seed's or Genesys tools' names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { GcflowError } from '../flow/diagnostic.js';
import { resolvePlatformHosts } from './region.js';

export interface PlatformCredentials {
  /** A region name, environment or base URL (see resolvePlatformHosts). */
  region: string;
  clientId: string;
  clientSecret: string;
  /** The variables the three values were read from, e.g. `GENESYSCLOUD_REGION` (never the values). */
  variables: { region: string; clientId: string; clientSecret: string };
  /** Where they were read from: `environment`, a .env path, or both joined with ` and `. */
  source: string;
}

export interface CredentialsOptions {
  /** A .env file to read (must exist). */
  envFile?: string;
  /** Reads `<cwd>/.env` when it exists (and no envFile is given). */
  cwd?: string;
}

/** Each value's accepted names, first wins: the seed's name, then the Genesys CLI/Terraform names. */
export const CREDENTIAL_VARIABLES = {
  region: ['GENESYS_ENV_URL', 'GENESYSCLOUD_REGION', 'GENESYSCLOUD_API_REGION'],
  clientId: ['OAUTH_CLIENT_ID', 'GENESYSCLOUD_OAUTHCLIENT_ID'],
  clientSecret: ['OAUTH_CLIENT_SECRET', 'GENESYSCLOUD_OAUTHCLIENT_SECRET'],
} as const;

type Field = keyof typeof CREDENTIAL_VARIABLES;
type Variables = Readonly<Record<string, string | undefined>>;

function readEnvFile(path: string, required: boolean): Variables | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new GcflowError('GCF943', `Cannot read the env file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`, { file: path });
  }
  return parseDotenv(text);
}

interface Found {
  value: string;
  variable: string;
  from: string;
}

function find(field: Field, sources: ReadonlyArray<{ name: string; values: Variables }>): Found | undefined {
  for (const source of sources) {
    for (const variable of CREDENTIAL_VARIABLES[field]) {
      const value = source.values[variable]?.trim();
      if (value) return { value, variable, from: source.name };
    }
  }
  return undefined;
}

/**
 * The Genesys Cloud credentials configured in `env` (and the .env file), or undefined when none is set (the CLI
 * then starts the embedded emulator). Values in `env` win over the file. Throws GCF942, naming the missing
 * variable, when only some are set; the secret is never part of any message.
 */
export function credentialsFromEnvironment(env: Variables, options: CredentialsOptions = {}): PlatformCredentials | undefined {
  const sources: Array<{ name: string; values: Variables }> = [{ name: 'environment', values: env }];
  const filePath = options.envFile ?? (options.cwd !== undefined ? join(options.cwd, '.env') : undefined);
  if (filePath !== undefined) {
    const fileValues = readEnvFile(filePath, options.envFile !== undefined);
    if (fileValues) sources.push({ name: filePath, values: fileValues });
  }
  const region = find('region', sources);
  const clientId = find('clientId', sources);
  const clientSecret = find('clientSecret', sources);
  const found = { region, clientId, clientSecret };
  const present = Object.values(found).filter((f): f is Found => f !== undefined);
  if (present.length === 0) return undefined;
  if (!region || !clientId || !clientSecret) {
    const usesToolNames = present.some((f) => f.variable.startsWith('GENESYSCLOUD_'));
    const usesSeedNames = present.some((f) => !f.variable.startsWith('GENESYSCLOUD_'));
    const missing = (Object.keys(found) as Field[]).filter((field) => !found[field]);
    const names = missing.map((field) => {
      const [seed, tool] = CREDENTIAL_VARIABLES[field];
      return usesToolNames && !usesSeedNames ? tool : usesSeedNames && !usesToolNames ? seed : `${seed} (or ${tool})`;
    });
    throw new GcflowError(
      'GCF942',
      `Genesys Cloud credentials are incomplete: ${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} not set (found ${present.map((f) => f.variable).join(', ')}). Set all three, or none to use the embedded emulator.`,
    );
  }
  resolvePlatformHosts(region.value);
  const from = sources.map((s) => s.name).filter((name) => present.some((f) => f.from === name));
  return {
    region: region.value,
    clientId: clientId.value,
    clientSecret: clientSecret.value,
    variables: { region: region.variable, clientId: clientId.variable, clientSecret: clientSecret.variable },
    source: from.join(' and '),
  };
}
