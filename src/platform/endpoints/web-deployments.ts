// Web deployments (Messenger): list (cursor paging), get, update — the deployment names the inbound message flow it runs.
import type { CursorListing, WebDeployment } from '../models.js';
import { segment, type PlatformTransport } from '../pipeline/request.js';

export interface ListWebDeploymentsQuery {
  /** A string in the SDK (default 300). */
  pageSize?: string | number;
  before?: string;
  after?: string;
  /** `Configuration`, `SupportedContent`, `identityresolution`. */
  expand?: string[];
}

export function webDeploymentEndpoints(api: PlatformTransport) {
  const path = (id: string): string => `/api/v2/webdeployments/deployments/${segment(id)}`;
  return {
    /** GET /api/v2/webdeployments/deployments. */
    list: (query: ListWebDeploymentsQuery = {}): Promise<CursorListing<WebDeployment>> =>
      api.json({ method: 'GET', path: '/api/v2/webdeployments/deployments', query: { ...query } }),
    /** GET /api/v2/webdeployments/deployments/{deploymentId}. */
    get: (deploymentId: string, query: { expand?: string[] } = {}): Promise<WebDeployment> => api.json({ method: 'GET', path: path(deploymentId), query }),
    /** PUT /api/v2/webdeployments/deployments/{deploymentId}. */
    update: (deploymentId: string, deployment: WebDeployment): Promise<WebDeployment> => api.json({ method: 'PUT', path: path(deploymentId), json: deployment }),
  };
}

export type WebDeploymentEndpoints = ReturnType<typeof webDeploymentEndpoints>;
