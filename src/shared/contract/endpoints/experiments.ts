import { defineEndpoint } from '../endpoint';
import {
  createExperimentBodySchema,
  experimentKeyParamsSchema,
  experimentListSchema,
  experimentReviewSchema,
  experimentSaveResultSchema,
  experimentSchema,
  exposureCountsSchema,
  listExperimentsQuerySchema,
  promoteBodySchema,
  promotionCheckSchema,
  promotionPlanSchema,
  transitionBodySchema,
  undoPromotionBodySchema,
  updateExperimentBodySchema,
} from '../experiments';

const params = experimentKeyParamsSchema;

/**
 * /api/experiments: every endpoint, read by the server's routes and the dashboard's client. `id`
 * is an experiment's id or key. (Results and the guarded promotion, served beside these, are in
 * results.ts and rollouts.ts.)
 */
export const experimentsApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/experiments', query: listExperimentsQuerySchema, response: experimentListSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/experiments', body: createExperimentBodySchema, response: experimentSchema, status: 201 }),
  get: defineEndpoint({ method: 'GET', path: '/api/experiments/{id}', params, response: experimentSchema }),
  update: defineEndpoint({ method: 'PATCH', path: '/api/experiments/{id}', params, body: updateExperimentBodySchema, response: experimentSaveResultSchema }),
  transition: defineEndpoint({ method: 'POST', path: '/api/experiments/{id}/transitions', params, body: transitionBodySchema, response: experimentSchema }),
  review: defineEndpoint({ method: 'GET', path: '/api/experiments/{id}/review', params, response: experimentReviewSchema }),
  exposures: defineEndpoint({ method: 'GET', path: '/api/experiments/{id}/exposures', params, response: exposureCountsSchema }),
  promotionCheck: defineEndpoint({ method: 'GET', path: '/api/experiments/{id}/promotion-check', params, response: promotionCheckSchema }),
  promote: defineEndpoint({ method: 'POST', path: '/api/experiments/{id}/promote', params, body: promoteBodySchema, response: promotionPlanSchema }),
  undoPromotion: defineEndpoint({ method: 'POST', path: '/api/experiments/{id}/promotion/undo', params, body: undoPromotionBodySchema, response: experimentSchema }),
};
