import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { eventNameSchema, propertyFilterSchema } from './metrics';
import { behaviourComparisons, behaviourMeasures, MAX_BEHAVIOUR_DAYS, MAX_BEHAVIOUR_RULES_PER_SEGMENT, type BehaviourRule } from '../behaviour/behaviour-rule';
import { behaviourRulesOf } from '../targeting';
import { attributeKinds, operatorsByKind, regexPatternProblem, tooManyBuilderPatterns, unsupportedRuleMessage, validateCondition, type BuilderGroup, type BuilderRule } from '../targeting';

export const MAX_SEGMENT_IDS = 100_000;
/** A NUL, or a UTF-16 surrogate without its pair: JSON carries them escaped, PostgreSQL text refuses them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const notStorableText = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

const attributeNameSchema = z
  .string()
  .trim()
  .min(1, 'Choose an attribute')
  .max(100)
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'Use letters, digits, "_", "-" and "." (dots reach nested attributes)');

// Recursive schemas carry an id so the OpenAPI document refers to them instead of expanding forever.
const jsonValueSchema: z.ZodType<import('../targeting').JsonValue> = z
  .lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]))
  .meta({ id: 'JsonValue' });

export const builderRuleSchema: z.ZodType<BuilderRule> = z
  .strictObject({
    type: z.literal('rule'),
    attribute: attributeNameSchema,
    kind: z.enum(attributeKinds),
    operator: z.string() as z.ZodType<BuilderRule['operator']>,
    value: jsonValueSchema.optional(),
  })
  .superRefine((rule, ctx) => {
    const allowed: readonly string[] = operatorsByKind[rule.kind];
    if (!allowed.includes(rule.operator)) {
      ctx.addIssue({ code: 'custom', path: ['operator'], message: `Not an operator for ${rule.kind} attributes` });
      return;
    }
    const problem = valueProblem(rule);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

function valueProblem(rule: BuilderRule): string | null {
  const v = rule.value;
  switch (rule.operator) {
    case 'isSet':
    case 'isNotSet':
    case 'isTrue':
    case 'isFalse':
      return null;
    case 'between':
      return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number') && (v[0] as number) <= (v[1] as number)
        ? null
        : 'Enter a lower and an upper number';
    case 'isOneOf':
    case 'containsAny':
    case 'containsAll':
      return Array.isArray(v) && v.length > 0 ? null : 'Enter at least one value';
    case 'matches': {
      if (typeof v !== 'string' || v === '') return 'Enter a pattern';
      const problem = regexPatternProblem(v, false);
      if (problem?.kind === 'invalid') return 'Not a valid regular expression';
      // Patterns run in linear time (ReDoS): refused here, or the rule would never match.
      if (problem) return unsupportedRuleMessage(problem.reason);
      return null;
    }
    case 'withinLastDays':
      return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 3650 ? null : 'Enter a whole number of days (1 to 3650)';
    case 'before':
    case 'after':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? null : 'Enter a date';
    default:
      if (rule.kind === 'number') return typeof v === 'number' && Number.isFinite(v) ? null : 'Enter a number';
      if (rule.kind === 'version') return typeof v === 'string' && /^v?\d+(\.\d+)*([-+].*)?$/.test(v) ? null : 'Enter a version such as 5.2.0';
      return typeof v === 'string' && v !== '' ? null : 'Enter a value';
  }
}

const isoDateSchema = z.iso.date({ message: 'Enter a date' });

/** "did purchase at least 3 times in the last 30 days" (src/shared/behaviour/behaviour-rule.ts). */
export const behaviourRuleSchema: z.ZodType<BehaviourRule> = z
  .strictObject({
    type: z.literal('behaviour'),
    measure: z.enum(behaviourMeasures),
    event: eventNameSchema.optional(),
    filters: z.array(propertyFilterSchema).max(20, 'Use at most 20 filters').optional(),
    property: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.-]+$/, 'Use letters, digits, "_", "-" and "."')
      .optional(),
    comparison: z.enum(behaviourComparisons).optional(),
    amount: z.union([z.number().refine(Number.isFinite, 'Enter a number'), z.tuple([z.number(), z.number()])]).optional(),
    window: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('lastDays'), days: z.number().int('Enter a whole number of days').min(1, 'At least 1 day').max(MAX_BEHAVIOUR_DAYS, `At most ${MAX_BEHAVIOUR_DAYS} days`) }),
      z.strictObject({ kind: z.literal('between'), from: isoDateSchema, to: isoDateSchema }),
    ]),
  })
  .superRefine((rule, ctx) => {
    const seen = rule.measure === 'firstSeen' || rule.measure === 'lastSeen';
    if (!seen && !rule.event) ctx.addIssue({ code: 'custom', path: ['event'], message: 'Choose an event' });
    const compared = rule.measure === 'count' || rule.measure === 'sum' || rule.measure === 'average';
    if (compared) {
      if (!rule.comparison) ctx.addIssue({ code: 'custom', path: ['comparison'], message: 'Choose at least, at most or between' });
      const a = rule.amount;
      if (rule.comparison === 'between' && !(Array.isArray(a) && a[0] <= a[1])) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter a lower and an upper number' });
      if (rule.comparison && rule.comparison !== 'between' && typeof a !== 'number') ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter a number' });
      if (rule.measure === 'count' && [a].flat().some((n) => typeof n === 'number' && (!Number.isInteger(n) || n < 0))) {
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter a whole number of times (0 or more)' });
      }
    }
    if (rule.window.kind === 'between' && rule.window.from > rule.window.to) ctx.addIssue({ code: 'custom', path: ['window', 'to'], message: 'The end date is before the start date' });
  });

export const builderGroupSchema: z.ZodType<BuilderGroup> = z
  .lazy(() =>
    z.strictObject({
      type: z.literal('group'),
      combinator: z.enum(['and', 'or']),
      children: z.array(z.union([builderRuleSchema, behaviourRuleSchema, builderGroupSchema])).max(100),
    }),
  )
  .meta({ id: 'BuilderGroup' });

/** A condition document typed by hand (advanced mode): refused when malformed. */
export const conditionSchema = z.record(z.string(), jsonValueSchema).superRefine((condition, ctx) => {
  for (const problem of validateCondition(condition)) {
    ctx.addIssue({ code: 'custom', message: `${problem.message}${problem.path ? ` (at ${problem.path})` : ''}` });
  }
});

export const segmentDefinitionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rules'), builder: builderGroupSchema }).superRefine((definition, ctx) => {
    for (const problem of tooManyBuilderPatterns(definition.builder)) ctx.addIssue({ code: 'custom', message: problem.message, path: ['builder', ...problem.path.split('.').map((token) => (/^\d+$/.test(token) ? Number(token) : token))] });
    if (behaviourRulesOf(definition.builder).length > MAX_BEHAVIOUR_RULES_PER_SEGMENT) {
      ctx.addIssue({ code: 'custom', path: ['builder'], message: `A segment may hold at most ${MAX_BEHAVIOUR_RULES_PER_SEGMENT} behaviour conditions` });
    }
  }),
  z.strictObject({ kind: z.literal('condition'), condition: conditionSchema }),
  z.strictObject({
    kind: z.literal('ids'),
    /** The attribute the ids are matched against; targetingKey by default. */
    attribute: attributeNameSchema.default('targetingKey'),
    ids: z
      .array(z.string().trim().min(1).max(200))
      .max(MAX_SEGMENT_IDS, `At most ${MAX_SEGMENT_IDS.toLocaleString('en')} ids`)
      .superRefine((ids, ctx) => {
        // PostgreSQL text cannot hold them (the SQL stores answered 500); the first one is enough to show.
        const at = ids.findIndex(notStorableText);
        if (at >= 0) ctx.addIssue({ code: 'custom', path: [at], message: 'An id cannot contain a NUL character or a lone UTF-16 surrogate' });
      }),
  }),
  z.strictObject({
    kind: z.literal('combination'),
    combinator: z.enum(['and', 'or']),
    include: z.array(z.string().min(1)).min(1, 'Choose at least one segment').max(50),
    exclude: z.array(z.string().min(1)).max(50).default([]),
  }),
]);
export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>;

/** Stored definitions keep id lists out of the segment row; `idCount` says how many there are. */
export const segmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  definition: z.union([
    z.object({ kind: z.literal('rules'), builder: builderGroupSchema }),
    z.object({ kind: z.literal('condition'), condition: z.record(z.string(), z.unknown()) }),
    z.object({ kind: z.literal('ids'), attribute: z.string(), idCount: z.number().int() }),
    z.object({ kind: z.literal('combination'), combinator: z.enum(['and', 'or']), include: z.array(z.string()), exclude: z.array(z.string()) }),
  ]),
  /** The condition document apps are matched with (shown to marketers; id lists as $inGroup). */
  compiled: z.record(z.string(), z.unknown()),
  archivedAt: isoDateTimeSchema.nullable(),
  version: z.number().int(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  updatedBy: z.string().nullable(),
});
export type Segment = z.infer<typeof segmentSchema>;
export const segmentListSchema = z.object({ items: z.array(segmentSchema) });

const segmentFields = {
  name: z.string().trim().min(1, 'Enter a name').max(200),
  description: z.string().max(5000).default(''),
  definition: segmentDefinitionSchema,
};
export const createSegmentBodySchema = z.strictObject(segmentFields);
export const updateSegmentBodySchema = z.strictObject({
  expectedVersion: z.number().int().min(1),
  name: segmentFields.name.optional(),
  description: z.string().max(5000).optional(),
  definition: segmentDefinitionSchema.optional(),
});

/** Reach: how many known users (seen in the last 30 days) a definition matches. */
export const reachBodySchema = z.strictObject({ definition: segmentDefinitionSchema, excludeSegmentId: z.string().optional() });
export const reachSchema = z.object({
  matched: z.number(),
  total: z.number().int(),
  share: z.number(),
  exact: z.boolean(),
  /** Half-width of the 95% interval on `matched` when sampled. */
  margin: z.number(),
  sampleSize: z.number().int(),
  computedMs: z.number(),
});
export type Reach = z.infer<typeof reachSchema>;

export const knownUserSchema = z.object({ targetingKey: z.string(), attributes: z.record(z.string(), z.unknown()), lastSeenAt: isoDateTimeSchema });
export type KnownUser = z.infer<typeof knownUserSchema>;
export const knownUserListSchema = z.object({ items: z.array(knownUserSchema) });
export const listKnownUsersQuerySchema = z.strictObject({
  search: z.string().max(200).optional(),
  segmentId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  environment: z.string().min(1).max(64).optional(),
});

export const observedAttributeSchema = z.object({
  name: z.string(),
  kinds: z.array(z.enum(attributeKinds)),
  declared: z.boolean(),
  lastSeenAt: isoDateTimeSchema.nullable(),
});
export const observedAttributeListSchema = z.object({ items: z.array(observedAttributeSchema) });
