import { idParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { createdSdkKeySchema, createSdkKeyBodySchema, sdkKeyListSchema, sdkKeySchema } from '../sdk-keys';

/** /api/sdk-keys: the keys apps evaluate (and send events) with. */
export const sdkKeysApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/sdk-keys', response: sdkKeyListSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/sdk-keys', body: createSdkKeyBodySchema, response: createdSdkKeySchema, status: 201 }),
  revoke: defineEndpoint({ method: 'DELETE', path: '/api/sdk-keys/{id}', params: idParamsSchema, response: sdkKeySchema }),
};
