import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { promoteBodySchema } from './experiments';
import { targetingRuleSchema } from './parameters';

/**
 * Change requests: in an environment that requires approval, changes to what apps receive are
 * proposed as a draft, reviewed by someone other than the author and published in one
 * transaction. Anywhere, a change request can be scheduled to publish at a time.
 */

export const changeRequestStatuses = ['open', 'published', 'discarded'] as const;
export const changeRequestStatusSchema = z.enum(changeRequestStatuses);
export type ChangeRequestStatus = z.infer<typeof changeRequestStatusSchema>;

/** A parameter's per-environment part as the change proposes it. */
export const proposedSettingsSchema = z.strictObject({
  defaultValue: z.unknown(),
  killed: z.boolean(),
  rules: z.array(targetingRuleSchema).max(100, 'Use at most 100 rules'),
});

export const changeItemSchema = z.object({
  parameterId: z.string(),
  parameterKey: z.string(),
  parameterName: z.string(),
  /** The environment's version of the parameter the change was made against. */
  baseVersion: z.number().int(),
  before: z.object({ defaultValue: z.unknown(), killed: z.boolean(), rules: z.array(z.unknown()) }),
  after: z.object({ defaultValue: z.unknown(), killed: z.boolean(), rules: z.array(z.unknown()) }),
});
export type ChangeItem = z.infer<typeof changeItemSchema>;

/** Where approval is required, starting an experiment and promoting its winner are changes too. */
export const experimentChangeSchema = z.object({
  experimentId: z.string(),
  experimentKey: z.string(),
  experimentName: z.string(),
  action: z.enum(['start', 'promote']),
  /** The experiment's version the change was made against. */
  baseVersion: z.number().int(),
  /** For a promotion: which variant, to whom, and the risk phrase when the check asked for one. */
  promote: z
    .object({ variant: z.string(), audience: z.unknown(), confirmRisk: z.string().optional() })
    .nullable(),
});
export type ExperimentChange = z.infer<typeof experimentChangeSchema>;

export const reviewSchema = z.object({
  userId: z.string(),
  userName: z.string(),
  verdict: z.enum(['approve', 'requestChanges']),
  /** The revision reviewed: an edit to the draft starts a new revision, so older approvals lapse. */
  revision: z.number().int(),
  at: isoDateTimeSchema,
});

export const commentSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  userName: z.string(),
  body: z.string(),
  at: isoDateTimeSchema,
});

export const changeRequestSchema = z.object({
  id: z.string(),
  environmentId: z.string(),
  title: z.string(),
  status: changeRequestStatusSchema,
  items: z.array(changeItemSchema),
  experiments: z.array(experimentChangeSchema),
  authorId: z.string().nullable(),
  authorName: z.string(),
  /** Everyone who edited the changes after the author: none of them may approve (four eyes). */
  editorIds: z.array(z.string()).optional(),
  /** Bumped by every edit of the items; reviews of older revisions no longer count. */
  revision: z.number().int(),
  reviews: z.array(reviewSchema),
  comments: z.array(commentSchema),
  /** Whether it may be published now: approved (when the environment requires it) and not stale. */
  approved: z.boolean(),
  publishAt: isoDateTimeSchema.nullable(),
  publishedAt: isoDateTimeSchema.nullable(),
  publishedBy: z.string().nullable(),
  /** Set when an admin published without the approval the environment requires. */
  bypassReason: z.string().nullable(),
  /** Why the last scheduled publish failed (a conflict), until it is rebased or rescheduled. */
  lastError: z.string().nullable(),
  version: z.number().int(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type ChangeRequest = z.infer<typeof changeRequestSchema>;
export const changeRequestListSchema = z.object({ items: z.array(changeRequestSchema) });

const titleSchema = z.string().trim().min(1, 'Enter a title').max(200, 'Use at most 200 characters');
const changeInputSchema = z.strictObject({
  parameterId: z.string().min(1).max(64),
  /** The environment's version of the parameter the author saw. */
  baseVersion: z.number().int().min(1),
  after: proposedSettingsSchema,
});
export type ChangeInput = z.input<typeof changeInputSchema>;

const experimentInputSchema = z.strictObject({
  experimentId: z.string().min(1).max(64),
  action: z.enum(['start', 'promote']),
  baseVersion: z.number().int().min(1),
  promote: promoteBodySchema.pick({ variant: true, audience: true, confirmRisk: true }).optional(),
});

export const createChangeRequestBodySchema = z
  .strictObject({
    environmentId: z.string().min(1).max(64),
    title: titleSchema,
    changes: z.array(changeInputSchema).max(100, 'At most 100 parameters per change request').default([]),
    experiments: z.array(experimentInputSchema).max(20, 'At most 20 experiments per change request').default([]),
    comment: z.string().trim().max(5000).optional(),
  })
  .refine((body) => body.changes.length + body.experiments.length > 0, { path: ['changes'], message: 'Propose at least one change' });
export type CreateChangeRequestBody = z.input<typeof createChangeRequestBodySchema>;

/** Replaces or adds changes (by parameter) and may retitle; a new revision, so approvals reset. */
export const updateChangeRequestBodySchema = z.strictObject({
  expectedVersion: z.number().int().min(1),
  title: titleSchema.optional(),
  changes: z.array(changeInputSchema).max(100).optional(),
  /** Parameters whose change is taken out of the request. */
  remove: z.array(z.string().min(1).max(64)).max(100).optional(),
});

export const reviewBodySchema = z.strictObject({
  expectedVersion: z.number().int().min(1),
  verdict: z.enum(['approve', 'requestChanges']),
  comment: z.string().trim().max(5000).optional(),
});

export const commentBodySchema = z.strictObject({ body: z.string().trim().min(1, 'Write a comment').max(5000, 'Use at most 5,000 characters') });

export const publishBodySchema = z.strictObject({
  expectedVersion: z.number().int().min(1),
  /** Admins only: publish without the approval the environment requires, for the stated reason (kept in the audit log). */
  bypassReason: z.string().trim().min(10, 'Say why, in at least 10 characters').max(500).optional(),
});

export const scheduleBodySchema = z.strictObject({
  expectedVersion: z.number().int().min(1),
  /** null takes the schedule off. */
  publishAt: isoDateTimeSchema.nullable(),
});

export const versionBodySchema = z.strictObject({ expectedVersion: z.number().int().min(1) });

export const listChangeRequestsQuerySchema = z.strictObject({
  environment: z.string().min(1).max(64).optional(),
  status: changeRequestStatusSchema.optional(),
});

/** 409 on publish: the parameters that changed since the draft was made. */
export const publishConflictSchema = z.object({
  /** Parameters (`parameterId`, `parameterKey`), and experiments with kind "experiment" (their id and key in the same fields). */
  conflicts: z.array(
    z.object({ kind: z.enum(['parameter', 'experiment']).optional(), parameterId: z.string(), parameterKey: z.string(), baseVersion: z.number().int(), currentVersion: z.number().int() }),
  ),
});

/** Scheduled publishes and experiment starts and ends, for the calendar. */
export const calendarQuerySchema = z.strictObject({
  environment: z.string().min(1).max(64).optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
});
export const calendarEntrySchema = z.object({
  kind: z.enum(['publish', 'experimentStart', 'experimentEnd']),
  at: isoDateTimeSchema,
  title: z.string(),
  /** The change request's or the experiment's id. */
  objectId: z.string(),
  environmentId: z.string(),
});
export const calendarSchema = z.object({ items: z.array(calendarEntrySchema) });
