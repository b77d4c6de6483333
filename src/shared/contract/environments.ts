import { z } from 'zod';
import { isoDateTimeSchema } from './common';

/**
 * Environments: where a parameter's values, an experiment and an SDK key live. A parameter is
 * defined once (key, type, name); each environment has its own kill switch, default value and
 * rules. Apps never name an environment: their SDK key selects it.
 */

/** Every workspace starts with these; Production holds everything that existed before environments. */
export const PRODUCTION_ENVIRONMENT_ID = 'production';
export const DEFAULT_ENVIRONMENTS = [
  { id: PRODUCTION_ENVIRONMENT_ID, key: 'production', name: 'Production', color: '#b42318' },
  { id: 'staging', key: 'staging', name: 'Staging', color: '#b54708' },
  { id: 'development', key: 'development', name: 'Development', color: '#175cd3' },
] as const;

export const environmentKeySchema = z
  .string()
  .trim()
  .min(1, 'Enter a key')
  .max(40, 'Use at most 40 characters')
  .regex(/^[a-z][a-z0-9-]*$/, 'Start with a lowercase letter; use lowercase letters, digits and "-"');

export const environmentColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Pick a colour');

export const environmentSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  color: z.string(),
  /** Order in the switcher, smallest first. */
  position: z.number().int(),
  /** Changes to what apps receive go through change requests that someone other than the author approves. */
  requiresApproval: z.boolean(),
  archivedAt: isoDateTimeSchema.nullable(),
  version: z.number().int(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Environment = z.infer<typeof environmentSchema>;
export const environmentListSchema = z.object({ items: z.array(environmentSchema) });

const nameSchema = z.string().trim().min(1, 'Enter a name').max(60, 'Use at most 60 characters');

export const createEnvironmentBodySchema = z.strictObject({
  key: environmentKeySchema,
  name: nameSchema,
  color: environmentColorSchema.default('#475467'),
  requiresApproval: z.boolean().default(false),
});
export type CreateEnvironmentBody = z.input<typeof createEnvironmentBodySchema>;

export const updateEnvironmentBodySchema = z.strictObject({
  expectedVersion: z.number().int().min(1),
  name: nameSchema.optional(),
  color: environmentColorSchema.optional(),
  requiresApproval: z.boolean().optional(),
  archived: z.boolean().optional(),
});
export type UpdateEnvironmentBody = z.input<typeof updateEnvironmentBodySchema>;

export const reorderEnvironmentsBodySchema = z.strictObject({
  ids: z.array(z.string().min(1).max(64)).min(1).max(50),
});

/** `?environment=` on every per-environment route: an environment's id or key; Production when left out. */
export const environmentQuerySchema = z.string().min(1).max(64).optional();

/** The parts of a parameter that differ per environment: what compare shows and copy copies. */
export const environmentFields = ['defaultValue', 'killed', 'rules'] as const;
export const environmentFieldSchema = z.enum(environmentFields);
export type EnvironmentField = z.infer<typeof environmentFieldSchema>;

export const environmentSettingsSchema = z.object({
  defaultValue: z.unknown(),
  killed: z.boolean(),
  rules: z.array(z.unknown()),
  version: z.number().int(),
  updatedAt: isoDateTimeSchema,
  updatedBy: z.string().nullable(),
});

export const compareQuerySchema = z.strictObject({
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(64),
  /** Only parameters that differ, unless "false". */
  differentOnly: z.enum(['true', 'false']).default('true'),
});

export const comparisonSchema = z.object({
  parameter: z.object({ id: z.string(), key: z.string(), name: z.string(), spec: z.unknown() }),
  from: environmentSettingsSchema,
  to: environmentSettingsSchema,
  differences: z.array(environmentFieldSchema),
});
export type Comparison = z.infer<typeof comparisonSchema>;
export const comparisonListSchema = z.object({
  from: environmentSchema,
  to: environmentSchema,
  items: z.array(comparisonSchema),
});
export type ComparisonList = z.infer<typeof comparisonListSchema>;

/** Copies the chosen fields of one parameter from one environment into another (a normal save there). */
export const copyParameterBodySchema = z.strictObject({
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(64),
  fields: z.array(environmentFieldSchema).min(1, 'Choose what to copy').max(3),
  /** The target environment's version the user saw, so a copy never overwrites a change unseen. */
  expectedVersion: z.number().int().min(1),
  /** Admins only, when the target requires approval: copy directly for this reason (audited). */
  bypassReason: z.string().trim().min(10, 'Say why, in at least 10 characters').max(500).optional(),
});
