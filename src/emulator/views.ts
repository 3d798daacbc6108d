// How records look on the wire: Genesys' Flow, FlowVersion, Operation, job and listing models, and the seed's flow document.
import { HOME_DIVISION, type EmulatorClient } from './permissions.js';
import type { ArchitectJobRecord, FlowRecord, FlowVersionRecord, OperationRecord, ValidateJobRecord, WebDeploymentRecord } from './state.js';

/** Looks up client names for `lockedClient` and `createdByClient` refs. */
export type ClientNames = (clientId: string) => string | undefined;

export const flowUri = (flowId: string) => `/api/v2/flows/${flowId}`;

function clientRef(clientId: string, names: ClientNames) {
  return { id: clientId, name: names(clientId) ?? clientId, selfUri: `/api/v2/oauth/clients/${clientId}` };
}

export function operationView(op: OperationRecord, names: ClientNames) {
  const view: Record<string, unknown> = { id: op.id, complete: op.complete, client: clientRef(op.clientId, names), actionName: op.actionName, actionStatus: op.actionStatus };
  if (op.errorMessage !== undefined) view.errorMessage = op.errorMessage;
  if (op.errorCode !== undefined) view.errorCode = op.errorCode;
  return view;
}

/** Genesys' FlowVersion; with `withConfiguration`, the document saved as that version too. */
export function versionView(flow: FlowRecord, record: FlowVersionRecord, names: ClientNames, withConfiguration = false) {
  const id = String(record.version);
  const view: Record<string, unknown> = {
    id,
    name: flow.name,
    commitVersion: id,
    configurationVersion: id,
    type: record.type,
    secure: false,
    debug: false,
    createdByClient: clientRef(record.createdByClientId, names),
    configurationUri: `${flowUri(flow.id)}/versions/${id}/configuration`,
    dateCreated: record.dateCreated,
    selfUri: `${flowUri(flow.id)}/versions/${id}`,
  };
  if (record.type === 'CHECKIN') view.dateCheckedIn = record.dateCreated;
  else view.dateSaved = record.dateCreated;
  if (record.datePublished !== undefined) view.datePublished = record.datePublished;
  if (withConfiguration) view.configuration = record.document;
  return view;
}

function versionRef(flow: FlowRecord, version: number | undefined, names: ClientNames) {
  if (version === undefined) return undefined;
  const record = flow.versions.find((v) => v.version === version);
  return record ? versionView(flow, record, names) : undefined;
}

/** The fields Genesys' Architect Flow model has that a flow document does not. */
function architectFields(flow: FlowRecord, names: ClientNames): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    active: flow.publishedVersion !== undefined,
    system: false,
    deleted: false,
    selfUri: flowUri(flow.id),
  };
  if (flow.lockedClientId !== undefined) fields.lockedClient = clientRef(flow.lockedClientId, names);
  const published = versionRef(flow, flow.publishedVersion, names);
  if (published) fields.publishedVersion = published;
  const checkedIn = versionRef(flow, flow.checkedInVersion, names);
  if (checkedIn) fields.checkedInVersion = checkedIn;
  const saved = versionRef(flow, flow.version, names);
  if (saved) fields.savedVersion = saved;
  if (flow.currentOperation) fields.currentOperation = operationView(flow.currentOperation, names);
  return fields;
}

/** Genesys' Flow model (listings, shells, the actions endpoints). */
export function flowView(flow: FlowRecord, names: ClientNames): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: flow.id,
    name: flow.name,
    type: flow.type.toUpperCase(),
    division: { ...HOME_DIVISION, id: flow.divisionId },
    ...architectFields(flow, names),
  };
  if (flow.description !== undefined) view.description = flow.description;
  return view;
}

/**
 * GET /api/v2/flows/{id}: the latest flow document as it was PUT, with the server's `version` and `status`
 * (plus `statusReason`, `datePublished`) and the Architect fields it lacks (publishedVersion, lockedClient, ...).
 * A shell without a document answers as the Architect Flow model with version 0.
 */
export function documentView(flow: FlowRecord, names: ClientNames): Record<string, unknown> {
  const base = flow.document ?? flowView(flow, names);
  const view: Record<string, unknown> = { ...base, ...architectFields(flow, names), id: flow.id, version: flow.version, status: flow.status };
  if (flow.statusReason !== undefined) view.statusReason = flow.statusReason;
  if (flow.datePublished !== undefined) view.datePublished = flow.datePublished;
  return view;
}

/** Genesys' page-number listing (`…EntityListing`). */
export function pageListing<T>(all: T[], query: { pageNumber?: number; pageSize?: number }, path: string) {
  const pageSize = Math.max(1, Math.min(500, query.pageSize ?? 25));
  const pageNumber = Math.max(1, query.pageNumber ?? 1);
  const total = all.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const uri = (n: number) => `${path}${path.includes('?') ? '&' : '?'}pageNumber=${n}&pageSize=${pageSize}`;
  const listing: Record<string, unknown> = {
    entities: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total,
    pageCount,
    firstUri: uri(1),
    lastUri: uri(pageCount),
    selfUri: uri(pageNumber),
  };
  if (pageNumber < pageCount) listing.nextUri = uri(pageNumber + 1);
  if (pageNumber > 1) listing.previousUri = uri(pageNumber - 1);
  return listing;
}

export function jobView(job: ArchitectJobRecord, withMessages: boolean) {
  const view: Record<string, unknown> = { id: job.id, status: job.status, command: job.command, selfUri: `/api/v2/flows/jobs/${job.id}` };
  if (job.flowId !== undefined) view.flow = { id: job.flowId, selfUri: flowUri(job.flowId) };
  if (withMessages) view.messages = job.messages;
  return view;
}

export function validateJobView(job: ValidateJobRecord, withMessages: boolean) {
  const view: Record<string, unknown> = { id: job.id, status: job.status, command: 'Validate', selfUri: `/api/v2/flows/validate/jobs/${job.id}` };
  if (withMessages) view.messages = job.messages;
  return view;
}

export function webDeploymentView(deployment: WebDeploymentRecord, flowName: (flowId: string) => string | undefined) {
  const view: Record<string, unknown> = {
    id: deployment.id,
    name: deployment.name,
    allowAllDomains: deployment.allowAllDomains,
    allowedDomains: deployment.allowedDomains,
    configuration: { ...deployment.configuration, selfUri: `/api/v2/webdeployments/configurations/${deployment.configuration.id}` },
    status: deployment.status,
    dateCreated: deployment.dateCreated,
    dateModified: deployment.dateModified,
    selfUri: `/api/v2/webdeployments/deployments/${deployment.id}`,
  };
  if (deployment.description !== undefined) view.description = deployment.description;
  if (deployment.flowId !== undefined) view.flow = { id: deployment.flowId, name: flowName(deployment.flowId), selfUri: flowUri(deployment.flowId) };
  return view;
}

export function clientView(client: EmulatorClient, tokenTtlSeconds: number) {
  return {
    id: client.id,
    name: client.name,
    accessTokenValiditySeconds: client.accessTokenValiditySeconds ?? tokenTtlSeconds,
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    roleDivisions: client.roleDivisions,
    state: 'active',
    scope: [],
    selfUri: `/api/v2/oauth/clients/${client.id}`,
  };
}
