// /api/v2/webdeployments/deployments: Messenger deployments; a PUT can bind an inbound message flow (flow.id).
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { failures } from '../errors.js';
import type { WebDeploymentRecord } from '../state.js';
import { webDeploymentView } from '../views.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The deployment a PUT body describes (validated), replacing the stored one as Genesys' PUT does. */
function updatedDeployment(current: WebDeploymentRecord, body: unknown, flowExists: (id: string) => boolean, now: number): WebDeploymentRecord {
  if (!isObject(body)) throw failures.badRequest('The request body must be a WebDeployment object.');
  if (typeof body.name !== 'string' || body.name.trim() === '') throw failures.invalidValue('name', 'A web deployment needs a name.');
  if (!isObject(body.configuration) || typeof body.configuration.id !== 'string') {
    throw failures.invalidValue('configuration', 'A web deployment needs configuration.id (and configuration.version).');
  }
  const allowAllDomains = body.allowAllDomains === true;
  const allowedDomains = Array.isArray(body.allowedDomains) ? body.allowedDomains.filter((d): d is string => typeof d === 'string') : [];
  if (allowAllDomains && allowedDomains.length > 0) throw failures.invalidValue('allowedDomains', 'allowedDomains must be empty when allowAllDomains is true.');
  let flowId: string | undefined;
  if (body.flow !== undefined && body.flow !== null) {
    if (!isObject(body.flow) || typeof body.flow.id !== 'string') throw failures.invalidValue('flow', 'flow must be {"id": "<flow id>"}.');
    if (!flowExists(body.flow.id)) throw failures.invalidValue('flow.id', `Flow ${body.flow.id} does not exist.`);
    flowId = body.flow.id;
  }
  return {
    ...current,
    name: body.name,
    description: typeof body.description === 'string' ? body.description : undefined,
    allowAllDomains,
    allowedDomains,
    flowId,
    configuration: {
      id: body.configuration.id,
      name: typeof body.configuration.name === 'string' ? body.configuration.name : current.configuration.name,
      version: body.configuration.version !== undefined ? String(body.configuration.version) : current.configuration.version,
    },
    dateModified: new Date(now).toISOString(),
  };
}

export function registerWebDeploymentRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  const view = { all: ['webDeployments:deployment:view'] };
  const flowName = (id: string) => ctx.state().flows[id]?.name;

  api.get('/webdeployments/deployments', { config: { permission: view } }, async () => {
    const entities = Object.values(ctx.state().webDeployments).map((d) => webDeploymentView(d, flowName));
    return { entities, total: entities.length, selfUri: '/api/v2/webdeployments/deployments' };
  });

  api.get<{ Params: { deploymentId: string } }>('/webdeployments/deployments/:deploymentId', { config: { permission: view } }, async (request) => {
    const deployment = ctx.state().webDeployments[request.params.deploymentId];
    if (!Object.hasOwn(ctx.state().webDeployments, request.params.deploymentId) || !deployment) throw failures.notFound('web deployment', request.params.deploymentId);
    return webDeploymentView(deployment, flowName);
  });

  api.put<{ Params: { deploymentId: string } }>(
    '/webdeployments/deployments/:deploymentId',
    { config: { permission: { all: ['webDeployments:deployment:edit'] } } },
    async (request) => {
      const state = ctx.state();
      const { deploymentId } = request.params;
      if (!Object.hasOwn(state.webDeployments, deploymentId)) throw failures.notFound('web deployment', deploymentId);
      const next = updatedDeployment(state.webDeployments[deploymentId], request.body, (id) => Object.hasOwn(state.flows, id), ctx.now());
      ctx.commit({ ...state, webDeployments: { ...state.webDeployments, [deploymentId]: next } });
      return webDeploymentView(next, flowName);
    },
  );
}
