import { z } from 'zod';

/** Preview as user: every parameter's value for a context, with the reasons. */
export const previewBodySchema = z.strictObject({
  context: z
    .record(z.string(), z.unknown())
    .refine((context) => typeof context.targetingKey === 'string' && context.targetingKey !== '', {
      message: 'Give a targetingKey (the user or device id)',
      path: ['targetingKey'],
    }),
});

export const traceStepSchema = z.object({
  kind: z.enum(['killSwitch', 'testUser', 'experiment', 'rule', 'default']),
  label: z.string(),
  matched: z.boolean(),
  detail: z.string().optional(),
});

export const previewResultSchema = z.object({
  key: z.string(),
  value: z.unknown(),
  variant: z.string(),
  reason: z.string(),
  trace: z.array(traceStepSchema),
});
export type PreviewResult = z.infer<typeof previewResultSchema>;

/** A behavioural rule of the segments in use, for the user previewed: what was observed and whether it holds. */
export const previewBehaviourSchema = z.object({
  ruleId: z.string(),
  segmentIds: z.array(z.string()),
  /** The segments' names, in the order of segmentIds. */
  segmentNames: z.array(z.string()),
  description: z.string(),
  observed: z.string(),
  holds: z.boolean(),
});
export type PreviewBehaviour = z.infer<typeof previewBehaviourSchema>;

export const previewSchema = z.object({
  configVersion: z.number(),
  results: z.array(previewResultSchema),
  /** Present when segments in use hold behavioural rules. */
  behaviour: z.array(previewBehaviourSchema).optional(),
});
export type Preview = z.infer<typeof previewSchema>;
