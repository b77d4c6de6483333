import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { z } from 'zod';
import { successStatusOf, type EndpointShape, type EndpointSuccessStatus } from '../../shared/contract/endpoint';

type RelativePath<P extends string, Mount extends string> = P extends `${Mount}${infer Rest}` ? (Rest extends '' ? '/' : Rest) : never;

type NoPart = Record<never, never>;
type JsonBody<S extends z.ZodType> = { content: { 'application/json': { schema: S } }; required: true };
type RequestOf<E extends EndpointShape> = (E extends { params: infer S extends z.ZodType } ? { params: S } : NoPart) &
  (E extends { query: infer S extends z.ZodType } ? { query: S } : NoPart) &
  (E extends { body: infer S extends z.ZodType } ? { body: JsonBody<S> } : NoPart);

type SuccessOf<E extends EndpointShape> = {
  [S in EndpointSuccessStatus<E>]: E['response'] extends z.ZodType ? { content: { 'application/json': { schema: E['response'] } }; description: string } : { description: string };
};

/** What a route adds to its endpoint's description: documentation, middleware and its error answers. */
export interface EndpointRouteOptions {
  summary: string;
  description?: string;
  /** Describes the success answer in the OpenAPI document. */
  responseDescription?: string;
  middleware?: RouteConfig['middleware'];
  /** Error answers (problem+json), as `errorResponses` and friends give them. */
  responses?: object;
  /** Instead of the router's tags. */
  tags?: string[];
  hide?: boolean;
}

type ConfigFor<E extends EndpointShape, Mount extends string, O extends EndpointRouteOptions> = Omit<O, 'responses' | 'responseDescription'> & {
  method: Lowercase<E['method']>;
  path: RelativePath<E['path'], Mount>;
  tags: string[];
  request: RequestOf<E>;
  responses: SuccessOf<E> & (O['responses'] extends object ? O['responses'] : NoPart);
};

/**
 * Routes for the endpoints under `mount` (where the router is mounted): each call turns one shared
 * endpoint description into the `createRoute` config, so method, path, params, query, body and
 * response are written once, in src/shared/contract/endpoints.
 */
export function endpointRoutes<const Mount extends string>(mount: Mount, defaults: { tags: string[] }) {
  return function route<const E extends EndpointShape, const O extends EndpointRouteOptions>(endpoint: E, options: O) {
    if (!endpoint.path.startsWith(mount)) throw new Error(`${endpoint.path} is not under ${mount}`);
    const { responseDescription, responses, ...rest } = options;
    const request: Record<string, unknown> = {};
    if (endpoint.params) request.params = endpoint.params;
    if (endpoint.query) request.query = endpoint.query;
    if (endpoint.body) request.body = { content: { 'application/json': { schema: endpoint.body } }, required: true };
    const success = endpoint.response
      ? { content: { 'application/json': { schema: endpoint.response } }, description: responseDescription ?? 'Done' }
      : { description: responseDescription ?? 'Done' };
    const config = {
      ...rest,
      method: endpoint.method.toLowerCase(),
      path: endpoint.path.slice(mount.length) || '/',
      tags: options.tags ?? defaults.tags,
      ...(Object.keys(request).length > 0 && { request }),
      responses: { [successStatusOf(endpoint)]: success, ...responses },
    };
    return createRoute(config as never) as unknown as ConfigFor<E, Mount, O> & { getRoutingPath(): string };
  };
}
