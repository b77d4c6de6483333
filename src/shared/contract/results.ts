import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { experimentStatusSchema } from './experiments';
import { metricKindSchema } from './metrics';

export const resultsEngines = ['sequential', 'frequentist', 'bayesian'] as const;
export type ResultsEngine = (typeof resultsEngines)[number];
export const resultsCorrections = ['none', 'holm', 'bh'] as const;
export type ResultsCorrection = (typeof resultsCorrections)[number];

/** A day ('2026-03-01', the whole UTC day) or an instant. */
const dayOrInstantSchema = z.union([z.iso.date(), isoDateTimeSchema], { error: 'Use a date (YYYY-MM-DD) or an ISO date-time' });

export const resultsQuerySchema = z
  .strictObject({
    /** First exposures from this day (or instant); default: the experiment's start. */
    from: dayOrInstantSchema.optional(),
    /** Up to and including this day (or before this instant); default: now. */
    to: dayOrInstantSchema.optional(),
    engine: z.enum(resultsEngines).default('sequential'),
    /** Across every metric and variant; ignored by the Bayesian engine. */
    correction: z.enum(resultsCorrections).default('none'),
    /** A known-user attribute (platform, country, appVersion) to break the results down by. */
    breakdown: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.-]+$/, 'Use an attribute name: letters, digits, "_", "-" and "."')
      .optional(),
    /** Regression adjustment with each user's metric in the 14 days before exposure. */
    cuped: z.enum(['on', 'off']).default('on'),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.from.slice(0, 10) > query.to.slice(0, 10)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'End on or after the start' });
    }
  });
export type ResultsQueryParams = z.input<typeof resultsQuerySchema>;

/** [low, high]; null is an open end (one-sided intervals). */
const intervalSchema = z.tuple([z.number().nullable(), z.number().nullable()]);

export const effectSchema = z.object({
  /** Point estimate (posterior mean for Bayesian): a fraction (0.062 = +6.2%) or metric units. */
  expected: z.number(),
  ci: intervalSchema,
  /** Standard error, or the posterior's standard deviation (Bayesian). */
  stddev: z.number(),
});
export type EffectView = z.infer<typeof effectSchema>;

export const verdictSchema = z.enum(['winning', 'losing', 'no-difference', 'not-enough-data']);
export type MetricVerdict = z.infer<typeof verdictSchema>;

/** A treatment against control. */
export const comparisonSchema = z.object({
  relative: effectSchema,
  absolute: effectSchema,
  /** Frequentist and sequential. */
  pValue: z.number().nullable(),
  /** After the chosen multiple-comparison correction (= pValue with 'none'). */
  adjustedPValue: z.number().nullable(),
  /** Bayesian: the chance the variant is better than control (direction taken into account). */
  chanceToWin: z.number().nullable(),
  /** Bayesian expected loss of shipping [control, variant], relative. */
  risk: z.tuple([z.number(), z.number()]).nullable(),
  verdict: verdictSchema,
  /** Whether CUPED narrowed the interval. */
  cuped: z.boolean(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const armResultSchema = z.object({
  variant: z.string(),
  users: z.number().int(),
  /** Converting users, event count, value total, or a ratio's numerator. */
  total: z.number(),
  /** Ratio and mean metrics: the denominator total. */
  denominator: z.number().nullable(),
  /** Conversion rate, per-user mean, or ratio. */
  mean: z.number(),
  comparison: comparisonSchema.nullable(),
});
export type ArmResult = z.infer<typeof armResultSchema>;

/** One day of one variant: cumulative over users first exposed up to that day. */
export const seriesPointSchema = z.object({
  day: z.string(),
  variant: z.string(),
  users: z.number().int(),
  mean: z.number(),
  lift: z.object({ relative: effectSchema, absolute: effectSchema }).nullable(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const metricRoles = ['primary', 'secondary', 'guardrail'] as const;

export const metricResultSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  kind: metricKindSchema,
  role: z.enum(metricRoles),
  direction: z.enum(['higher', 'lower']),
  event: z.string(),
  /** False when apps never sent the event (or a ratio's denominator event). */
  eventSent: z.boolean(),
  arms: z.array(armResultSchema),
  series: z.array(seriesPointSchema),
});
export type MetricResult = z.infer<typeof metricResultSchema>;

export const healthCodes = [
  'no-metrics',
  'missing-metric',
  'no-exposures',
  'no-data-in-range',
  'srm',
  'too-little-data',
  'event-never-sent',
  'event-not-after-exposure',
  'guardrail-worse',
  'unknown-variant',
  'event-without-value',
] as const;

export const healthWarningSchema = z.object({
  code: z.enum(healthCodes),
  severity: z.enum(['error', 'warning', 'info']),
  title: z.string(),
  explanation: z.string(),
  fix: z.string(),
  metricId: z.string().nullable(),
});
export type HealthWarning = z.infer<typeof healthWarningSchema>;

export const headlineSchema = z.object({
  tone: z.enum(['winner', 'loser', 'no-difference', 'keep-running', 'not-enough-data', 'problem']),
  text: z.string(),
  variant: z.string().nullable(),
  metricId: z.string().nullable(),
  /** For "keep running": the estimate behind the sentence. */
  daysRemaining: z.number().int().nullable(),
  /** The run-time estimate from today's traffic (shared with the editor's estimator), when one can be made. */
  estimate: z
    .object({
      metricName: z.string(),
      /** The control's rate (conversion, a fraction) or mean, as rounded for the estimate. */
      baseline: z.object({ kind: z.enum(['proportion', 'mean']), value: z.number() }),
      /** The relative change planned for (0.1 = 10%). */
      mde: z.number(),
      arms: z.number().int(),
      /** Users entering per day so far (whole users). */
      enteringPerDay: z.number().int(),
      usersSoFar: z.number().int(),
      perArm: z.number().int(),
      totalDays: z.number().int(),
      remainingDays: z.number().int(),
    })
    .nullable()
    .optional(),
  /** What shipping the variant is expected to change, in the metric's unit ("+1.2 percentage points of users convert"). */
  impact: z.string().nullable().optional(),
});
export type Headline = z.infer<typeof headlineSchema>;

export const experimentResultsSchema = z.object({
  experiment: z.object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    status: experimentStatusSchema,
    startedAt: isoDateTimeSchema.nullable(),
    endedAt: isoDateTimeSchema.nullable(),
  }),
  computedAt: isoDateTimeSchema,
  query: z.object({
    from: isoDateTimeSchema.nullable(),
    to: isoDateTimeSchema.nullable(),
    engine: z.enum(resultsEngines),
    correction: z.enum(resultsCorrections),
    breakdown: z.string().nullable(),
    cuped: z.boolean(),
  }),
  /** The first variant is the control. */
  variants: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number(), users: z.number().int() })),
  /** Users first exposed per UTC day and variant. */
  exposures: z.array(z.object({ day: z.string(), variant: z.string(), users: z.number().int() })),
  srm: z.object({ pValue: z.number(), mismatch: z.boolean() }),
  headline: headlineSchema,
  health: z.array(healthWarningSchema),
  metrics: z.array(metricResultSchema),
  breakdown: z
    .object({
      attribute: z.string(),
      /** Largest first; the long tail is folded into "(other)". */
      segments: z.array(
        z.object({
          value: z.string().nullable(),
          label: z.string(),
          users: z.number().int(),
          metrics: z.array(z.object({ metricId: z.string(), arms: z.array(armResultSchema) })),
        }),
      ),
    })
    .nullable(),
});
export type ExperimentResults = z.infer<typeof experimentResultsSchema>;
