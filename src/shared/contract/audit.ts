import { z } from 'zod';
import { isoDateTimeSchema } from './common';

export const auditObjectTypes = ['user', 'apiToken', 'sdkKey', 'environment', 'changeRequest', 'parameter', 'segment', 'experiment', 'metric', 'webhook', 'rollout'] as const;
export const auditObjectTypeSchema = z.enum(auditObjectTypes);
export type AuditObjectType = z.infer<typeof auditObjectTypeSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: isoDateTimeSchema,
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  objectType: auditObjectTypeSchema,
  objectId: z.string(),
  objectLabel: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const listAuditQuerySchema = z.strictObject({
  objectType: auditObjectTypeSchema.optional(),
  objectId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditQuery = z.input<typeof listAuditQuerySchema>;

export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;
