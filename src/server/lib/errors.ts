import type { FieldError } from '../../shared/contract/common';

/** Errors a service throws; the HTTP layer turns each into problem+json with the right status. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503,
    readonly title: string,
    message?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** Extra members of the problem document (e.g. `current` on a version conflict). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message ?? title);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new AppError(400, 'Invalid request', detail, errors);
export const unauthorized = (detail = 'Sign in to continue') => new AppError(401, 'Unauthorized', detail);
export const forbidden = (detail = 'Your role does not allow this') => new AppError(403, 'Forbidden', detail);
export const notFound = (detail = 'Not found') => new AppError(404, 'Not found', detail);
export const conflict = (detail: string, errors?: FieldError[], extra?: Record<string, unknown>) => new AppError(409, 'Conflict', detail, errors, undefined, extra);

/** Thrown by stores when a unique constraint is violated; services turn it into a 409 with the field. */
export class UniqueViolation extends Error {
  constructor(readonly field: string) {
    super(`Duplicate value for ${field}`);
  }
}
