// The document-API port filled by the platform client: 404 on a flow means "not deployed", on validate "no such API".
import type { FlowDefinition } from '../flow/schema.js';
import type { PlatformClient } from '../platform/index.js';
import { ApiError } from '../platform/errors.js';
import type { FlowDocumentApi, RemoteFlowDocument } from './document-api.js';
import { NoDocumentApiError } from './no-document-api.js';

/** The part of the platform client the document target uses. */
export type DocumentClient = Pick<PlatformClient, 'apiBase' | 'documents'>;

export function documentApiOf(client: DocumentClient): FlowDocumentApi {
  return {
    baseUrl: client.apiBase,
    async getFlow(flowId) {
      try {
        return (await client.documents.get(flowId)) as RemoteFlowDocument;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      }
    },
    async putFlow(flowId, document) {
      return (await client.documents.put(flowId, document as unknown as FlowDefinition)) as RemoteFlowDocument;
    },
    async validateFlow(flowId, document) {
      try {
        return await client.documents.validate(flowId, document as unknown as FlowDefinition);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
          throw new NoDocumentApiError(client.apiBase, `POST /api/v2/flows/${flowId}/validate answered ${error.status}`);
        }
        throw error;
      }
    },
  };
}
