import { resultsApi } from '../../../shared/contract/endpoints/results';
import { requireRole } from '../../http/auth-middleware';
import { endpointRoutes } from '../../http/endpoint-route';
import { createRouter, errorResponses } from '../../http/openapi';
import { experimentResults } from './results-service';

/** Mounted at /api/experiments beside the experiments routes. */
const route = endpointRoutes('/api/experiments', { tags: ['Results'] });

export function resultsRoutes() {
  return createRouter().openapi(
    route(resultsApi.get, {
      summary: 'Results of an experiment: per metric and variant, effects with intervals, verdicts, series, SRM and health warnings',
      middleware: [requireRole('viewer')] as const,
      responseDescription: 'Results',
      responses: { 404: { ...errorResponses[400], description: 'No such experiment' }, ...errorResponses },
    }),
    async (c) => c.json(await experimentResults(c.get('services'), c.req.valid('param').id, c.req.valid('query')), 200),
  );
}
