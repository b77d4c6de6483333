import { z } from 'zod';
import { isoDateTimeSchema } from './common';

/**
 * Keys apps use for /ofrep and /sdk. Client keys may only evaluate (safe to ship inside an app);
 * server keys evaluate and send events.
 */
export const sdkKeyKindSchema = z.enum(['client', 'server']);
export type SdkKeyKind = z.infer<typeof sdkKeyKindSchema>;

export const sdkKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: sdkKeyKindSchema,
  /** The environment whose values the key reads: apps never name one, the key selects it. */
  environmentId: z.string(),
  /** Client keys only: whether the app may also send events with it. */
  allowEvents: z.boolean(),
  prefix: z.string(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  lastUsedAt: isoDateTimeSchema.nullable(),
  revokedAt: isoDateTimeSchema.nullable(),
});
export type SdkKey = z.infer<typeof sdkKeySchema>;
export const sdkKeyListSchema = z.object({ items: z.array(sdkKeySchema) });

export const createSdkKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name').max(100, 'Use at most 100 characters'),
  kind: sdkKeyKindSchema,
  allowEvents: z.boolean().default(false),
  environmentId: z.string().min(1, 'Choose an environment').max(64).default('production'),
});
export type CreateSdkKeyBody = z.input<typeof createSdkKeyBodySchema>;

export const createdSdkKeySchema = z.object({ key: sdkKeySchema, secret: z.string() });
export type CreatedSdkKey = z.infer<typeof createdSdkKeySchema>;
