import { Hono } from 'hono';
import { eventBatchSchema } from '../../../shared/contract/events';
import { eventsApi } from '../../../shared/contract/endpoints/events';
import { AppError } from '../../lib/errors';
import { requireRole } from '../../http/auth-middleware';
import type { AppEnv } from '../../http/env';
import { endpointRoutes } from '../../http/endpoint-route';
import { createRouter, errorResponses } from '../../http/openapi';
import { CLOSE_CONNECTION, EVENTS_MAX_BODY_BYTES, readLimitedBody } from '../../http/limits';
import { fieldErrorsFromZod, problem, problemResponse } from '../../http/problem';
import type { SdkRateLimiter } from '../../http/sdk-rate-limit';
import type { Services } from '../../services';
import { ingestEvents } from './events-service';

const CORS_HEADERS = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };

/** `POST /sdk/v1/events`: apps send track and exposure events with a server key (or a client key allowed to). */
export function sdkEventsRoutes(services: Services, rateLimiter: SdkRateLimiter) {
  const app = new Hono<AppEnv>();
  app.options('*', () =>
    new Response(null, {
      status: 204,
      headers: { ...CORS_HEADERS, 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'Authorization, Content-Type, X-API-Key', 'access-control-max-age': '600' },
    }),
  );
  app.post('/events', async (c) => {
    const answer = (response: Response) => {
      Object.entries(CORS_HEADERS).forEach(([name, value]) => response.headers.set(name, value));
      return response;
    };
    const key = await services.sdkKeyAuth.authenticate({ authorization: c.req.header('authorization'), apiKey: c.req.header('x-api-key') });
    if (!key) return answer(problemResponse(problem(401, 'Unauthorized', 'Send a valid SDK key as `Authorization: Bearer <key>`')));
    if (!key.allowEvents) return answer(problemResponse(problem(403, 'Forbidden', 'This client key may only evaluate; use a server key, or a client key that allows events')));
    const retryAfter = rateLimiter.take(key.id);
    if (retryAfter > 0) return answer(problemResponse(problem(429, 'Too many requests', 'Too many requests for this SDK key'), { 'retry-after': String(retryAfter) }));
    const read = await readLimitedBody(c.req.raw, EVENTS_MAX_BODY_BYTES);
    if (!read.ok) return answer(problemResponse(problem(413, 'Payload too large', 'Send at most 1,000 events (2 MiB) per batch'), CLOSE_CONNECTION));
    const text = read.text;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return answer(problemResponse(problem(400, 'Invalid request', 'The request body is not valid JSON')));
    }
    const batch = eventBatchSchema.safeParse(body);
    if (!batch.success) return answer(problemResponse(problem(400, 'Invalid request', 'The batch is not valid', fieldErrorsFromZod(batch.error))));
    try {
      return answer(c.json(await ingestEvents(services, batch.data.events, key.environmentId), 200));
    } catch (error) {
      if (error instanceof AppError) return answer(problemResponse({ ...problem(error.status, error.title, error.message, error.errors) }));
      throw error;
    }
  });
  return app;
}

/** What apps have sent, for the metric catalog. */
export function eventCatalogRoutes() {
  return createRouter().openapi(
    endpointRoutes('/api/events', { tags: ['Events'] })(eventsApi.catalog, {
      summary: 'Which events and properties apps have sent',
      middleware: [requireRole('viewer')] as const,
      responseDescription: 'Events',
      responses: errorResponses,
    }),
    async (c) => c.json({ items: await c.get('services').store.events.catalog() }, 200),
  );
}
