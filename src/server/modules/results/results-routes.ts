import { createRoute } from '@hono/zod-openapi';
import { idParamsSchema } from '../../../shared/contract/common';
import { experimentResultsSchema, resultsQuerySchema } from '../../../shared/contract/results';
import { requireRole } from '../../http/auth-middleware';
import { createRouter, errorResponses, jsonContent } from '../../http/openapi';
import { experimentResults } from './results-service';

const tags = ['Results'];

/** Mounted at /api/experiments beside the experiments routes. */
export function resultsRoutes() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/{id}/results',
      tags,
      summary: 'Results of an experiment: per metric and variant, effects with intervals, verdicts, series, SRM and health warnings',
      middleware: [requireRole('viewer')] as const,
      request: { params: idParamsSchema, query: resultsQuerySchema },
      responses: { 200: jsonContent(experimentResultsSchema, 'Results'), 404: { ...errorResponses[400], description: 'No such experiment' }, ...errorResponses },
    }),
    async (c) => c.json(await experimentResults(c.get('services'), c.req.valid('param').id, c.req.valid('query')), 200),
  );
}
