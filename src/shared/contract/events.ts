import { z } from 'zod';

export const MAX_EVENTS_PER_BATCH = 1000;
/** Apps' clocks drift; anything later than this ahead of the server is refused as a mistake. */
export const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;

/** One event from an app: `track` (the user did something) or `exposure` (saw a variant). */
export const sdkEventSchema = z.strictObject({
  /** Chosen by the app, unique per event: a retried batch counts once. */
  id: z.string().trim().min(1, 'Give every event an id').max(100),
  type: z.enum(['track', 'exposure']),
  targetingKey: z.string().min(1, 'Required').max(200),
  event: z.string().trim().min(1, 'Name the event').max(100),
  value: z.number().refine(Number.isFinite, 'Must be a finite number').optional(),
  timestamp: z.iso.datetime({ offset: true, message: 'Use an ISO-8601 timestamp' }),
  properties: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).optional(),
});
export type SdkEvent = z.infer<typeof sdkEventSchema>;

export const eventBatchSchema = z.strictObject({
  events: z.array(z.unknown()).min(1, 'Send at least one event').max(MAX_EVENTS_PER_BATCH, `Send at most ${MAX_EVENTS_PER_BATCH} events per batch`),
});

export const eventBatchResultSchema = z.object({
  /** Events stored by this request. */
  accepted: z.number().int(),
  /** Events whose id was stored before (a retry): counted once. */
  duplicates: z.number().int(),
});

export const eventCatalogSchema = z.object({
  items: z.array(
    z.object({
      event: z.string(),
      type: z.enum(['track', 'exposure']),
      count: z.number(),
      users: z.number(),
      withValue: z.number(),
      properties: z.array(z.string()),
      lastSeenAt: z.string(),
    }),
  ),
});
export type EventCatalog = z.infer<typeof eventCatalogSchema>;
