import { z } from 'zod';
import { isoDateTimeSchema } from './common';

/**
 * Metrics are built on events that apps send (POST /sdk/v1/events). Each is computed per exposed
 * user from the events after their first exposure (and within the window), then compared across
 * variants by src/shared/stats:
 * - conversion: did the user send `event` (a proportion);
 * - count: how many `event`s per user (a mean);
 * - sum: total of `event`'s value per user, e.g. revenue per user (a mean);
 * - mean: average value per `event`, e.g. order value (a ratio: sum of values / number of events);
 * - ratio: `event` count (or value sum) per user divided by `denominator` count per user (a ratio).
 */
export const metricKinds = ['conversion', 'count', 'sum', 'mean', 'ratio'] as const;
export const metricKindSchema = z.enum(metricKinds);
export type MetricKind = z.infer<typeof metricKindSchema>;

export const filterOperators = ['equals', 'notEquals', 'in', 'contains', 'greaterThan', 'lessThan'] as const;

const filterValueSchema = z.union([z.string().max(500), z.number(), z.boolean()]);

/** "purchase where category is shoes": compared against the event's `properties`. */
export const propertyFilterSchema = z
  .strictObject({
    property: z
      .string()
      .trim()
      .min(1, 'Choose a property')
      .max(100)
      .regex(/^[A-Za-z0-9_.-]+$/, 'Use letters, digits, "_", "-" and "."'),
    operator: z.enum(filterOperators),
    value: z.union([filterValueSchema, z.array(filterValueSchema).min(1, 'Enter at least one value').max(100)]),
  })
  .superRefine((filter, ctx) => {
    const isList = Array.isArray(filter.value);
    if (filter.operator === 'in' && !isList) ctx.addIssue({ code: 'custom', path: ['value'], message: 'Enter a list of values' });
    if (filter.operator !== 'in' && isList) ctx.addIssue({ code: 'custom', path: ['value'], message: 'Enter one value' });
    if ((filter.operator === 'greaterThan' || filter.operator === 'lessThan') && typeof filter.value !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Enter a number' });
    }
  });
export type PropertyFilter = z.infer<typeof propertyFilterSchema>;

export const eventNameSchema = z.string().trim().min(1, 'Choose an event').max(100);

export const metricKeySchema = z
  .string()
  .trim()
  .min(1, 'Enter a key')
  .max(100, 'Use at most 100 characters')
  .regex(/^[a-z][a-z0-9_-]*$/, 'Start with a lowercase letter; use lowercase letters, digits, "_" and "-"');

export const metricSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  kind: metricKindSchema,
  event: z.string(),
  filters: z.array(propertyFilterSchema),
  /** Ratio only: the denominator event (per user). */
  denominator: z.object({ event: z.string(), filters: z.array(propertyFilterSchema) }).nullable(),
  /** Ratio only: use the numerator event's value sum rather than its count. */
  numeratorUsesValue: z.boolean(),
  direction: z.enum(['higher', 'lower']),
  /** Only events within this many hours after the user's first exposure count; null: until the analysis ends. */
  windowHours: z.number().int().nullable(),
  archivedAt: isoDateTimeSchema.nullable(),
  version: z.number().int(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  updatedBy: z.string().nullable(),
});
export type Metric = z.infer<typeof metricSchema>;

const metricFields = {
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Use at most 200 characters'),
  description: z.string().max(5000, 'Use at most 5,000 characters'),
  kind: metricKindSchema,
  event: eventNameSchema,
  filters: z.array(propertyFilterSchema).max(20, 'Use at most 20 filters'),
  denominator: z.strictObject({ event: eventNameSchema, filters: z.array(propertyFilterSchema).max(20) }).nullable(),
  numeratorUsesValue: z.boolean(),
  direction: z.enum(['higher', 'lower']),
  windowHours: z.number().int('Whole hours').min(1, 'At least 1 hour').max(24 * 365, 'At most a year').nullable(),
};

type MetricShape = { kind?: MetricKind; denominator?: unknown };
/**
 * A ratio needs a denominator; every other kind must not have one. On an update (`partial`) an
 * absent denominator means "keep the stored one", so the server checks the merged metric too.
 */
const checkDenominator = (partial: boolean) => (body: MetricShape, ctx: z.RefinementCtx) => {
  if (body.kind === undefined) return;
  const missing = body.denominator === null || (!partial && body.denominator === undefined);
  if (body.kind === 'ratio' && missing) ctx.addIssue({ code: 'custom', path: ['denominator'], message: 'A ratio needs a denominator event' });
  if (body.kind !== 'ratio' && body.denominator) ctx.addIssue({ code: 'custom', path: ['denominator'], message: 'Only ratio metrics have a denominator' });
};

export const createMetricBodySchema = z
  .strictObject({
    key: metricKeySchema,
    ...metricFields,
    description: metricFields.description.default(''),
    filters: metricFields.filters.default([]),
    denominator: metricFields.denominator.default(null),
    numeratorUsesValue: metricFields.numeratorUsesValue.default(false),
    direction: metricFields.direction.default('higher'),
    windowHours: metricFields.windowHours.default(null),
  })
  .superRefine(checkDenominator(false));
export type CreateMetricBody = z.input<typeof createMetricBodySchema>;

export const updateMetricBodySchema = z
  .strictObject({
    expectedVersion: z.number().int().min(1),
    name: metricFields.name.optional(),
    description: metricFields.description.optional(),
    kind: metricFields.kind.optional(),
    event: metricFields.event.optional(),
    filters: metricFields.filters.optional(),
    denominator: metricFields.denominator.optional(),
    numeratorUsesValue: metricFields.numeratorUsesValue.optional(),
    direction: metricFields.direction.optional(),
    windowHours: metricFields.windowHours.optional(),
    archived: z.boolean().optional(),
  })
  .superRefine(checkDenominator(true));
export type UpdateMetricBody = z.input<typeof updateMetricBodySchema>;

export const metricListSchema = z.object({ items: z.array(metricSchema) });
export const listMetricsQuerySchema = z.strictObject({ archived: z.enum(['true', 'false']).default('false') });
