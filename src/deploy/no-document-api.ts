// The error for a server that does not serve the seed's flow document API (a real Genesys Cloud org, today).
import { GcflowError } from '../flow/diagnostic.js';

export const NO_DOCUMENT_API_CODE = 'GCF640';

/** Raised before anything is written: gcflow changed nothing on that server. */
export class NoDocumentApiError extends GcflowError {
  readonly baseUrl: string;

  constructor(baseUrl: string, evidence: string) {
    super(
      NO_DOCUMENT_API_CODE,
      `${baseUrl} does not serve the flow document API that gcflow deploys through (${evidence}). ` +
        'This is what a real Genesys Cloud org answers: its Architect API needs the Archy-jobs deploy target, which gcflow does not have yet. Nothing was changed.',
      {},
      1,
    );
    this.name = 'NoDocumentApiError';
    this.baseUrl = baseUrl;
  }
}
