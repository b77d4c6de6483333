import { z } from 'zod';
import { experimentStatusSchema } from './experiments';

/** An experiment that uses a parameter, segment or metric, and how. */
export const experimentUseSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  status: experimentStatusSchema,
  /** "overrides this parameter in 2 variants", "audience (through segment Germany)", "primary metric". */
  how: z.string(),
  /** Running or paused: a change to what it uses changes the test while it runs. */
  live: z.boolean(),
});
export type ExperimentUse = z.infer<typeof experimentUseSchema>;

/** Where an object is used: experiments, parameters' targeting rules, other segments. */
export const usageSchema = z.object({
  experiments: z.array(experimentUseSchema),
  /** Rules (segments are shared, so rules of every environment; each names its environment). */
  rules: z.array(z.object({ parameterId: z.string(), parameterKey: z.string(), parameterName: z.string(), ruleId: z.string(), description: z.string(), environmentId: z.string() })),
  segments: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Usage = z.infer<typeof usageSchema>;

/**
 * Saves that change what a running experiment or its audience serves succeed, and say so: one
 * entry per live experiment affected (the dashboard asks before saving, from the usage).
 */
export const impactWarningSchema = z.object({
  experimentId: z.string(),
  experimentKey: z.string(),
  experimentName: z.string(),
  message: z.string(),
});
export type ImpactWarning = z.infer<typeof impactWarningSchema>;
export const withWarnings = <T extends z.ZodObject>(schema: T) => schema.extend({ warnings: z.array(impactWarningSchema) });
