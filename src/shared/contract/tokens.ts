import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { roleSchema } from './auth';

/** An API token for automation (Authorization: Bearer). The secret itself is shown once, at creation. */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  lastUsedAt: isoDateTimeSchema.nullable(),
  revokedAt: isoDateTimeSchema.nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

export const createApiTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name').max(100, 'Use at most 100 characters'),
  role: roleSchema,
});
export type CreateApiTokenBody = z.infer<typeof createApiTokenBodySchema>;

export const createdApiTokenSchema = z.object({ token: apiTokenSchema, secret: z.string() });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
