import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import { problemSchema } from '../../shared/contract/common';
import type { AppEnv } from './env';
import { validationHook } from './problem';

/** A router whose routes validate with zod and document themselves in /api/openapi.json. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: (result) => validationHook(result) });
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { content: { 'application/json': { schema } }, required: true, ...(description && { description }) };
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

export const problemContent = (description: string) => ({ content: { 'application/problem+json': { schema: problemSchema } }, description });

/** The error answers every authenticated route can give, for the OpenAPI document. */
export const errorResponses = {
  400: problemContent('Invalid request: field-level details in `errors`'),
  401: problemContent('Not signed in, or the token is unknown or revoked'),
  403: problemContent('The role does not allow this, or the CSRF token is missing'),
} as const;

export const noContent = { 204: { description: 'Done' } } as const;
