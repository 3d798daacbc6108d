// Genesys Cloud's error body ({message, code, status, contextId, details, errors}) and the failure routes throw to produce it.

/** A `Detail` entry of a Genesys error body. */
export interface ErrorDetail {
  errorCode?: string;
  fieldName?: string;
  entityId?: string;
  entityName?: string;
}

/** The body of every REST error the emulator answers (Genesys' `ErrorBody`). */
export interface GenesysErrorBody {
  message: string;
  code: string;
  status: number;
  contextId: string;
  details: ErrorDetail[];
  errors: GenesysErrorBody[];
  messageWithParams?: string;
  messageParams?: Record<string, string>;
  entityId?: string;
  entityName?: string;
}

export interface ApiFailureInit {
  /** `{name}` placeholders in `message` are filled from `messageParams`; the raw template becomes `messageWithParams`. */
  messageParams?: Record<string, string>;
  details?: ErrorDetail[];
  entityId?: string;
  entityName?: string;
  /** Extra response headers (e.g. Retry-After). */
  headers?: Record<string, string>;
}

/** Thrown by state transitions and routes; the server turns it into a Genesys error response. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly template: string;
  readonly init: ApiFailureInit;

  constructor(status: number, code: string, message: string, init: ApiFailureInit = {}) {
    super(fillParams(message, init.messageParams));
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
    this.template = message;
    this.init = init;
  }
}

function fillParams(template: string, params: Record<string, string> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The response body for a failure, with the request's correlation id as `contextId`. */
export function errorBody(failure: ApiFailure, contextId: string): GenesysErrorBody {
  const body: GenesysErrorBody = {
    message: failure.message,
    code: failure.code,
    status: failure.status,
    contextId,
    details: failure.init.details ?? [],
    errors: [],
  };
  if (failure.init.messageParams) {
    body.messageWithParams = failure.template;
    body.messageParams = failure.init.messageParams;
  }
  if (failure.init.entityId !== undefined) body.entityId = failure.init.entityId;
  if (failure.init.entityName !== undefined) body.entityName = failure.init.entityName;
  return body;
}

/** The failures the emulator answers, by name, so that codes and wording stay in one place. */
export const failures = {
  badRequest: (message: string, details?: ErrorDetail[]) => new ApiFailure(400, 'bad.request', message, { details }),
  invalidValue: (field: string, message: string) =>
    new ApiFailure(400, 'invalid.value', message, { details: [{ errorCode: 'invalid.value', fieldName: field }] }),
  missingParameter: (name: string) =>
    new ApiFailure(400, 'missing.request.parameter', 'The request is missing the required parameter {parameter}.', {
      messageParams: { parameter: name },
    }),
  noToken: () => new ApiFailure(401, 'authentication.required', 'No authentication bearer token specified in authorization header.'),
  badToken: () => new ApiFailure(401, 'authentication.required', 'The access token is invalid or has expired; request a new token.'),
  missingPermissions: (permissions: string[], all: boolean) =>
    new ApiFailure(
      403,
      all ? 'missing.all.permissions' : 'missing.any.permissions',
      all
        ? 'Unable to perform the requested action. You are missing the following permission(s): {permissions}'
        : 'Unable to perform the requested action. You must have at least one of the following permissions assigned: {permissions}',
      { messageParams: { permissions: permissions.join(', ') } },
    ),
  notFound: (what: string, id: string) =>
    new ApiFailure(404, 'not.found', 'The requested {entity} {id} was not found.', { messageParams: { entity: what, id }, entityId: id }),
  noRoute: (method: string, url: string) =>
    new ApiFailure(404, 'not.found', 'No resource found for {method} {path}.', { messageParams: { method, path: url } }),
  versionConflict: (flowId: string, flowName: string, current: number, given: unknown) =>
    new ApiFailure(
      409,
      'general.conflict',
      'Flow version conflict: expected version {expectedVersion}, got {givenVersion}; current version is {currentVersion}',
      {
        messageParams: { currentVersion: String(current), expectedVersion: String(current + 1), givenVersion: String(given) },
        details: [{ errorCode: 'flow.version.conflict', fieldName: 'version', entityId: flowId, entityName: flowName }],
        entityId: flowId,
        entityName: flowName,
      },
    ),
  locked: (flowId: string, flowName: string, lockedBy: string) =>
    new ApiFailure(409, 'flow.locked', 'Flow {flowId} is locked by another entity ({lockedBy}); check it in or force an unlock first.', {
      messageParams: { flowId, lockedBy },
      details: [{ errorCode: 'flow.locked', entityId: flowId, entityName: flowName }],
      entityId: flowId,
      entityName: flowName,
    }),
  conflict: (message: string) => new ApiFailure(409, 'general.conflict', message),
  tooManyRequests: (retryAfterSeconds: number) =>
    new ApiFailure(429, 'too.many.requests.retry.after', `Rate limit exceeded the maximum. Retry the request in [${retryAfterSeconds}] seconds`, {
      headers: { 'retry-after': String(retryAfterSeconds) },
    }),
  unavailable: () => new ApiFailure(503, 'service.unavailable', 'The service is temporarily unavailable (injected fault); retry the request.'),
  internal: () => new ApiFailure(500, 'internal.server.error', 'The server encountered an internal error.'),
} as const;
