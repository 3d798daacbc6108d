// The Genesys Cloud API models the client reads and writes: minimal interfaces with the SDK's field names (index.d.ts).

export interface EntityRef {
  id: string;
  name?: string;
  selfUri?: string;
}

/** Page-number listings: flows, versions, roles, OAuth clients. */
export interface EntityListing<T> {
  entities: T[];
  pageSize?: number;
  pageNumber?: number;
  total?: number;
  pageCount?: number;
  firstUri?: string;
  lastUri?: string;
  selfUri?: string;
  nextUri?: string;
  previousUri?: string;
}

/** Cursor listings: web deployments. */
export interface CursorListing<T> {
  entities: T[];
  nextUri?: string;
  selfUri?: string;
  previousUri?: string;
  total?: number;
}

export type FlowVersionType = 'PUBLISH' | 'CHECKIN' | 'SAVE';

export interface FlowVersion {
  id?: string;
  name?: string;
  commitVersion?: string;
  configurationVersion?: string;
  type?: FlowVersionType | string;
  secure?: boolean;
  debug?: boolean;
  createdBy?: EntityRef;
  createdByClient?: EntityRef;
  configurationUri?: string;
  /** Epoch milliseconds (unlike datePublished). */
  dateCreated?: number;
  dateCheckedIn?: number;
  dateSaved?: number;
  generationId?: string;
  publishResultUri?: string;
  /** ISO date-time. */
  datePublished?: string;
  datePublishedEnd?: string;
  selfUri?: string;
  [field: string]: unknown;
}

export type OperationActionStatus = 'LOCKED' | 'UNLOCKED' | 'STARTED' | 'PENDING_GENERATION' | 'PENDING_BACKEND_NOTIFICATION' | 'SUCCESS' | 'FAILURE';

export interface Operation {
  id?: string;
  complete?: boolean;
  user?: EntityRef;
  client?: EntityRef;
  errorMessage?: string;
  errorCode?: string;
  errorDetails?: Array<Record<string, unknown>>;
  errorMessageParams?: Record<string, string>;
  actionName?: string;
  actionStatus?: OperationActionStatus | string;
  [field: string]: unknown;
}

/** The real API's flow (Architect), not the gcflow document: see FlowDefinition for that. */
export interface ArchitectFlow {
  id?: string;
  name: string;
  division?: EntityRef;
  description?: string;
  /** Uppercase in models (`INBOUNDSHORTMESSAGE`), lowercase in the list filter. */
  type?: string;
  lockedUser?: EntityRef;
  lockedClient?: EntityRef;
  active?: boolean;
  system?: boolean;
  deleted?: boolean;
  publishedVersion?: FlowVersion;
  savedVersion?: FlowVersion;
  checkedInVersion?: FlowVersion;
  debugVersion?: FlowVersion;
  publishedBy?: EntityRef;
  currentOperation?: Operation;
  supportedLanguages?: Array<{ language?: string; isDefault?: boolean }>;
  selfUri?: string;
  [field: string]: unknown;
}

/** Body of POST /api/v2/flows: a flow shell. */
export interface CreateFlowRequest {
  name: string;
  type: string;
  description?: string;
  division?: { id: string; name?: string };
  [field: string]: unknown;
}

export interface RegisterArchitectJobResponse {
  id: string;
  /** Where to PUT the Archy YAML, with exactly `headers`. */
  presignedUrl: string;
  headers: Record<string, string>;
  selfUri?: string;
}

export type ArchitectJobStatus = 'Registered' | 'Started' | 'Success' | 'Failure';

export interface ArchitectJobMessageDetail {
  type?: string;
  url?: string;
  method?: string;
  statusCode?: number;
  statusMessage?: string;
  correlationId?: string;
  errorCode?: string;
  errorMessage?: string;
  [field: string]: unknown;
}

export interface ArchitectJobMessage {
  dateTime?: string;
  type?: 'Error' | 'Warning' | string;
  text?: string;
  details?: ArchitectJobMessageDetail[];
}

export interface ArchitectJobStateResponse {
  id: string;
  flow?: EntityRef;
  status: ArchitectJobStatus | string;
  command?: 'Publish' | 'Create' | 'Update' | 'Export' | string;
  /** Only with `expand=messages`. */
  messages?: ArchitectJobMessage[];
  selfUri?: string;
}

export interface ArchitectFlowReference {
  id?: string;
  name?: string;
  type?: string;
  version?: string;
}

export interface RegisterArchitectValidateJob {
  flows: Array<{ flow: ArchitectFlowReference }>;
}

export interface RegisterArchitectValidateJobResponse {
  id: string;
  status?: string;
  totalFlows?: number;
  selfUri?: string;
}

export interface ArchitectValidateJobStateResponse {
  id: string;
  status: ArchitectJobStatus | string;
  command?: string;
  messages?: ArchitectJobMessage[];
  selfUri?: string;
}

export interface RoleDivision {
  roleId: string;
  divisionId: string;
}

export interface OrgOAuthClient {
  id: string;
  name?: string;
  authorizedGrantType?: string;
  scope?: string[];
  roleDivisions?: RoleDivision[];
  state?: string;
  organization?: EntityRef;
  [field: string]: unknown;
}

/** GET /api/v2/tokens/me. Note the JSON key `OAuthClient` (capital OA). */
export interface TokenInfo {
  organization?: EntityRef;
  homeOrganization?: EntityRef;
  authorizedScope?: string[];
  clonedUser?: { id?: string; organization?: { id?: string } };
  dateTokenIdles?: string;
  OAuthClient?: OrgOAuthClient;
  [field: string]: unknown;
}

export interface OAuthClient {
  id: string;
  name: string;
  accessTokenValiditySeconds?: number;
  description?: string;
  authorizedGrantType: string;
  scope?: string[];
  roleDivisions?: RoleDivision[];
  state?: string;
  dateCreated?: string;
  dateModified?: string;
  selfUri?: string;
  [field: string]: unknown;
}

export interface DomainPermissionPolicy {
  domain?: string;
  entityName?: string;
  policyName?: string;
  actionSet?: string[];
  allowConditions?: boolean;
  [field: string]: unknown;
}

export interface DomainOrganizationRole {
  id: string;
  name: string;
  description?: string;
  defaultRoleId?: string;
  permissions?: string[];
  unusedPermissions?: string[];
  permissionPolicies?: DomainPermissionPolicy[];
  userCount?: number;
  default?: boolean;
  base?: boolean;
  selfUri?: string;
  [field: string]: unknown;
}

export type WebDeploymentStatus = 'Pending' | 'Active' | 'Inactive' | 'Error' | 'Deleting';

export interface WebDeployment {
  id?: string;
  name: string;
  description?: string;
  allowAllDomains?: boolean;
  allowedDomains?: string[];
  snippet?: string;
  dateCreated?: string;
  dateModified?: string;
  /** The inboundshortmessage flow bound to the deployment. */
  flow?: { id: string; name?: string; selfUri?: string; flowDescription?: string; publishVersion?: FlowVersion };
  status?: WebDeploymentStatus | string;
  configuration: { id: string; name?: string; selfUri?: string; version: string; [field: string]: unknown };
  selfUri?: string;
  [field: string]: unknown;
}
