import { idParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { apiTokenListSchema, apiTokenSchema, createApiTokenBodySchema, createdApiTokenSchema } from '../tokens';

/** /api/tokens: API tokens carrying a role. */
export const tokensApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/tokens', response: apiTokenListSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/tokens', body: createApiTokenBodySchema, response: createdApiTokenSchema, status: 201 }),
  revoke: defineEndpoint({ method: 'DELETE', path: '/api/tokens/{id}', params: idParamsSchema, response: apiTokenSchema }),
};
