import { z } from 'zod';
import { isoDateTimeSchema } from './common';

/**
 * Outgoing webhooks: admins register URLs per environment for what happens to rollouts,
 * experiments and changes. Every delivery is signed with the webhook's secret
 * (`Switchboard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`), retried with
 * backoff, and logged with the receiver's response.
 */

export const webhookEventTypes = [
  'rollout.advanced',
  'rollout.rolled_back',
  'rollout.finished',
  'experiment.started',
  'experiment.winner_found',
  'experiment.completed',
  'change.published',
] as const;
export const webhookEventTypeSchema = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

export const SIGNATURE_HEADER = 'Switchboard-Signature';

/** What a delivery can carry: the events above, or the test an admin sends from the dashboard. */
export const webhookDeliveryEventTypes = [...webhookEventTypes, 'webhook.test'] as const;
export const webhookDeliveryEventTypeSchema = z.enum(webhookDeliveryEventTypes);
export type WebhookDeliveryEventType = z.infer<typeof webhookDeliveryEventTypeSchema>;

export const webhookSchema = z.object({
  id: z.string(),
  environmentId: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(webhookEventTypeSchema),
  active: z.boolean(),
  /** The secret's last 4 characters, to tell secrets apart; the whole secret is shown once. */
  secretHint: z.string(),
  createdAt: isoDateTimeSchema,
  createdBy: z.string().nullable(),
});
export type Webhook = z.infer<typeof webhookSchema>;

const urlSchema = z
  .string()
  .trim()
  .max(2000, 'Use at most 2,000 characters')
  .url('Enter a URL such as https://example.com/hooks/switchboard')
  // Only a URL with another scheme: one without any already has the message above.
  .refine((url) => !/^[a-z][a-z0-9+.-]*:/i.test(url) || /^https?:\/\//i.test(url), 'Use an http or https URL');

export const createWebhookBodySchema = z.strictObject({
  url: urlSchema,
  description: z.string().trim().max(200, 'Use at most 200 characters').default(''),
  events: z.array(webhookEventTypeSchema).min(1, 'Choose at least one event').max(webhookEventTypes.length),
});

export const updateWebhookBodySchema = z.strictObject({
  url: urlSchema.optional(),
  description: z.string().trim().max(200, 'Use at most 200 characters').optional(),
  events: z.array(webhookEventTypeSchema).min(1, 'Choose at least one event').max(webhookEventTypes.length).optional(),
  active: z.boolean().optional(),
});

/** The answer to a create: the webhook and its signing secret, shown this once. */
export const createdWebhookSchema = z.object({ webhook: webhookSchema, secret: z.string() });

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;

export const webhookDeliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventType: webhookDeliveryEventTypeSchema,
  /** The JSON body sent (the same bytes every attempt). */
  payload: z.unknown(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int(),
  nextAttemptAt: isoDateTimeSchema.nullable(),
  /** The last attempt: HTTP status (null when no answer), the first 1,000 characters of the body, or the network error. */
  lastStatus: z.number().int().nullable(),
  lastResponse: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  deliveredAt: isoDateTimeSchema.nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookListSchema = z.object({ webhooks: z.array(webhookSchema) });
export const webhookDeliveryListSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });

/** The answer to a secret rotation: the new secret, shown this once (the old one stops signing at once). */
export const rotatedWebhookSecretSchema = z.object({ webhook: webhookSchema, secret: z.string() });
