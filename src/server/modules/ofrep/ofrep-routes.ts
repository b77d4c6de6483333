import { Hono, type Context } from 'hono';
import { evaluateAll, type EvaluationContext } from '../../../shared/evaluation';
import type { AppEnv } from '../../http/env';
import { CLOSE_CONNECTION, contextLimitError, OFREP_MAX_BODY_BYTES, readLimitedBody } from '../../http/limits';
import type { SdkRateLimiter } from '../../http/sdk-rate-limit';
import type { SdkKeyRecord } from '../../store/types';
import { RequestedKeyRecorder } from './requested-keys';
import { OfrepResponseCache } from './response-cache';
import type { Services } from '../../services';
import { dropSentBehaviour, withBehaviour } from '../behaviour/behaviour-context';

// OpenFeature Remote Evaluation Protocol (docs/ofrep.md). Errors use OFREP's own shapes, not
// problem+json, because the official providers parse these fields.

type OfrepErrorCode = 'PARSE_ERROR' | 'TARGETING_KEY_MISSING' | 'INVALID_CONTEXT' | 'GENERAL' | 'FLAG_NOT_FOUND';
class OfrepError extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 500,
    readonly errorCode: OfrepErrorCode,
    readonly errorDetails: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(errorDetails);
  }
}

/** Reads `{context: {targetingKey, ...}}`, refusing what the spec says to refuse and what breaks our limits (limits.ts). */
async function readContext(c: Context): Promise<EvaluationContext> {
  const read = await readLimitedBody(c.req.raw, OFREP_MAX_BODY_BYTES);
  if (!read.ok) throw new OfrepError(413, 'GENERAL', `The body is larger than ${OFREP_MAX_BODY_BYTES} bytes`, CLOSE_CONNECTION);
  const text = read.text;
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
  const overLimit = contextLimitError(context as Record<string, unknown>);
  if (overLimit) throw new OfrepError(400, 'INVALID_CONTEXT', overLimit);
  dropSentBehaviour(context as Record<string, unknown>);
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

const UNAUTHORIZED = JSON.stringify({ errorDetails: 'Send a valid SDK key as `Authorization: Bearer <key>`' });

/**
 * The OFREP endpoints, under `/ofrep/v1` when mounted with `app.route('/ofrep/v1', ...)`.
 * No middleware: each route checks the SDK key itself, and waits only for what it must (the
 * request body; the store only when the key or the compiled configuration is not cached).
 * Requests for paths it does not route get `unrouted` (an OFREP 404, after the key check) when
 * the mounting app's notFound hands them over.
 */
export function ofrepRoutes(services: Services, rateLimiter: SdkRateLimiter) {
  const configs = services.configs;
  const keys = services.sdkKeyAuth;
  const requested = new RequestedKeyRecorder(services);
  const responses = new OfrepResponseCache({
    ok: (etag) => ({ 'content-type': 'application/json', ...CORS_HEADERS, etag, 'cache-control': 'no-cache' }),
    notModified: (etag) => ({ ...CORS_HEADERS, etag }),
  });
  const app = new Hono<AppEnv>();

  /** The active SDK key the request carries (without waiting when the answer is cached), or null. */
  const sdkKey = (c: Context): SdkKeyRecord | null | Promise<SdkKeyRecord | null> => {
    const headers = { authorization: c.req.header('authorization'), apiKey: c.req.header('x-api-key') };
    const key = keys.cached(headers);
    return key === undefined ? keys.authenticate(headers) : key;
  };
  /** The answer refusing the request (no key, or over the key's rate limit), or null to go on. */
  const refusal = (key: SdkKeyRecord | null): Response | null => {
    if (!key) return json(UNAUTHORIZED, 401);
    const retryAfter = rateLimiter.take(key.id);
    return retryAfter === 0 ? null : json(JSON.stringify({ errorDetails: 'Too many requests for this SDK key' }), 429, { 'retry-after': String(retryAfter) });
  };

  app.options('*', () => new Response(null, { status: 204, headers: PREFLIGHT_HEADERS }));

  app.post('/evaluate/flags/:key', async (c) => {
    const found = sdkKey(c);
    const sdk = found instanceof Promise ? await found : found;
    const refused = refusal(sdk);
    if (refused) return refused;
    const key = c.req.param('key');
    try {
      const context = await readContext(c);
      const environmentId = sdk!.environmentId;
      services.knownUsers.observe(environmentId, context);
      const compiled = configs.ready(environmentId) ?? (await configs.get(environmentId));
      const result = compiled.evaluate(key, withBehaviour(services, environmentId, context, compiled.behaviourRules));
      if (!result) {
        requested.record(key);
        throw new OfrepError(404, 'FLAG_NOT_FOUND', `No parameter has the key "${key}"`);
      }
      services.exposures.observe(compiled, context.targetingKey, result);
      return json(responses.fragment(compiled, result).json, 200);
    } catch (error) {
      return ofrepError(error, services, key);
    }
  });

  app.post('/evaluate/flags', async (c) => {
    const found = sdkKey(c);
    const sdk = found instanceof Promise ? await found : found;
    const refused = refusal(sdk);
    if (refused) return refused;
    try {
      const context = await readContext(c);
      const environmentId = sdk!.environmentId;
      services.knownUsers.observe(environmentId, context);
      const compiled = configs.ready(environmentId) ?? (await configs.get(environmentId));
      const results = evaluateAll(compiled, withBehaviour(services, environmentId, context, compiled.behaviourRules));
      services.exposures.observe(compiled, context.targetingKey, results);
      const bulk = responses.bulk(compiled, results);
      if (c.req.header('if-none-match') === bulk.etag) return new Response(null, { status: 304, headers: bulk.notModifiedHeaders });
      return new Response(bulk.bytes, { status: 200, headers: bulk.headers });
    } catch (error) {
      return ofrepError(error, services);
    }
  });

  // Not a catch-all route: one would match beside every route above and make Hono run each request
  // through its middleware composer. The mounting app's notFound calls this for /ofrep/v1/* instead.
  const unrouted = async (c: Context): Promise<Response> => {
    const found = sdkKey(c);
    const refused = refusal(found instanceof Promise ? await found : found);
    if (refused) return refused;
    return json(JSON.stringify({ errorCode: 'GENERAL', errorDetails: `No OFREP route ${c.req.method} ${c.req.path}` }), 404);
  };
  return Object.assign(app, { unrouted });
}

function ofrepError(error: unknown, services: Services, key?: string): Response {
  if (error instanceof OfrepError) {
    return json(JSON.stringify({ ...(key !== undefined && { key }), errorCode: error.errorCode, errorDetails: error.errorDetails }), error.status, error.headers);
  }
  services.log('OFREP evaluation failed', error);
  return json(JSON.stringify({ ...(key !== undefined && { key }), errorCode: 'GENERAL', errorDetails: 'Evaluation failed on the server' }), 500);
}
