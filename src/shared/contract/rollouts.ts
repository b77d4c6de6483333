import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { parameterKeySchema, ruleAudienceSchema } from './parameters';

/**
 * Guarded rollouts: a change of values for an audience in one environment, shipped in steps
 * (10 -> 25 -> 50 -> 100% by default). Users not yet rolled in keep the old value and are the
 * comparison group (sticky by hash); a monitor compares the guardrail metrics of the two sides
 * at every check and rolls back by itself on clear harm or a sample ratio mismatch.
 *
 * Under the hood a rollout runs a hidden two-variant experiment (`old` with no overrides, `new`
 * with the changes) whose weights follow the step, so exposures, events and results are the
 * experiments' own.
 */

export const rolloutStatuses = ['running', 'paused', 'rolled_back', 'completed'] as const;
export const rolloutStatusSchema = z.enum(rolloutStatuses);
export type RolloutStatus = z.infer<typeof rolloutStatusSchema>;

export const MAX_ROLLOUT_STEPS = 10;

export const rolloutStepSchema = z.strictObject({
  /** Percent of the audience that gets the new values during this step. */
  percent: z.number().gt(0, 'More than 0%').max(100, 'At most 100%'),
  /** The step lasts at least this long before it may advance. */
  minMinutes: z.number().int().min(0, 'At least 0 minutes').max(60 * 24 * 90, 'At most 90 days'),
  /** ...and until at least this many users (both sides together) were exposed during it. */
  minUsers: z.number().int().min(0, 'At least 0 users').max(100_000_000),
});
export type RolloutStep = z.infer<typeof rolloutStepSchema>;

export const DEFAULT_ROLLOUT_STEPS: RolloutStep[] = [
  { percent: 10, minMinutes: 60, minUsers: 1000 },
  { percent: 25, minMinutes: 60, minUsers: 1000 },
  { percent: 50, minMinutes: 60, minUsers: 1000 },
  { percent: 100, minMinutes: 0, minUsers: 0 },
];

/** The monitor's rules, shown and editable on the rollout. */
export const rolloutRulesSchema = z.strictObject({
  /** One-sided false-alarm rate of the harm test over the whole rollout (split between guardrails and steps). */
  harmAlpha: z.number().gt(0).max(0.2).default(0.05),
  /** Roll back on a sample ratio mismatch. */
  rollBackOnSrm: z.boolean().default(true),
  /** Minutes between automatic checks. */
  checkEveryMinutes: z.number().int().min(1).max(24 * 60).default(5),
});
export type RolloutRules = z.infer<typeof rolloutRulesSchema>;

export const rolloutChangeSchema = z.strictObject({
  parameterKey: parameterKeySchema,
  /** The new value, validated against the parameter's type. */
  value: z.unknown(),
});

/** One guardrail at a check: the new side against the old, in the metric's own direction. */
export const guardrailCheckSchema = z.object({
  metricId: z.string(),
  metricName: z.string(),
  higherIsBetter: z.boolean(),
  oldUsers: z.number(),
  newUsers: z.number(),
  oldMean: z.number(),
  newMean: z.number(),
  /** Relative change of new against old (0.05 = +5%), null without data. */
  lift: z.number().nullable(),
  /** Always-valid interval of the lift at the check's confidence. */
  interval: z.tuple([z.number(), z.number()]).nullable(),
  /** Harm is statistically clear (the interval lies wholly on the bad side). */
  harmful: z.boolean(),
});
export type GuardrailCheck = z.infer<typeof guardrailCheckSchema>;

export const rolloutCheckSchema = z.object({
  at: isoDateTimeSchema,
  stepIndex: z.number().int(),
  /** Users first exposed during the current step, per side. */
  stepUsers: z.object({ old: z.number(), new: z.number() }),
  srmPValue: z.number().nullable(),
  guardrails: z.array(guardrailCheckSchema),
  decision: z.enum(['advance', 'hold', 'roll_back', 'complete']),
  /** The decision in plain words with its numbers ("Step 2 held: 312 of 1,000 users needed"). */
  summary: z.string(),
});
export type RolloutCheck = z.infer<typeof rolloutCheckSchema>;

export const rolloutLogEntrySchema = z.object({
  at: isoDateTimeSchema,
  kind: z.enum(['started', 'advanced', 'held', 'rolled_back', 'paused', 'resumed', 'completed']),
  stepIndex: z.number().int(),
  /** Plain words with the numbers behind the decision. */
  message: z.string(),
  /** The user who acted, null when the monitor decided. */
  by: z.string().nullable(),
});
export type RolloutLogEntry = z.infer<typeof rolloutLogEntrySchema>;

export const rolloutSourceSchema = z.discriminatedUnion('kind', [
  /** A promoted experiment winner. */
  z.object({ kind: z.literal('promotion'), experimentId: z.string(), experimentName: z.string(), variant: z.string() }),
  /** Any new value for parameters. */
  z.object({ kind: z.literal('change') }),
]);

export const rolloutSchema = z.object({
  id: z.string(),
  environmentId: z.string(),
  name: z.string(),
  status: rolloutStatusSchema,
  source: rolloutSourceSchema,
  audience: ruleAudienceSchema,
  changes: z.array(z.object({ parameterKey: z.string(), parameterName: z.string(), before: z.unknown(), after: z.unknown() })),
  steps: z.array(rolloutStepSchema),
  stepIndex: z.number().int(),
  stepStartedAt: isoDateTimeSchema,
  /** Metric ids compared at every check. */
  guardrails: z.array(z.string()),
  rules: rolloutRulesSchema,
  /** The hidden experiment that splits the audience and records exposures. */
  experimentId: z.string(),
  lastCheck: rolloutCheckSchema.nullable(),
  nextCheckAt: isoDateTimeSchema.nullable(),
  log: z.array(rolloutLogEntrySchema),
  version: z.number().int(),
  createdAt: isoDateTimeSchema,
  createdBy: z.string().nullable(),
  updatedAt: isoDateTimeSchema,
  endedAt: isoDateTimeSchema.nullable(),
});
export type Rollout = z.infer<typeof rolloutSchema>;

const stepsSchema = z
  .array(rolloutStepSchema)
  .min(1, 'Add at least one step')
  .max(MAX_ROLLOUT_STEPS, `Use at most ${MAX_ROLLOUT_STEPS} steps`)
  .superRefine((steps, ctx) => {
    steps.forEach((step, i) => {
      if (i > 0 && step.percent <= steps[i - 1].percent) ctx.addIssue({ code: 'custom', path: [i, 'percent'], message: 'Each step reaches more users than the one before' });
    });
    if (steps.length > 0 && steps[steps.length - 1].percent !== 100) ctx.addIssue({ code: 'custom', path: [steps.length - 1, 'percent'], message: 'The last step reaches 100%' });
  });

const bypassReasonSchema = z.string().trim().min(10, 'Say why, in at least 10 characters').max(500).optional();

const guardrailsSchema = z.array(z.string().min(1).max(64)).min(1, 'Choose at least one guardrail metric').max(10, 'Use at most 10 guardrails');

/** POST /api/rollouts?environment=: roll out new values for an audience. */
export const createRolloutBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Use at most 200 characters'),
  audience: ruleAudienceSchema,
  changes: z.array(rolloutChangeSchema).min(1, 'Change at least one parameter').max(20, 'Use at most 20 parameters'),
  steps: stepsSchema.default(DEFAULT_ROLLOUT_STEPS),
  guardrails: guardrailsSchema,
  rules: rolloutRulesSchema.default({ harmAlpha: 0.05, rollBackOnSrm: true, checkEveryMinutes: 5 }),
  /** Where the environment requires approval: an admin's reason to start it directly (kept in the audit log). */
  bypassReason: bypassReasonSchema,
});
export type CreateRolloutBody = z.input<typeof createRolloutBodySchema>;

/** POST /api/experiments/{id}/promote/guarded: the winner through a guarded rollout instead of all at once. */
export const guardedPromoteBodySchema = z.strictObject({
  variant: z.string().min(1).max(64),
  audience: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('experiment') }),
    z.strictObject({ kind: z.literal('everyone') }),
    z.strictObject({ kind: z.literal('segment'), segmentId: z.string().min(1, 'Choose a segment').max(64) }),
  ]),
  expectedVersion: z.number().int().min(1),
  confirmRisk: z.string().max(100).optional(),
  steps: stepsSchema.default(DEFAULT_ROLLOUT_STEPS),
  /** Default: the experiment's guardrails and primary metric. */
  guardrails: guardrailsSchema.optional(),
  rules: rolloutRulesSchema.default({ harmAlpha: 0.05, rollBackOnSrm: true, checkEveryMinutes: 5 }),
  bypassReason: bypassReasonSchema,
});
export type GuardedPromoteBody = z.input<typeof guardedPromoteBodySchema>;

export const rolloutActions = ['pause', 'resume', 'advance', 'roll_back', 'finish', 'check'] as const;
export type RolloutAction = (typeof rolloutActions)[number];

/** POST /api/rollouts/{id}/actions/{action}. */
export const rolloutActionBodySchema = z.strictObject({
  expectedVersion: z.number().int().min(1),
  /** Why (kept in the decision log); required to roll back by hand. */
  reason: z.string().trim().max(500).optional(),
});

export const rolloutListSchema = z.object({ rollouts: z.array(rolloutSchema) });
