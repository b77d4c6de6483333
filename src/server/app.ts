import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { systemClock, type Clock } from './lib/clock';
import { AppError } from './lib/errors';
import { createPasswordHasher, type PasswordHasher } from './lib/password';
import { authenticate } from './http/auth-middleware';
import type { AppEnv } from './http/env';
import { handleError, problem, problemResponse } from './http/problem';
import { API_MAX_BODY_BYTES, CLOSE_CONNECTION, SEGMENT_MAX_BODY_BYTES } from './http/limits';
import { SdkRateLimiter } from './http/sdk-rate-limit';
import { refuseHostileUrl } from './http/hostile-url';
import { authRoutes, type ClientKeyFn } from './modules/auth/auth-routes';
import { healthRoutes } from './modules/health/health-routes';
import { tokensRoutes } from './modules/tokens/tokens-routes';
import { usersRoutes } from './modules/users/users-routes';
import { auditRoutes } from './modules/audit/audit-routes';
import { ofrepRoutes } from './modules/ofrep/ofrep-routes';
import { environmentsRoutes } from './modules/environments/environments-routes';
import { calendarRoutes, changeRequestsRoutes } from './modules/change-requests/change-requests-routes';
import { parametersRoutes } from './modules/parameters/parameters-routes';
import { sdkKeysRoutes } from './modules/sdk-keys/sdk-keys-routes';
import { experimentsRoutes } from './modules/experiments/experiments-routes';
import { segmentsRoutes } from './modules/segments/segments-routes';
import { audiencesRoutes } from './modules/audiences/audiences-routes';
import { eventCatalogRoutes, sdkEventsRoutes } from './modules/events/events-routes';
import { metricsRoutes } from './modules/metrics/metrics-routes';
import { resultsRoutes } from './modules/results/results-routes';
import { guardedPromotionRoutes, rolloutsRoutes } from './modules/rollouts/rollouts-routes';
import { webhooksRoutes } from './modules/webhooks/webhooks-routes';
import { createServices, type ServerConfig, type Services } from './services';
import type { Store } from './store/types';

export interface CreateAppOptions {
  store: Store;
  clock?: Clock;
  passwords?: PasswordHasher;
  config?: Partial<ServerConfig>;
  /** Identifies the caller for login rate limiting (the Node entry passes the socket address). */
  clientKey?: ClientKeyFn;
  /** Serves the built dashboard for every path outside the APIs (Node entry only). */
  dashboard?: MiddlewareHandler;
  /** CSP sources of the dashboard's inline scripts (node/static-dashboard.ts's inlineScriptHashes). */
  dashboardScriptHashes?: string[];
  /** Compresses the API's answers (Node entry only: see node/compress-api.ts). */
  apiCompression?: MiddlewareHandler;
  log?: Services['log'];
}

// The dashboard needs inline styles (Mantine's CSS variables) and images/videos from the
// URLs marketers enter; scripts only from our own origin (and index.html's own inline scripts, by hash).
const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:', 'https:', 'http:'],
  mediaSrc: ["'self'", 'https:', 'http:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/** The whole server as a fetch handler: runs under Node (src/server/main.ts) and in the browser mock. */
export function createApp(options: CreateAppOptions) {
  const services = createServices({
    store: options.store,
    clock: options.clock ?? systemClock,
    passwords: options.passwords ?? createPasswordHasher(),
    config: options.config,
    log: options.log,
  });
  const clientKey: ClientKeyFn = options.clientKey ?? (() => 'unknown');

  const app = new OpenAPIHono<AppEnv>();
  // Apps' JSON endpoints (/ofrep, /sdk) skip the browser-page headers: they are hot and need none.
  // HSTS only when served over HTTPS (SECURE_COOKIES): over plain HTTP it is meaningless at best.
  // X-Frame-Options agrees with the CSP's frame-ancestors 'none' for browsers without CSP 2.
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: { ...contentSecurityPolicy, scriptSrc: [...contentSecurityPolicy.scriptSrc, ...(options.dashboardScriptHashes ?? [])] },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    strictTransportSecurity: services.config.secureCookies ? 'max-age=15552000; includeSubDomains' : false,
  });
  app.use('*', (c, next) => (c.req.path.startsWith('/ofrep/') || c.req.path.startsWith('/sdk/') ? next() : pageHeaders(c, next)));
  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        // Refused on Content-Length (or mid-stream) with the rest unread: close rather than keep alive.
        throw new AppError(413, 'Payload too large', `The request body is over ${maxSize / 1024} KiB`, undefined, CLOSE_CONNECTION);
      },
    });
  const segmentLimit = limitBody(SEGMENT_MAX_BODY_BYTES);
  const apiLimit = limitBody(API_MAX_BODY_BYTES);
  app.use('/api/*', (c, next) => (/^\/api\/segments(\/[^/]+)?$/.test(c.req.path) ? segmentLimit(c, next) : apiLimit(c, next)));
  if (options.apiCompression) app.use('/api/*', options.apiCompression);
  app.use('/api/*', authenticate);

  app.route('/api/health', healthRoutes());
  app.route('/api/auth', authRoutes(clientKey));
  app.route('/api/users', usersRoutes());
  app.route('/api/tokens', tokensRoutes());
  app.route('/api/audit', auditRoutes());
  app.route('/api/environments', environmentsRoutes());
  app.route('/api/change-requests', changeRequestsRoutes());
  app.route('/api/calendar', calendarRoutes());
  app.route('/api/parameters', parametersRoutes());
  app.route('/api/sdk-keys', sdkKeysRoutes());
  app.route('/api/segments', segmentsRoutes());
  app.route('/api', audiencesRoutes());
  app.route('/api/events', eventCatalogRoutes());
  app.route('/api/metrics', metricsRoutes());
  app.route('/api/experiments', experimentsRoutes());
  app.route('/api/experiments', resultsRoutes());
  app.route('/api/experiments', guardedPromotionRoutes());
  app.route('/api/rollouts', rolloutsRoutes());
  app.route('/api/webhooks', webhooksRoutes());
  // Apps' endpoints are hot: a lean app of their own answers them without the API's middleware
  // chain (see `app.fetch` below); what it does not route falls through to the full app.
  const apps = new Hono<AppEnv>();
  apps.use('/sdk/*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  const sdkRateLimiter = new SdkRateLimiter(services.config.sdkRateLimitPerMin);
  const ofrep = ofrepRoutes(services, sdkRateLimiter);
  apps.route('/ofrep/v1', ofrep);
  apps.route('/sdk/v1', sdkEventsRoutes(services, sdkRateLimiter));

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Switchboard API', version: services.config.version, description: 'Dashboard and automation API. Errors are application/problem+json.' },
    security: [{ session: [] }, { bearer: [] }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'sb_session' });

  app.all('/api/*', (c) => problemResponse(problem(404, 'Not found', `No API route ${c.req.method} ${c.req.path}`)));
  if (options.dashboard) app.use('*', options.dashboard);
  app.notFound((c: Context) => problemResponse(problem(404, 'Not found', `Nothing at ${c.req.path}`)));
  const onError = (error: Error, c: Context) => handleError(error, c, (detail) => services.log('Unhandled error', detail));
  app.onError(onError);

  const full = app.fetch;
  apps.notFound((c) => (/^\/ofrep\/v1(\/|$)/.test(c.req.path) ? ofrep.unrouted(c) : full(c.req.raw, c.env)));
  apps.onError(onError);
  app.fetch = (request, env, executionCtx) =>
    refuseHostileUrl(request.url) ?? (isAppsPath(request.url) ? apps.fetch(request, env, executionCtx) : full(request, env, executionCtx));
  return Object.assign(app, { services });
}

/** `/ofrep/...` or `/sdk/...`, read straight off the URL. */
function isAppsPath(url: string): boolean {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  return start !== -1 && (url.startsWith('/ofrep/', start) || url.startsWith('/sdk/', start));
}

export type SwitchboardApp = ReturnType<typeof createApp>;
