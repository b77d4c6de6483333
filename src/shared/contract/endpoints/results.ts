import { idParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { experimentResultsSchema, resultsQuerySchema } from '../results';

/** An experiment's results (served beside /api/experiments). */
export const resultsApi = {
  get: defineEndpoint({ method: 'GET', path: '/api/experiments/{id}/results', params: idParamsSchema, query: resultsQuerySchema, response: experimentResultsSchema }),
};
