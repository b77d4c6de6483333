import { z } from 'zod';
import { idParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { experimentKeyParamsSchema } from '../experiments';
import { createRolloutBodySchema, guardedPromoteBodySchema, rolloutActionBodySchema, rolloutActions, rolloutListSchema, rolloutSchema, rolloutStatusSchema } from '../rollouts';

const listQuerySchema = z.strictObject({
  environment: z.string().min(1).max(64).optional(),
  status: rolloutStatusSchema.optional(),
  parameterKey: z.string().min(1).max(200).optional(),
});
const environmentQuerySchema = z.strictObject({ environment: z.string().min(1).max(64).optional() });
const actionParamsSchema = z.strictObject({ id: z.string().min(1).max(64), action: z.enum(rolloutActions) });

/** /api/rollouts, and the guarded promotion of an experiment's winner. */
export const rolloutsApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/rollouts', query: listQuerySchema, response: rolloutListSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/rollouts', query: environmentQuerySchema, body: createRolloutBodySchema, response: rolloutSchema, status: 201 }),
  get: defineEndpoint({ method: 'GET', path: '/api/rollouts/{id}', params: idParamsSchema, response: rolloutSchema }),
  act: defineEndpoint({ method: 'POST', path: '/api/rollouts/{id}/actions/{action}', params: actionParamsSchema, body: rolloutActionBodySchema, response: rolloutSchema }),
  promoteGuarded: defineEndpoint({
    method: 'POST',
    path: '/api/experiments/{id}/promote/guarded',
    params: experimentKeyParamsSchema,
    body: guardedPromoteBodySchema,
    response: rolloutSchema,
    status: 201,
  }),
};
