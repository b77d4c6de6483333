import { Hono, type Context } from 'hono';
import { evaluateAll, type EvaluationContext } from '../../../shared/evaluation';
import type { AppEnv } from '../../http/env';
import { RequestedKeyRecorder } from './requested-keys';
import { OfrepResponseCache } from './response-cache';
import type { Services } from '../../services';

// OpenFeature Remote Evaluation Protocol (spec/ofrep.md). Errors use OFREP's own shapes, not
// problem+json, because the official providers parse these fields.

type OfrepErrorCode = 'PARSE_ERROR' | 'TARGETING_KEY_MISSING' | 'INVALID_CONTEXT' | 'GENERAL' | 'FLAG_NOT_FOUND';
class OfrepError extends Error {
  constructor(
    readonly status: 400 | 404 | 500,
    readonly errorCode: OfrepErrorCode,
    readonly errorDetails: string,
  ) {
    super(errorDetails);
  }
}

const MAX_BODY_BYTES = 64 * 1024;

/** Reads `{context: {targetingKey, ...}}`, refusing what the spec says to refuse. */
async function readContext(c: Context): Promise<EvaluationContext> {
  const text = await c.req.text();
  if (text.length > MAX_BODY_BYTES) throw new OfrepError(400, 'PARSE_ERROR', `The body is larger than ${MAX_BODY_BYTES} bytes`);
  let body: unknown = {};
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new OfrepError(400, 'PARSE_ERROR', 'The body is not valid JSON');
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new OfrepError(400, 'PARSE_ERROR', 'The body must be a JSON object');
  const context = (body as { context?: unknown }).context ?? {};
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new OfrepError(400, 'INVALID_CONTEXT', '`context` must be an object of attributes');
  }
  const targetingKey = (context as { targetingKey?: unknown }).targetingKey;
  if (targetingKey === undefined || targetingKey === null || targetingKey === '') {
    throw new OfrepError(400, 'TARGETING_KEY_MISSING', '`context.targetingKey` is required: a stable id of the user or device');
  }
  if (typeof targetingKey !== 'string') throw new OfrepError(400, 'INVALID_CONTEXT', '`context.targetingKey` must be a string');
  return context as EvaluationContext;
}

// Any web app may call OFREP with its SDK key (no cookies involved), so CORS allows every origin.
// The headers go into each response as it is built: mutating a response's headers afterwards (as
// hono/cors does) pushes @hono/node-server off its fast path, which halved throughput.
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag',
  'cross-origin-resource-policy': 'cross-origin',
};
const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, If-None-Match, X-API-Key',
  'access-control-max-age': '600',
};

const json = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'application/json', ...CORS_HEADERS, ...headers } });

export function ofrepRoutes(services: Services) {
  const configs = services.configs;
  const keys = services.sdkKeyAuth;
  const requested = new RequestedKeyRecorder(services);
  const responses = new OfrepResponseCache();
  const app = new Hono<AppEnv>();

  app.options('*', () => new Response(null, { status: 204, headers: PREFLIGHT_HEADERS }));
  app.use('*', async (c, next) => {
    const key = await keys.authenticate({ authorization: c.req.header('authorization'), apiKey: c.req.header('x-api-key') });
    if (!key) return json(JSON.stringify({ errorDetails: 'Send a valid SDK key as `Authorization: Bearer <key>`' }), 401);
    await next();
  });

  app.post('/evaluate/flags/:key', async (c) => {
    const key = c.req.param('key');
    try {
      const context = await readContext(c);
      services.knownUsers.observe(context);
      const config = await configs.get();
      const result = config.evaluate(key, context);
      if (!result) {
        requested.record(key);
        throw new OfrepError(404, 'FLAG_NOT_FOUND', `No parameter has the key "${key}"`);
      }
      return json(responses.fragment(config, result).json, 200);
    } catch (error) {
      return ofrepError(error, services, key);
    }
  });

  app.post('/evaluate/flags', async (c) => {
    try {
      const context = await readContext(c);
      services.knownUsers.observe(context);
      const config = await configs.get();
      const { body, etag } = responses.bulk(config, evaluateAll(config, context));
      if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers: { ...CORS_HEADERS, etag } });
      return json(body, 200, { etag, 'cache-control': 'no-cache' });
    } catch (error) {
      return ofrepError(error, services);
    }
  });

  app.all('*', (c) => json(JSON.stringify({ errorCode: 'GENERAL', errorDetails: `No OFREP route ${c.req.method} ${c.req.path}` }), 404));
  return app;
}

function ofrepError(error: unknown, services: Services, key?: string): Response {
  if (error instanceof OfrepError) {
    return json(JSON.stringify({ ...(key !== undefined && { key }), errorCode: error.errorCode, errorDetails: error.errorDetails }), error.status);
  }
  services.log('OFREP evaluation failed', error);
  return json(JSON.stringify({ ...(key !== undefined && { key }), errorCode: 'GENERAL', errorDetails: 'Evaluation failed on the server' }), 500);
}
