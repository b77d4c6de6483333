import type { QueryClient } from '@tanstack/react-query';
import { apiErrorFromResponse, networkError } from './api-error';
import { CSRF_HEADER_NAME, readCsrfToken } from './session-cache';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['GET']);

/**
 * Calls the Switchboard API: JSON in and out, the session's CSRF token on every write, and any
 * non-2xx answer thrown as an ApiError (problem+json parsed into status, title, detail and
 * fieldErrors). `client` is the QueryClient holding the session: queryFn and mutationFn both
 * receive it in their context.
 */
export async function apiRequest<T>(client: QueryClient, path: string, options: ApiRequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (!SAFE_METHODS.has(method)) {
    const csrfToken = readCsrfToken(client);
    if (csrfToken) headers.set(CSRF_HEADER_NAME, csrfToken);
  }

  let response: Response;
  try {
    response = await fetch(new URL(path, window.location.origin), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw networkError();
  }

  const body = await readBody(response);
  if (!response.ok) throw apiErrorFromResponse(response, body);
  return body as T;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  if (!/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
