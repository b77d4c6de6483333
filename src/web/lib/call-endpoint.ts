import type { QueryClient } from '@tanstack/react-query';
import {
  describeEndpoint,
  endpointUrl,
  type EndpointInput,
  type EndpointResponse,
  type EndpointShape,
} from '../../shared/contract/endpoint';
import { apiRequest } from './api-client';

/** Development builds and tests check every answer against its endpoint's schema; production trusts it. */
const CHECK_RESPONSES = import.meta.env.DEV || import.meta.env.MODE === 'test';

/** The server answered a body its endpoint's response schema does not accept: client and server disagree. */
export class ResponseMismatchError extends Error {
  override readonly name = 'ResponseMismatchError';
  constructor(
    readonly endpoint: string,
    readonly issues: readonly string[],
  ) {
    super(`${endpoint} answered a body that does not match its response schema: ${issues.join('; ')}`);
  }
}

type CallInput<E extends EndpointShape> = EndpointInput<E> & { signal?: AbortSignal };
/** The input may be left out when the endpoint needs none. */
type CallArgs<E extends EndpointShape> = Record<never, never> extends EndpointInput<E> ? [input?: CallInput<E>] : [input: CallInput<E>];

/**
 * Calls one endpoint described in src/shared/contract/endpoints: the path filled in from `params`,
 * `query` appended, `body` sent as JSON, and the answer typed by the endpoint's response schema.
 * Errors, cookies and CSRF are apiRequest's.
 */
export async function callEndpoint<const E extends EndpointShape>(client: QueryClient, endpoint: E, ...[input]: CallArgs<E>): Promise<EndpointResponse<E>> {
  const { params, query, body, signal } = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; signal?: AbortSignal };
  const answer = await apiRequest<unknown>(client, endpointUrl(endpoint, params, query), { method: endpoint.method, body, signal });
  if (CHECK_RESPONSES) checkResponse(endpoint, answer);
  return answer as EndpointResponse<E>;
}

function checkResponse(endpoint: EndpointShape, answer: unknown) {
  if (!endpoint.response) return;
  const result = endpoint.response.safeParse(answer);
  if (result.success) return;
  const issues = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw new ResponseMismatchError(describeEndpoint(endpoint), issues);
}
