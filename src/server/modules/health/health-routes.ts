import { createRoute } from '@hono/zod-openapi';
import { healthSchema } from '../../../shared/contract/health';
import { createRouter, jsonContent } from '../../http/openapi';

export function healthRoutes() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Health'],
      summary: 'Liveness and database reachability',
      responses: { 200: jsonContent(healthSchema, 'Healthy'), 503: jsonContent(healthSchema, 'The database does not answer') },
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
