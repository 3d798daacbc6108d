// Architect flows: list, get, create, delete, and the lock/publish actions (flow id in the `flow` query parameter, no body).
import type { ArchitectFlow, CreateFlowRequest, EntityListing, Operation } from '../models.js';
import { segment, type PlatformTransport } from '../pipeline/request.js';

/** Query of GET /api/v2/flows (the SDK's getFlowsOptions). `type` values are lowercase (`inboundshortmessage`). */
export interface ListFlowsQuery {
  type?: string | string[];
  pageNumber?: number;
  pageSize?: number;
  sortBy?: string;
  sortOrder?: 'asc' | 'desc';
  id?: string[];
  name?: string;
  description?: string;
  nameOrDescription?: string;
  publishVersionId?: string;
  editableBy?: string;
  lockedBy?: string;
  lockedByClientId?: string;
  secure?: 'any' | 'checkedin' | 'published';
  deleted?: boolean;
  includeSchemas?: boolean;
  publishedAfter?: string;
  publishedBefore?: string;
  divisionId?: string[];
}

export function flowEndpoints(api: PlatformTransport) {
  const action = <T>(name: string, flowId: string, query: Record<string, string | undefined> = {}): Promise<T> =>
    api.json<T>({ method: 'POST', path: `/api/v2/flows/actions/${name}`, query: { flow: flowId, ...query } });
  return {
    /** GET /api/v2/flows. */
    list: (query: ListFlowsQuery = {}): Promise<EntityListing<ArchitectFlow>> => api.json({ method: 'GET', path: '/api/v2/flows', query: { ...query } }),
    /** GET /api/v2/flows/{flowId}. */
    get: (flowId: string, query: { deleted?: boolean } = {}): Promise<ArchitectFlow> => api.json({ method: 'GET', path: `/api/v2/flows/${segment(flowId)}`, query }),
    /** POST /api/v2/flows: creates an empty flow shell (`name`, `type`, optional `description`, `division`). */
    create: (flow: CreateFlowRequest, query: { language?: string } = {}): Promise<ArchitectFlow> => api.json({ method: 'POST', path: '/api/v2/flows', query, json: flow }),
    /** DELETE /api/v2/flows/{flowId}. */
    delete: async (flowId: string): Promise<void> => {
      await api.request({ method: 'DELETE', path: `/api/v2/flows/${segment(flowId)}` });
    },
    /** POST /api/v2/flows/actions/checkout?flow=: locks the flow to this client. */
    checkout: (flowId: string): Promise<ArchitectFlow> => action('checkout', flowId),
    /** POST /api/v2/flows/actions/checkin?flow=: asynchronous, answers an Operation. */
    checkin: (flowId: string): Promise<Operation> => action('checkin', flowId),
    /** POST /api/v2/flows/actions/publish?flow=[&version=]: asynchronous, answers an Operation. */
    publish: (flowId: string, options: { version?: string } = {}): Promise<Operation> => action('publish', flowId, { version: options.version }),
    /** POST /api/v2/flows/actions/unlock?flow=: force-unlocks (needs architect:flow:unlock). */
    unlock: (flowId: string): Promise<ArchitectFlow> => action('unlock', flowId),
  };
}

export type FlowEndpoints = ReturnType<typeof flowEndpoints>;
