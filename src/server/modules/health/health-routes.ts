import { healthApi } from '../../../shared/contract/endpoints/health';
import { healthSchema } from '../../../shared/contract/health';
import { endpointRoutes } from '../../http/endpoint-route';
import { createRouter, jsonContent } from '../../http/openapi';

const route = endpointRoutes('/api/health', { tags: ['Health'] });

export function healthRoutes() {
  return createRouter().openapi(
    route(healthApi.get, {
      summary: 'Liveness and database reachability',
      responseDescription: 'Healthy',
      responses: { 503: jsonContent(healthSchema, 'The database does not answer') },
    }),
    async (c) => {
      const { store, config } = c.get('services');
      const started = performance.now();
      const ok = await store.ping().then(
        () => true,
        () => false,
      );
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: { kind: store.kind, ok, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
        version: config.version,
      };
      return ok ? c.json(body, 200) : c.json(body, 503);
    },
  );
}
