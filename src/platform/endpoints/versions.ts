// Flow versions: list, get, and save a configuration as a new version.
import type { EntityListing, FlowVersion } from '../models.js';
import { segment, type PlatformTransport } from '../pipeline/request.js';

export function versionEndpoints(api: PlatformTransport) {
  const base = (flowId: string): string => `/api/v2/flows/${segment(flowId)}/versions`;
  return {
    /** GET /api/v2/flows/{flowId}/versions. */
    list: (flowId: string, query: { pageNumber?: number; pageSize?: number; deleted?: boolean } = {}): Promise<EntityListing<FlowVersion>> =>
      api.json({ method: 'GET', path: base(flowId), query }),
    /** GET /api/v2/flows/{flowId}/versions/{versionId}. */
    get: (flowId: string, versionId: string, query: { deleted?: string } = {}): Promise<FlowVersion> =>
      api.json({ method: 'GET', path: `${base(flowId)}/${segment(versionId)}`, query }),
    /** POST /api/v2/flows/{flowId}/versions: saves `configuration` (a free-form object) as a new version. */
    create: (flowId: string, configuration: Record<string, unknown>): Promise<FlowVersion> => api.json({ method: 'POST', path: base(flowId), json: configuration }),
  };
}

export type VersionEndpoints = ReturnType<typeof versionEndpoints>;
