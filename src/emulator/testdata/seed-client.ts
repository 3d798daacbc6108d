// A client written only from the seed document's description (plain fetch, nothing of gcflow): its whole pipeline.
// It stands for the code a team already has; only its base URL is pointed at the emulator.

export interface SeedConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  roleId: string;
}

interface FlowDocument {
  id: string;
  version: number;
  status: string;
  [key: string]: unknown;
}

/** The seed's GenesysAuth: form-field client credentials, token cached until 10 s before expiry. */
export class SeedAuth {
  private token: string | undefined;
  private expiresAt = 0;

  constructor(
    private readonly envUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  async getToken(): Promise<string> {
    if (this.token && Date.now() < this.expiresAt - 10_000) return this.token;
    const response = await fetch(`${this.envUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.clientId, client_secret: this.clientSecret }).toString(),
    });
    if (!response.ok) throw new Error(`authentication failed: ${response.status}`);
    const data = (await response.json()) as { access_token: string; expires_in: number };
    this.token = data.access_token;
    this.expiresAt = Date.now() + data.expires_in * 1000;
    return this.token;
  }
}

export interface SeedPipelineResult {
  scopesOk: boolean;
  validation: { valid: boolean; findings: unknown[] };
  pushedVersion: number;
  conflictsRetried: number;
  finalStatus: string;
  simulation: Record<string, unknown>;
}

/** The seed's steps: role check, validate, push (GET then PUT version+1, re-read on 409), monitor, simulate. */
export async function runSeedPipeline(config: SeedConfig, flow: FlowDocument, transcript: Array<{ from: string; text: string }>): Promise<SeedPipelineResult> {
  const auth = new SeedAuth(config.baseUrl, config.clientId, config.clientSecret);
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${config.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await auth.getToken()}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, data: (await response.json()) as Record<string, unknown> };
  };

  // 1. verifyRoleScopes
  const role = await call('GET', `/api/v2/authorization/roles/${config.roleId}`);
  const scopes = (role.data.scopes as string[] | undefined) ?? [];
  const scopesOk = ['flow:view', 'flow:edit', 'flow:simulate'].every((s) => scopes.includes(s));
  if (!scopesOk) throw new Error(`role lacks scopes: ${scopes.join(',')}`);

  // 2. validateFlow
  const validation = await call('POST', `/api/v2/flows/${flow.id}/validate`, flow);
  if (validation.status !== 200) throw new Error(`validate failed: ${validation.status}`);

  // 3. pushFlowUpdate: read the current version, PUT version + 1, re-read and retry on 409.
  let conflictsRetried = 0;
  let pushedVersion = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await call('GET', `/api/v2/flows/${flow.id}`);
    const currentVersion = current.status === 404 ? 0 : (current.data.version as number);
    const put = await call('PUT', `/api/v2/flows/${flow.id}`, { ...flow, version: currentVersion + 1, status: 'published' });
    if (put.status === 409) {
      conflictsRetried++;
      continue;
    }
    if (put.status !== 200) throw new Error(`update failed: ${put.status} ${JSON.stringify(put.data)}`);
    pushedVersion = put.data.version as number;
    break;
  }
  if (pushedVersion === 0) throw new Error('gave up after repeated version conflicts');

  // 4. monitorDeployment: poll until published (or failed).
  let finalStatus = 'draft';
  for (let i = 0; i < 100 && finalStatus !== 'published' && finalStatus !== 'failed'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    finalStatus = (await call('GET', `/api/v2/flows/${flow.id}`)).data.status as string;
  }

  // 5. simulateFlow
  const simulation = await call('POST', `/api/v2/flows/${flow.id}/simulate`, { transcript, initialData: {} });
  if (simulation.status !== 200) throw new Error(`simulate failed: ${simulation.status} ${JSON.stringify(simulation.data)}`);

  return { scopesOk, validation: validation.data as SeedPipelineResult['validation'], pushedVersion, conflictsRetried, finalStatus, simulation: simulation.data };
}
