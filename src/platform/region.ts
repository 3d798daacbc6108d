// Regions: a region name, a Genesys environment or a base URL → the API and login base URLs, as Genesys derives them.
import { GcflowError } from '../flow/diagnostic.js';

/** Genesys Cloud regions and their environments (the SDK's `PureCloudRegionHosts`). */
export const GENESYS_REGIONS: Readonly<Record<string, string>> = {
  us_east_1: 'mypurecloud.com',
  eu_west_1: 'mypurecloud.ie',
  ap_southeast_2: 'mypurecloud.com.au',
  ap_northeast_1: 'mypurecloud.jp',
  eu_central_1: 'mypurecloud.de',
  us_west_2: 'usw2.pure.cloud',
  ca_central_1: 'cac1.pure.cloud',
  ap_northeast_2: 'apne2.pure.cloud',
  eu_west_2: 'euw2.pure.cloud',
  ap_south_1: 'aps1.pure.cloud',
  us_east_2: 'use2.us-gov-pure.cloud',
  sa_east_1: 'sae1.pure.cloud',
  me_central_1: 'mec1.pure.cloud',
  ap_northeast_3: 'apne3.pure.cloud',
  eu_central_2: 'euc2.pure.cloud',
  mx_central_1: 'mxc1.pure.cloud',
  ap_southeast_1: 'apse1.pure.cloud',
  eusc_de_east_1: 'edee1.eusc-pure.cloud',
};

export interface PlatformHosts {
  /** Base URL of the REST API, without a trailing slash (`https://api.mypurecloud.ie`). */
  apiBase: string;
  /** Base URL of the OAuth server (`https://login.mypurecloud.ie`); equal to apiBase for a custom base URL. */
  loginBase: string;
  /** The Genesys environment (`mypurecloud.ie`), when the input named one. */
  environment?: string;
}

const KNOWN_ENVIRONMENTS = new Set(Object.values(GENESYS_REGIONS));
/** Genesys environments not (yet) in the table still follow this shape. */
const ENVIRONMENT_SHAPE = /^(?:mypurecloud\.[a-z.]+|[a-z0-9]+\.(?:[a-z0-9-]+-)?pure\.cloud)$/;

function isGenesysEnvironment(host: string): boolean {
  return KNOWN_ENVIRONMENTS.has(host) || ENVIRONMENT_SHAPE.test(host);
}

function regionError(input: string, why: string): GcflowError {
  return new GcflowError('GCF940', `Cannot use "${input}" as a Genesys Cloud region: ${why}. Give a region (eu_west_1), an environment (mypurecloud.ie) or a base URL (https://api.mypurecloud.ie).`);
}

/** Loopback hosts, where plain http never leaves the machine: 127.0.0.0/8, localhost, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Refuses plain http to anything but loopback, so that a secret or token never travels in clear. */
export function assertSecureUrl(url: URL, input: string = url.href): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return;
  if (url.protocol === 'http:') {
    throw new GcflowError('GCF941', `Refusing plain http to ${url.host} ("${input}"): credentials would travel unencrypted. Use https://, or http:// only for a loopback address (127.0.0.1, localhost, ::1).`);
  }
  throw regionError(input, `unsupported protocol ${url.protocol}`);
}

/**
 * Resolves where to talk to:
 * - a region name (`eu-west-1`, `eu_west_1`) → its environment;
 * - an environment (`mypurecloud.ie`, `api.mypurecloud.ie`, `https://api.mypurecloud.ie/`) → `https://api.<env>`
 *   and `https://login.<env>` (the SDK's `setEnvironment`);
 * - any other URL (an emulator, a gateway: `http://127.0.0.1:8080`) → API and login at that same origin and path.
 */
export function resolvePlatformHosts(input: string): PlatformHosts {
  const raw = input.trim();
  if (raw === '') throw regionError(input, 'it is empty');

  const regionKey = raw.toLowerCase().replace(/-/g, '_');
  const regionEnvironment = GENESYS_REGIONS[regionKey];
  if (regionEnvironment) return environmentHosts(regionEnvironment);

  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `https://${raw}`);
  } catch {
    throw regionError(input, 'it is neither a known region nor a valid URL');
  }
  if (url.username || url.password) throw regionError(input, 'a URL with credentials in it is not accepted');

  const host = url.hostname.toLowerCase();
  const environment = host.replace(/^(?:api|login)\./, '');
  const plainHost = !url.port && (url.pathname === '/' || url.pathname === '') && !url.search;
  if (plainHost && isGenesysEnvironment(environment) && url.protocol === 'https:') return environmentHosts(environment);

  if (!hasScheme) {
    if (!raw.includes('.') && !raw.includes(':')) throw regionError(input, 'it is not a known region');
    if (plainHost) return environmentHosts(environment);
    throw regionError(input, 'a host with a port or path needs a scheme (https:// or, for loopback, http://)');
  }
  assertSecureUrl(url, input);
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return { apiBase: base, loginBase: base };
}

function environmentHosts(environment: string): PlatformHosts {
  return { apiBase: `https://api.${environment}`, loginBase: `https://login.${environment}`, environment };
}
