import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { parameterTypes, typeSpecSchema } from '../values/type-spec';
import { conditionSchema } from './segments';

/** Who a targeting rule applies to: a saved segment, an inline condition, or everyone. */
export const ruleAudienceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('everyone') }),
  z.strictObject({ kind: z.literal('segment'), segmentId: z.string().min(1, 'Choose a segment').max(64) }),
  z.strictObject({ kind: z.literal('condition'), condition: conditionSchema }),
]);

/** An ordered rule on a parameter: the first whose audience matches (and whose rollout includes the user) wins. */
export const targetingRuleSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use letters, digits, "_" and "-"')
    .optional(),
  description: z.string().max(200).default(''),
  audience: ruleAudienceSchema,
  value: z.unknown(),
  /** Percentage of the audience that gets the value, sticky per targetingKey. */
  rollout: z.number().min(0, 'At least 0%').max(100, 'At most 100%').default(100),
  enabled: z.boolean().default(true),
});
export type TargetingRuleInput = z.output<typeof targetingRuleSchema>;
export type TargetingRule = Omit<z.output<typeof targetingRuleSchema>, 'id'> & { id: string };
const storedRuleSchema = targetingRuleSchema.extend({ id: z.string() });

/** Apps ask for parameters by key, so keys are stable identifiers that never change once created. */
export const parameterKeySchema = z
  .string()
  .trim()
  .min(1, 'Enter a key')
  .max(100, 'Use at most 100 characters')
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'Start with a letter; use letters, digits, "_", "-" and "."');

export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(40, 'Tags have at most 40 characters')
  .regex(/^[^,]+$/, 'Tags cannot contain commas');

/**
 * A parameter as one environment sees it: the definition (key, name, description, tags, type) is
 * shared; the kill switch, default value, rules and version are the environment's own.
 */
export const parameterSchema = z.object({
  id: z.string(),
  environmentId: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  spec: typeSpecSchema,
  defaultValue: z.unknown(),
  /** Boolean flags only: when on, every app gets false (OFREP reason DISABLED). */
  killed: z.boolean(),
  rules: z.array(storedRuleSchema),
  archivedAt: isoDateTimeSchema.nullable(),
  version: z.number().int(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  updatedBy: z.string().nullable(),
});
export type Parameter = z.infer<typeof parameterSchema>;

const editableFields = {
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Use at most 200 characters'),
  description: z.string().max(5000, 'Use at most 5,000 characters'),
  tags: z.array(tagSchema).max(30, 'Use at most 30 tags'),
  spec: typeSpecSchema,
  defaultValue: z.unknown(),
  killed: z.boolean(),
  rules: z.array(targetingRuleSchema).max(100, 'Use at most 100 rules'),
};

export const createParameterBodySchema = z.strictObject({
  key: parameterKeySchema,
  ...editableFields,
  description: editableFields.description.default(''),
  tags: editableFields.tags.default([]),
  killed: editableFields.killed.default(false),
  rules: editableFields.rules.default([]),
});
export type CreateParameterBody = z.input<typeof createParameterBodySchema>;

/** Every save names the version it was based on; a stale one gets 409 with the current parameter. */
export const updateParameterBodySchema = z.strictObject({
  expectedVersion: z.number().int().min(1),
  name: editableFields.name.optional(),
  description: editableFields.description.optional(),
  tags: editableFields.tags.optional(),
  spec: editableFields.spec.optional(),
  defaultValue: editableFields.defaultValue.optional(),
  killed: editableFields.killed.optional(),
  rules: editableFields.rules.optional(),
  /** Admins only, in an environment that requires approval: save directly for this reason (audited). */
  bypassReason: z.string().trim().min(10, 'Say why, in at least 10 characters').max(500).optional(),
});
export type UpdateParameterBody = z.input<typeof updateParameterBodySchema>;

export const parameterSortSchema = z.enum(['key', 'name', 'type', 'updatedAt', '-key', '-name', '-type', '-updatedAt']);

export const listParametersQuerySchema = z.strictObject({
  search: z.string().max(200).optional(),
  type: z.enum(parameterTypes).optional(),
  tag: z.string().max(40).optional(),
  sort: parameterSortSchema.default('key'),
  environment: z.string().min(1).max(64).optional(),
  archived: z.enum(['true', 'false']).default('false'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListParametersQuery = z.input<typeof listParametersQuerySchema>;

export const parameterPageSchema = z.object({
  items: z.array(parameterSchema),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  tags: z.array(z.string()),
});
export type ParameterPage = z.infer<typeof parameterPageSchema>;

// A value that did not exist (before a creation, after a removal) is left out of the JSON.
export const valueChangeSchema = z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });

export const parameterVersionSchema = z.object({
  version: z.number().int(),
  action: z.enum(['created', 'updated', 'restored', 'archived', 'unarchived']),
  snapshot: parameterSchema,
  changes: z.array(valueChangeSchema),
  restoredFrom: z.number().int().nullable(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  createdAt: isoDateTimeSchema,
});
export type ParameterVersion = z.infer<typeof parameterVersionSchema>;
export const parameterVersionListSchema = z.object({ items: z.array(parameterVersionSchema) });

export const restoreParameterBodySchema = z.strictObject({
  version: z.number().int().min(1),
  expectedVersion: z.number().int().min(1),
  /** Admins only, in an environment that requires approval: save directly for this reason (audited). */
  bypassReason: z.string().trim().min(10, 'Say why, in at least 10 characters').max(500).optional(),
});

export const bulkParametersBodySchema = z.strictObject({
  ids: z.array(z.string().min(1)).min(1, 'Select at least one parameter').max(1000),
  action: z.enum(['archive', 'unarchive', 'addTag', 'removeTag']),
  tag: tagSchema.optional(),
});
export const bulkResultSchema = z.object({ updated: z.number().int() });

export const parameterKeyParamsSchema = z.strictObject({ key: z.string().min(1).max(100) });

// Parameters as code: an app's build exports or syncs the variables it defines.
export const manifestEntrySchema = z.strictObject({
  key: parameterKeySchema,
  name: editableFields.name.optional(),
  description: editableFields.description.optional(),
  tags: editableFields.tags.optional(),
  spec: typeSpecSchema,
  defaultValue: z.unknown(),
});
export const manifestSchema = z.strictObject({
  format: z.literal('switchboard.parameters/v1'),
  parameters: z.array(manifestEntrySchema).max(10_000),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const importManifestBodySchema = z.strictObject({
  manifest: manifestSchema,
  dryRun: z.boolean().default(true),
});

export const importPlanItemSchema = z.object({
  key: z.string(),
  action: z.enum(['create', 'update', 'unchanged']),
  changes: z.array(valueChangeSchema),
});
export const importResultSchema = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  items: z.array(importPlanItemSchema),
  summary: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() }),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Keys apps asked for over OFREP that no parameter has (yet). */
export const requestedKeySchema = z.object({
  key: z.string(),
  firstSeenAt: isoDateTimeSchema,
  lastSeenAt: isoDateTimeSchema,
  count: z.number().int(),
});
export const requestedKeyListSchema = z.object({ items: z.array(requestedKeySchema) });
