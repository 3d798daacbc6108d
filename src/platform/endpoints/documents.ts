// The seed's document API: a gcflow flow document read and written whole at /api/v2/flows/{id}, with validate and simulate.
import type { FlowDefinition } from '../../flow/schema.js';
import { segment, type PlatformTransport } from '../pipeline/request.js';

/** A flow document as the server returns it: the flow plus what the server adds (e.g. `statusReason` after a failed publish). */
export type FlowDocument = FlowDefinition & { statusReason?: string; [field: string]: unknown };

/** The server's verdict on a document; its exact fields are the server's (gcflow's emulator answers with its validator's findings). */
export interface FlowDocumentValidation {
  valid?: boolean;
  [field: string]: unknown;
}

export type FlowDocumentSimulation = Record<string, unknown>;

export function documentEndpoints(api: PlatformTransport) {
  return {
    /** GET /api/v2/flows/{id}. */
    get: (id: string): Promise<FlowDocument> => api.json({ method: 'GET', path: `/api/v2/flows/${segment(id)}` }),
    /** PUT /api/v2/flows/{id}; `flow.version` must be the current version plus one (else VersionConflictError). */
    put: (id: string, flow: FlowDefinition): Promise<FlowDocument> => api.json({ method: 'PUT', path: `/api/v2/flows/${segment(id)}`, json: flow }),
    /** POST /api/v2/flows/{id}/validate: the stored flow, or `flow` when given. */
    validate: (id: string, flow?: FlowDefinition): Promise<FlowDocumentValidation> =>
      api.json({ method: 'POST', path: `/api/v2/flows/${segment(id)}/validate`, json: flow, idempotent: true }),
    /** POST /api/v2/flows/{id}/simulate. */
    simulate: (id: string, body: Record<string, unknown>): Promise<FlowDocumentSimulation> =>
      api.json({ method: 'POST', path: `/api/v2/flows/${segment(id)}/simulate`, json: body, idempotent: true }),
  };
}

export type DocumentEndpoints = ReturnType<typeof documentEndpoints>;
