import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { FieldError, Problem } from '../../shared/contract/common';
import { AppError } from '../lib/errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}

const typeFor = (status: number) => `https://switchboard.dev/problems/${status}`;

export function problem(status: ContentfulStatusCode, title: string, detail?: string, errors?: FieldError[]): Problem {
  return { type: typeFor(status), title, status, ...(detail !== undefined && { detail }), ...(errors && { errors }) };
}

/** zod issues -> field errors with dot paths ("variants.1.weight"); unknown keys name each field. */
export function fieldErrorsFromZod(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const base = [prefix, ...issue.path.map(String)].filter((part) => part !== undefined && part !== '');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'Unknown field', code: issue.code }));
    }
    return [{ path: base.join('.'), message: issue.message, code: issue.code }];
  });
}

/** Validation hook for every route: a failed zod check becomes a 400 with field-level errors. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target?: string },
): Response | undefined {
  if (result.success) return undefined;
  const target = 'target' in result ? result.target : undefined;
  const where = target === 'query' ? 'query' : target === 'param' ? 'path' : 'body';
  return problemResponse(
    problem(400, 'Invalid request', `The request ${where} has invalid fields`, fieldErrorsFromZod(result.error, where === 'body' ? undefined : where)),
  );
}

/** Every thrown error ends here: known ones keep their status, anything else is a 500 without internals. */
export function handleError(error: Error, c: Context, log: (error: unknown) => void): Response {
  if (error instanceof AppError) {
    return problemResponse({ ...problem(error.status, error.title, error.message, error.errors), ...error.extra }, error.headers);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 413) return problemResponse(problem(413, 'Payload too large', 'The request body is larger than this endpoint accepts'));
    if (status === 400) {
      return problemResponse(problem(400, 'Invalid request', malformedBodyDetail(error)));
    }
    if (status < 500) return problemResponse(problem(status as ContentfulStatusCode, 'Request refused', error.message || undefined));
  }
  log(error);
  void c;
  return problemResponse(problem(500, 'Internal error', 'Something went wrong on our side. It has been logged.'));
}

function malformedBodyDetail(error: HTTPException): string {
  const message = error.message || '';
  return /json/i.test(message) ? 'The request body is not valid JSON' : message || 'The request could not be read';
}
