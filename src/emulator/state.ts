// The emulator's state as plain data (JSON-serialisable), its creation, and the settling of due asynchronous work.
import { HOME_DIVISION_ID } from './permissions.js';

export type FlowStatus = 'draft' | 'published' | 'scheduled' | 'failed';
export type FlowVersionType = 'SAVE' | 'CHECKIN' | 'PUBLISH';
export type OperationAction = 'CREATE' | 'CHECKIN' | 'CHECKOUT' | 'PUBLISH' | 'REVERT' | 'SAVE' | 'DELETE' | 'UNLOCK';
export type OperationStatus = 'STARTED' | 'SUCCESS' | 'FAILURE';
/** A flow document as stored: whatever object the client sent (normally a gcflow FlowDefinition). */
export type FlowDocument = Record<string, unknown>;

export interface FlowVersionRecord {
  version: number;
  document: FlowDocument;
  type: FlowVersionType;
  /** Epoch ms, as Genesys' FlowVersion has it. */
  dateCreated: number;
  createdByClientId: string;
  /** ISO time, as Genesys' FlowVersion has it. */
  datePublished?: string;
}

export interface OperationRecord {
  id: string;
  actionName: OperationAction;
  actionStatus: OperationStatus;
  complete: boolean;
  clientId: string;
  errorMessage?: string;
  errorCode?: string;
}

export interface FlowRecord {
  id: string;
  name: string;
  /** Lowercase flow type (`inboundshortmessage`), as the list filter spells it. */
  type: string;
  description?: string;
  divisionId: string;
  /** The optimistic-lock counter: the number of the latest saved document, 0 for a shell without one. */
  version: number;
  /** The latest saved document, or null for a shell created through POST /api/v2/flows. */
  document: FlowDocument | null;
  status: FlowStatus;
  statusReason?: string;
  datePublished?: string;
  publishedVersion?: number;
  checkedInVersion?: number;
  lockedClientId?: string;
  currentOperation?: OperationRecord;
  /** Every saved document, oldest first. */
  versions: FlowVersionRecord[];
  dateCreated: number;
  dateModified: number;
}

export type JobStatus = 'Registered' | 'Started' | 'Success' | 'Failure';

export interface JobMessage {
  dateTime: string;
  type: 'Error' | 'Warning';
  text: string;
}

/** What an uploaded Architect job file turned out to be, decided when it arrives and applied when the job runs. */
export type JobPayload = { kind: 'document'; document: FlowDocument } | { kind: 'unsupported'; reason: string };

export interface ArchitectJobRecord {
  id: string;
  clientId: string;
  status: JobStatus;
  command: 'Publish';
  flowId?: string;
  messages: JobMessage[];
  payload?: JobPayload;
  dateCreated: number;
}

export interface FlowReference {
  id?: string;
  name?: string;
  type?: string;
  version?: string;
}

export interface ValidateJobRecord {
  id: string;
  clientId: string;
  status: JobStatus;
  flows: FlowReference[];
  messages: JobMessage[];
  dateCreated: number;
}

export interface WebDeploymentRecord {
  id: string;
  name: string;
  description?: string;
  allowAllDomains: boolean;
  allowedDomains: string[];
  flowId?: string;
  configuration: { id: string; name: string; version: string };
  status: 'Pending' | 'Active' | 'Inactive' | 'Error' | 'Deleting';
  dateCreated: string;
  dateModified: string;
}

/** Work that completes later: a publication, an Architect job, a validate job. */
export type PendingWork =
  | { kind: 'publish'; flowId: string; version: number; operationId: string; dueAt: number }
  | { kind: 'job'; jobId: string; dueAt: number }
  | { kind: 'validateJob'; jobId: string; dueAt: number };

export interface EmulatorState {
  flows: Record<string, FlowRecord>;
  jobs: Record<string, ArchitectJobRecord>;
  validateJobs: Record<string, ValidateJobRecord>;
  webDeployments: Record<string, WebDeploymentRecord>;
  /** Ordered by dueAt. */
  pending: PendingWork[];
}

export const DEFAULT_WEB_DEPLOYMENT_ID = '5e0f2d4b-8a6c-4e1d-b3f7-9c2a4d6e8f01';
export const DEFAULT_WEB_CONFIGURATION_ID = '5e0f2d4b-8a6c-4e1d-b3f7-9c2a4d6e8f02';

/** A fresh state: no flows, one web deployment bound to nothing. */
export function createState(now: number): EmulatorState {
  const iso = new Date(now).toISOString();
  return {
    flows: {},
    jobs: {},
    validateJobs: {},
    webDeployments: {
      [DEFAULT_WEB_DEPLOYMENT_ID]: {
        id: DEFAULT_WEB_DEPLOYMENT_ID,
        name: 'gcflow emulator web deployment',
        description: 'Bind an inboundshortmessage flow with PUT .../deployments/{id} and a flow.id.',
        allowAllDomains: true,
        allowedDomains: [],
        configuration: { id: DEFAULT_WEB_CONFIGURATION_ID, name: 'gcflow emulator configuration', version: '1' },
        status: 'Active',
        dateCreated: iso,
        dateModified: iso,
      },
    },
    pending: [],
  };
}

export const defaultDivisionId = HOME_DIVISION_ID;

/** Adds work to the pending queue, keeping it ordered by due time. */
export function schedule(state: EmulatorState, work: PendingWork): EmulatorState {
  const pending = [...state.pending, work].sort((a, b) => a.dueAt - b.dueAt);
  return { ...state, pending };
}

/** Replaces one flow record. */
export function withFlow(state: EmulatorState, flow: FlowRecord): EmulatorState {
  return { ...state, flows: { ...state.flows, [flow.id]: flow } };
}

/** Removes one flow record. */
export function withoutFlow(state: EmulatorState, flowId: string): EmulatorState {
  const flows = { ...state.flows };
  delete flows[flowId];
  return { ...state, flows };
}
