import type { z } from 'zod';

export type EndpointMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type EndpointStatus = 200 | 201 | 202 | 204;

/**
 * One HTTP endpoint of the API, written once and read by both sides: the server turns it into its
 * route (validation and the OpenAPI document), the web client into a typed call. `path` is the full
 * path with `{name}` placeholders, as OpenAPI writes them. `response: null` answers 204 No Content.
 */
export interface EndpointShape {
  readonly method: EndpointMethod;
  readonly path: `/api${string}`;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType | null;
  /** The success status; 200 unless given (204 when `response` is null). */
  readonly status?: EndpointStatus;
}

export function defineEndpoint<const E extends EndpointShape>(endpoint: E): E {
  return endpoint;
}

type PartOf<E, K extends 'params' | 'query' | 'body'> = E extends { readonly [P in K]: infer S extends z.ZodType } ? S : undefined;

/** What the caller sends: path parameters, query and body, each as the schema's input. */
export type EndpointParams<E extends EndpointShape> = PartOf<E, 'params'> extends z.ZodType ? z.input<PartOf<E, 'params'>> : undefined;
export type EndpointQuery<E extends EndpointShape> = PartOf<E, 'query'> extends z.ZodType ? z.input<PartOf<E, 'query'>> : undefined;
export type EndpointBody<E extends EndpointShape> = PartOf<E, 'body'> extends z.ZodType ? z.input<PartOf<E, 'body'>> : undefined;

/** What a successful call answers (undefined for 204). */
export type EndpointResponse<E extends EndpointShape> = E['response'] extends z.ZodType ? z.output<E['response']> : undefined;

export type EndpointSuccessStatus<E extends EndpointShape> = E extends { readonly status: infer S extends EndpointStatus } ? S : E['response'] extends null ? 204 : 200;

/** The input object a caller passes: only the parts the endpoint has, required when the schema requires them. */
export type EndpointInput<E extends EndpointShape> = (PartOf<E, 'params'> extends z.ZodType ? { params: EndpointParams<E> } : { params?: undefined }) &
  (PartOf<E, 'query'> extends z.ZodType ? (Record<never, never> extends EndpointQuery<E> ? { query?: EndpointQuery<E> } : { query: EndpointQuery<E> }) : { query?: undefined }) &
  (PartOf<E, 'body'> extends z.ZodType ? { body: EndpointBody<E> } : { body?: undefined });

export function successStatusOf(endpoint: EndpointShape): EndpointStatus {
  return endpoint.status ?? (endpoint.response === null ? 204 : 200);
}

/** The request path with `{name}` placeholders filled in (URI-encoded) and the query appended (empty values left out). */
export function endpointUrl(endpoint: EndpointShape, params?: Record<string, unknown>, query?: Record<string, unknown>): string {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`${describeEndpoint(endpoint)}: path parameter "${name}" is missing`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    // An empty filter field means no filter, as in a form.
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const queryString = search.toString();
  return queryString ? `${path}?${queryString}` : path;
}

export function describeEndpoint(endpoint: EndpointShape): string {
  return `${endpoint.method} ${endpoint.path}`;
}
