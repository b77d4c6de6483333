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

export const previewSchema = z.object({ configVersion: z.number(), results: z.array(previewResultSchema) });
export type Preview = z.infer<typeof previewSchema>;
