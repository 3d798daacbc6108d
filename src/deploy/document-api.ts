// The few calls of the seed's flow document API that the deploy target needs: a port, filled by the platform client.

/** A flow document as the server sends it: the flow plus server fields (status, statusReason, dates, lock...). */
export type RemoteFlowDocument = Record<string, unknown>;

/**
 * `GET/PUT /api/v2/flows/{id}` and `POST /api/v2/flows/{id}/validate`. Errors are the platform client's
 * (VersionConflictError on 409, ApiError otherwise); `getFlow` answers undefined for 404.
 */
export interface FlowDocumentApi {
  /** Where the calls go, for messages (`http://127.0.0.1:4010`). */
  readonly baseUrl: string;
  getFlow(flowId: string): Promise<RemoteFlowDocument | undefined>;
  putFlow(flowId: string, document: RemoteFlowDocument): Promise<RemoteFlowDocument>;
  validateFlow(flowId: string, document: RemoteFlowDocument): Promise<unknown>;
  /** `GET /api/v2/flows/{id}/versions`: every saved version, newest first (all pages). */
  listVersions(flowId: string): Promise<RemoteVersion[]>;
  /** The document saved as a version (`GET .../versions/{n}` with its configuration), or undefined for 404. */
  getVersionDocument(flowId: string, version: number): Promise<RemoteFlowDocument | undefined>;
  /** `DELETE /api/v2/flows/{id}`, when the client can make that call. */
  deleteFlow?(flowId: string): Promise<void>;
}

/** A saved version as the server lists it. */
export interface RemoteVersion {
  version: number;
  /** `PUBLISH` for versions that were published, `SAVE`/`CHECKIN` otherwise. */
  type?: string;
  datePublished?: string;
}
