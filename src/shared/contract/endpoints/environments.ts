import { idParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { createEnvironmentBodySchema, environmentListSchema, environmentSchema, reorderEnvironmentsBodySchema, updateEnvironmentBodySchema } from '../environments';

/** /api/environments. (Comparing and copying parameters between environments are parametersApi.compare and .copy.) */
export const environmentsApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/environments', response: environmentListSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/environments', body: createEnvironmentBodySchema, response: environmentSchema, status: 201 }),
  reorder: defineEndpoint({ method: 'PUT', path: '/api/environments/order', body: reorderEnvironmentsBodySchema, response: environmentListSchema }),
  update: defineEndpoint({ method: 'PATCH', path: '/api/environments/{id}', params: idParamsSchema, body: updateEnvironmentBodySchema, response: environmentSchema }),
};
