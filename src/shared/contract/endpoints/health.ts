import { defineEndpoint } from '../endpoint';
import { healthSchema } from '../health';

/** /api/health: for load balancers and monitors (no sign-in). A 503 answers the same shape. */
export const healthApi = {
  get: defineEndpoint({ method: 'GET', path: '/api/health', response: healthSchema }),
};
