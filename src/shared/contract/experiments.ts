import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { parameterKeySchema, ruleAudienceSchema, tagSchema } from './parameters';
import { reachSchema } from './segments';

export const MAX_VARIANTS = 10;
export const MAX_TEST_USERS = 100;

export const experimentStatuses = ['draft', 'scheduled', 'running', 'paused', 'completed', 'archived'] as const;
export const experimentStatusSchema = z.enum(experimentStatuses);
export type ExperimentStatus = z.infer<typeof experimentStatusSchema>;

/** Lifecycle actions; the server allows each only from the statuses listed in `transitions`. */
export const experimentActions = ['schedule', 'unschedule', 'start', 'pause', 'resume', 'complete', 'archive'] as const;
export type ExperimentAction = (typeof experimentActions)[number];
export const transitions: Record<ExperimentAction, { from: readonly ExperimentStatus[]; to: ExperimentStatus }> = {
  schedule: { from: ['draft'], to: 'scheduled' },
  unschedule: { from: ['scheduled'], to: 'draft' },
  start: { from: ['draft', 'scheduled'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  complete: { from: ['running', 'paused'], to: 'completed' },
  archive: { from: ['draft', 'completed'], to: 'archived' },
};

export const experimentKeySchema = z
  .string()
  .trim()
  .min(1, 'Enter a key')
  .max(100, 'Use at most 100 characters')
  .regex(/^[a-z][a-z0-9_-]*$/, 'Start with a lowercase letter; use lowercase letters, digits, "_" and "-"');

export const variantKeySchema = z
  .string()
  .trim()
  .min(1, 'Enter a key')
  .max(40, 'Use at most 40 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "_" and "-"');

/** A variant: its share of the users who enter, and the parameter values it serves (by parameter key). */
export const variantSchema = z.strictObject({
  key: variantKeySchema,
  name: z.string().trim().min(1, 'Enter a name').max(100, 'Use at most 100 characters'),
  /** Percent of the entering users; all variants total 100. */
  weight: z.number().min(0, 'At least 0%').max(100, 'At most 100%'),
  /** Parameter key -> value. A parameter the experiment touches but a variant leaves out serves its default value. */
  overrides: z.record(parameterKeySchema, z.unknown()),
});
export type Variant = z.infer<typeof variantSchema>;

export const testUserSchema = z.strictObject({
  targetingKey: z.string().trim().min(1, 'Enter a targetingKey').max(200),
  variant: variantKeySchema,
});

export const experimentMetricsSchema = z.strictObject({
  primary: z.string().min(1).max(64).nullable(),
  secondary: z.array(z.string().min(1).max(64)).max(20, 'Use at most 20 secondary metrics'),
  guardrails: z.array(z.string().min(1).max(64)).max(20, 'Use at most 20 guardrails'),
});
export type ExperimentMetrics = z.infer<typeof experimentMetricsSchema>;

/** Mutual exclusion: experiments in one layer get disjoint slices of it, so no user is in two. */
export const layerSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Name the layer')
    .max(60)
    .regex(/^[a-z][a-z0-9_-]*$/, 'Start with a lowercase letter; use lowercase letters, digits, "_" and "-"'),
  /** Percent of the layer's users this experiment may take. */
  share: z.number().gt(0, 'More than 0%').max(100, 'At most 100%'),
});

/** A promoted winner: the rules written, so undo can take them out again. */
export const promotionSchema = z.object({
  variant: z.string(),
  audience: ruleAudienceSchema,
  at: isoDateTimeSchema,
  by: z.string().nullable(),
  rules: z.array(z.object({ parameterKey: z.string(), ruleId: z.string() })),
  undoneAt: isoDateTimeSchema.nullable(),
});
export type Promotion = z.infer<typeof promotionSchema>;

/**
 * Auto-ship: once the experiment has run `minDays` and the primary metric has a significant
 * winner with no guardrail worse (the promotion check recommends it), the winner rolls out to
 * the audience through a guarded rollout with the default steps. Off unless set.
 */
export const autoShipAudiences = ['experiment', 'everyone'] as const;
export const DEFAULT_AUTO_SHIP_MIN_DAYS = 7;
export const autoShipSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  minDays: z.number().int('Use whole days').min(1, 'At least 1 day').max(90, 'At most 90 days').default(DEFAULT_AUTO_SHIP_MIN_DAYS),
  /** Who receives the winner: the experiment's audience, or everyone. */
  audience: z.enum(autoShipAudiences).default('experiment'),
});
export type AutoShipSettings = z.output<typeof autoShipSettingsSchema>;

/** The settings plus what auto-ship did (set by the server only). */
export const autoShipSchema = z.object({
  enabled: z.boolean(),
  minDays: z.number().int(),
  audience: z.enum(autoShipAudiences),
  /** The guarded rollout it started. */
  shipped: z.object({ at: isoDateTimeSchema, variant: z.string(), rolloutId: z.string() }).nullable().optional(),
  /** Why it could not ship a winner it found (e.g. the environment now requires approval). */
  problem: z.object({ at: isoDateTimeSchema, message: z.string() }).nullable().optional(),
});
export type AutoShip = z.infer<typeof autoShipSchema>;

export const experimentSchema = z.object({
  id: z.string(),
  /** The one environment the experiment runs in (its SDK keys' apps see it). */
  environmentId: z.string(),
  key: z.string(),
  name: z.string(),
  hypothesis: z.string(),
  owner: z.string(),
  tags: z.array(z.string()),
  status: experimentStatusSchema,
  audience: ruleAudienceSchema,
  /** On (default): a user who entered keeps their variant after leaving the audience. */
  stickyMembership: z.boolean(),
  /** Percent of the audience that enters. */
  allocation: z.number(),
  /** Hash seed for allocation and variants; fixed once the experiment has run. */
  seed: z.string(),
  variants: z.array(variantSchema),
  metrics: experimentMetricsSchema,
  startAt: isoDateTimeSchema.nullable(),
  endAt: isoDateTimeSchema.nullable(),
  layer: layerSchema.nullable(),
  /** The slice [start, end) of the layer's hash space, assigned at start. */
  layerRange: z.tuple([z.number(), z.number()]).nullable(),
  testUsers: z.array(testUserSchema),
  startedAt: isoDateTimeSchema.nullable(),
  endedAt: isoDateTimeSchema.nullable(),
  promotion: promotionSchema.nullable(),
  /** Set on the hidden experiment behind a guarded rollout: it is managed by that rollout, not listed with the others. */
  rolloutId: z.string().optional(),
  /** Absent (older documents) means off. */
  autoShip: autoShipSchema.optional(),
  /** When the primary metric first had a recommended winner (experiment.winner_found went out then). */
  winnerFound: z.object({ variant: z.string(), at: isoDateTimeSchema }).optional(),
  version: z.number().int(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  updatedBy: z.string().nullable(),
});
export type Experiment = z.infer<typeof experimentSchema>;

const fields = {
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Use at most 200 characters'),
  hypothesis: z.string().max(5000, 'Use at most 5,000 characters'),
  owner: z.string().trim().max(200),
  tags: z.array(tagSchema).max(30, 'Use at most 30 tags'),
  audience: ruleAudienceSchema,
  stickyMembership: z.boolean(),
  allocation: z.number().gt(0, 'More than 0%').max(100, 'At most 100%'),
  variants: z
    .array(variantSchema)
    .min(2, 'Add a control and at least one variant')
    .max(MAX_VARIANTS, `Use at most ${MAX_VARIANTS} variants (control plus 9)`),
  metrics: experimentMetricsSchema,
  startAt: isoDateTimeSchema.nullable(),
  endAt: isoDateTimeSchema.nullable(),
  layer: layerSchema.nullable(),
  testUsers: z.array(testUserSchema).max(MAX_TEST_USERS, `Use at most ${MAX_TEST_USERS} test users`),
};

type Shape = { variants?: Variant[]; startAt?: string | null; endAt?: string | null; testUsers?: { targetingKey: string; variant: string }[] };
/** Checks that need more than one field: weights total 100, unique keys, end after start. */
export function checkExperimentShape(body: Shape, ctx: z.RefinementCtx) {
  if (body.variants) {
    const total = body.variants.reduce((sum, v) => sum + v.weight, 0);
    if (Math.abs(total - 100) > 0.001) ctx.addIssue({ code: 'custom', path: ['variants'], message: `Weights must total 100% (now ${round(total)}%)` });
    const seen = new Set<string>();
    body.variants.forEach((v, i) => {
      if (seen.has(v.key)) ctx.addIssue({ code: 'custom', path: ['variants', i, 'key'], message: 'Each variant needs its own key' });
      seen.add(v.key);
    });
    body.testUsers?.forEach((u, i) => {
      if (!seen.has(u.variant)) ctx.addIssue({ code: 'custom', path: ['testUsers', i, 'variant'], message: 'Choose one of the variants' });
    });
  }
  const users = new Set<string>();
  body.testUsers?.forEach((u, i) => {
    if (users.has(u.targetingKey)) ctx.addIssue({ code: 'custom', path: ['testUsers', i, 'targetingKey'], message: 'Listed twice' });
    users.add(u.targetingKey);
  });
  if (body.startAt && body.endAt && Date.parse(body.endAt) <= Date.parse(body.startAt)) {
    ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'End after the start' });
  }
}
const round = (n: number) => Math.round(n * 100) / 100;

export const createExperimentBodySchema = z
  .strictObject({
    key: experimentKeySchema,
    environmentId: z.string().min(1, 'Choose an environment').max(64).default('production'),
    name: fields.name,
    hypothesis: fields.hypothesis.default(''),
    owner: fields.owner.default(''),
    tags: fields.tags.default([]),
    audience: fields.audience.default({ kind: 'everyone' }),
    stickyMembership: fields.stickyMembership.default(true),
    allocation: fields.allocation.default(100),
    variants: fields.variants.default([
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'b', name: 'Variant B', weight: 50, overrides: {} },
    ]),
    metrics: fields.metrics.default({ primary: null, secondary: [], guardrails: [] }),
    startAt: fields.startAt.default(null),
    endAt: fields.endAt.default(null),
    layer: fields.layer.default(null),
    testUsers: fields.testUsers.default([]),
    autoShip: autoShipSettingsSchema.optional(),
  })
  .superRefine(checkExperimentShape);
export type CreateExperimentBody = z.input<typeof createExperimentBodySchema>;

export const updateExperimentBodySchema = z
  .strictObject({
    expectedVersion: z.number().int().min(1),
    name: fields.name.optional(),
    hypothesis: fields.hypothesis.optional(),
    owner: fields.owner.optional(),
    tags: fields.tags.optional(),
    audience: fields.audience.optional(),
    stickyMembership: fields.stickyMembership.optional(),
    allocation: fields.allocation.optional(),
    variants: fields.variants.optional(),
    metrics: fields.metrics.optional(),
    startAt: fields.startAt.optional(),
    endAt: fields.endAt.optional(),
    layer: fields.layer.optional(),
    testUsers: fields.testUsers.optional(),
    autoShip: autoShipSettingsSchema.optional(),
  })
  .superRefine(checkExperimentShape);
export type UpdateExperimentBody = z.input<typeof updateExperimentBodySchema>;

/** Saving a running experiment succeeds with warnings when it mixes populations (weights, allocation). */
export const experimentSaveResultSchema = z.object({ experiment: experimentSchema, warnings: z.array(z.string()) });

export const transitionBodySchema = z.strictObject({
  action: z.enum(experimentActions),
  expectedVersion: z.number().int().min(1),
  /** Admins only, in an environment that requires approval: act directly for this reason (audited). */
  bypassReason: z.string().trim().min(10, 'Say why, in at least 10 characters').max(500).optional(),
});

export const listExperimentsQuerySchema = z.strictObject({
  search: z.string().max(200).optional(),
  status: experimentStatusSchema.optional(),
  environment: z.string().min(1).max(64).optional(),
});
export const experimentListSchema = z.object({ items: z.array(experimentSchema) });

/** Who receives the winner: the experiment's audience, another segment, or everyone. */
/** Users exposed so far, per variant. */
export const exposureCountsSchema = z.object({ items: z.array(z.object({ variant: z.string(), users: z.number() })) });

export const undoPromotionBodySchema = z.strictObject({ expectedVersion: z.number().int().min(1) });

export const promoteBodySchema = z.strictObject({
  variant: variantKeySchema,
  audience: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('experiment') }),
    z.strictObject({ kind: z.literal('everyone') }),
    z.strictObject({ kind: z.literal('segment'), segmentId: z.string().min(1, 'Choose a segment').max(64) }),
  ]),
  expectedVersion: z.number().int().min(1),
  /** true: only report what would change (the confirmation step). */
  dryRun: z.boolean().default(true),
  /**
   * The typed phrase (the promotion check's confirmPhrase) that accepts the risks of promoting a
   * variant that is not a significant winner or makes a guardrail worse; without it the API refuses.
   */
  confirmRisk: z.string().max(200).optional(),
  /** Admins only, in an environment that requires approval: act directly for this reason (audited). */
  bypassReason: z.string().trim().min(10, 'Say why, in at least 10 characters').max(500).optional(),

});
export type PromoteBody = z.input<typeof promoteBodySchema>;

export const promotionPlanSchema = z.object({
  dryRun: z.boolean(),
  changes: z.array(z.object({ parameterKey: z.string(), parameterName: z.string(), before: z.unknown(), after: z.unknown() })),
  audienceLabel: z.string(),
  reach: reachSchema.nullable(),
  experiment: experimentSchema,
});
export type PromotionPlan = z.infer<typeof promotionPlanSchema>;

/** Why promoting a variant may hurt: said in the dialog and in the API's refusal. */
export const promotionRiskSchema = z.object({
  code: z.enum(['not-significant', 'no-primary-metric', 'guardrail-worse', 'sample-ratio-mismatch']),
  message: z.string(),
});
export type PromotionRisk = z.infer<typeof promotionRiskSchema>;

const metricVerdictSchema = z.object({
  metricName: z.string(),
  verdict: z.enum(['winning', 'losing', 'no-difference', 'not-enough-data']),
  /** "No difference: +0.4% (−3.1% to +4.0%), p = 0.81". */
  summary: z.string(),
});

/** What the results say about promoting each variant (default results settings), before choosing one. */
export const promotionCheckSchema = z.object({
  exposedUsers: z.number().int(),
  /** Why nothing can be promoted yet (no exposures), else null. */
  blocked: z.string().nullable(),
  /** The significant winner on the primary metric, if there is one: the dialog pre-selects it. */
  recommended: z.string().nullable(),
  variants: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      significantWinner: z.boolean(),
      primary: metricVerdictSchema.nullable(),
      guardrails: z.array(metricVerdictSchema),
      risks: z.array(promotionRiskSchema),
      /** What to type (confirmRisk) to promote it despite the risks; null when there is none. */
      confirmPhrase: z.string().nullable(),
    }),
  ),
});
export type PromotionCheck = z.infer<typeof promotionCheckSchema>;

/** Review step: what else touches the same parameters, and how long the test needs. */
export const experimentReviewSchema = z.object({
  /** What must be fixed before the experiment can start (field paths as in problem+json). */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  collisions: z.array(
    z.object({
      kind: z.enum(['experiment', 'rule']),
      label: z.string(),
      parameterKey: z.string(),
      detail: z.string(),
    }),
  ),
  reach: reachSchema.nullable(),
});
export type ExperimentReview = z.infer<typeof experimentReviewSchema>;

export const experimentKeyParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });
