import type { FieldError, Problem } from '../../shared/contract/common';

/** Status 0 marks a request that never got an answer (offline, DNS, server down). */
export const NETWORK_ERROR_STATUS = 0;

/** A failed /api call: the problem+json the server answered with, or a network failure (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  /** Field-level problems; `path` is the dot path of the field ("email", "variants.1.weight"). */
  readonly fieldErrors: FieldError[];
  /** Seconds to wait before retrying, from the Retry-After header (429). */
  readonly retryAfterSeconds: number | undefined;
  /** The whole answer, for problem extensions some endpoints add (a publish's `conflicts`). */
  readonly body: unknown;

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    type?: string;
    fieldErrors?: FieldError[];
    retryAfterSeconds?: number;
    body?: unknown;
  }) {
    super(init.detail ?? init.title);
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.body = init.body;
  }

  /** What to tell a person: the server's detail when it gave one, else its title. */
  get userMessage(): string {
    return this.detail ?? this.title;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isUnauthorized(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

export function networkError(): ApiError {
  return new ApiError({
    status: NETWORK_ERROR_STATUS,
    title: 'Network error',
    detail: 'Switchboard could not be reached. Check your connection and try again.',
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): FieldError[] => {
    if (!isRecord(item) || typeof item.path !== 'string' || typeof item.message !== 'string') return [];
    return [{ path: item.path, message: item.message, ...(typeof item.code === 'string' && { code: item.code }) }];
  });
}

/** Builds the error for a non-2xx answer; tolerates bodies that are not problem+json (proxies, HTML error pages). */
export function apiErrorFromResponse(response: Response, body: unknown): ApiError {
  const problem: Partial<Problem> = isRecord(body) ? body : {};
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError({
    status: response.status,
    title: typeof problem.title === 'string' ? problem.title : response.statusText || `Request failed (${response.status})`,
    detail: typeof problem.detail === 'string' ? problem.detail : undefined,
    type: typeof problem.type === 'string' ? problem.type : undefined,
    fieldErrors: readFieldErrors(problem.errors),
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    body,
  });
}

/** A sentence for any thrown value, for alerts and notifications. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.userMessage;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
