import type { WebhookDeliveryEventType, WebhookEventType } from '../../../shared/contract/webhooks';
import { randomId } from '../../lib/crypto';
import type { Services } from '../../services';
import type { Store, WebhookDeliveryRecord, WebhookRecord } from '../../store/types';
import { kickWebhookDelivery } from './delivery';

/**
 * Queues one delivery of `type` per active webhook of the environment that asked for it, then
 * starts a delivery run off the caller's path. Never sends on the caller's path and never fails
 * the caller's action: problems are logged.
 *
 * Inside a transaction pass its `store`: the deliveries then commit (or roll back) with the
 * action, and the call does not wait on the transaction it is part of (on the memory store and
 * PGlite that would never finish).
 */
export async function emitWebhookEvent(
  services: Services,
  environmentId: string,
  type: WebhookEventType,
  data: Record<string, unknown>,
  store: Store = services.store,
): Promise<void> {
  try {
    const webhooks = (await store.webhooks.list(environmentId)).filter((w) => w.active && w.events.includes(type));
    if (webhooks.length === 0) return;
    await queueDeliveries(services, store, webhooks, type, data);
  } catch (error) {
    services.log(`Queuing "${type}" webhook deliveries failed`, error);
  }
}

/** Writes the deliveries (the body text is fixed here: every attempt sends the same bytes). */
export async function queueDeliveries(
  services: Services,
  store: Store,
  webhooks: WebhookRecord[],
  type: WebhookDeliveryEventType,
  data: Record<string, unknown>,
): Promise<WebhookDeliveryRecord[]> {
  const now = services.clock.now().toISOString();
  const environments = new Map((await store.environments.list()).map((e) => [e.id, e]));
  const deliveries = webhooks.map((webhook): WebhookDeliveryRecord => {
    const id = randomId();
    const environment = environments.get(webhook.environmentId);
    const body = { id, type, environment: { id: webhook.environmentId, key: environment?.key ?? webhook.environmentId }, occurredAt: now, data };
    return {
      id, webhookId: webhook.id, eventType: type, payload: JSON.stringify(body), status: 'pending', attempts: 0,
      nextAttemptAt: now, lastStatus: null, lastResponse: null, createdAt: now, deliveredAt: null,
    };
  });
  await store.webhooks.insertDeliveries(deliveries);
  kickWebhookDelivery(services);
  return deliveries;
}
