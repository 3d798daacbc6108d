// The document-API port filled by the platform client: 404 on a flow means "not deployed", on validate "no such API".
import type { FlowDefinition } from '../flow/schema.js';
import type { PlatformClient } from '../platform/index.js';
import { ApiError } from '../platform/errors.js';
import type { FlowDocumentApi, RemoteFlowDocument, RemoteVersion } from './document-api.js';
import { NoDocumentApiError } from './no-document-api.js';

/** The part of the platform client the document target uses. */
export type DocumentClient = Pick<PlatformClient, 'apiBase' | 'documents' | 'versions'> & Partial<Pick<PlatformClient, 'flows'>>;

const PAGE_SIZE = 100;
/** Enough for any flow's history; stops a server that pages forever. */
const MAX_PAGES = 50;

function notFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function documentApiOf(client: DocumentClient): FlowDocumentApi {
  const { flows } = client;
  return {
    ...(flows ? { deleteFlow: (flowId: string) => flows.delete(flowId) } : {}),
    baseUrl: client.apiBase,
    async getFlow(flowId) {
      try {
        return (await client.documents.get(flowId)) as RemoteFlowDocument;
      } catch (error) {
        if (notFound(error)) return undefined;
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
    async listVersions(flowId) {
      const versions: RemoteVersion[] = [];
      for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
        const page = await client.versions.list(flowId, { pageNumber, pageSize: PAGE_SIZE });
        for (const entity of page.entities ?? []) {
          const version = Number(entity.id ?? entity.commitVersion);
          if (!Number.isInteger(version)) continue;
          versions.push({ version, ...(entity.type ? { type: String(entity.type) } : {}), ...(entity.datePublished ? { datePublished: entity.datePublished } : {}) });
        }
        if ((page.entities ?? []).length < PAGE_SIZE || (page.pageCount !== undefined && pageNumber >= page.pageCount)) break;
      }
      return versions.sort((a, b) => b.version - a.version);
    },
    async getVersionDocument(flowId, version) {
      try {
        const answer = await client.versions.get(flowId, String(version));
        const configuration = answer.configuration;
        return configuration !== null && typeof configuration === 'object' ? (configuration as RemoteFlowDocument) : undefined;
      } catch (error) {
        if (notFound(error)) return undefined;
        throw error;
      }
    },
  };
}
