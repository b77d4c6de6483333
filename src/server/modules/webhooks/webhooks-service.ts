import type { z } from 'zod';
import type { createWebhookBodySchema, updateWebhookBodySchema, Webhook, WebhookDelivery } from '../../../shared/contract/webhooks';
import { randomId, randomToken } from '../../lib/crypto';
import { notFound } from '../../lib/errors';
import type { Principal } from '../../http/env';
import type { Services } from '../../services';
import type { Store, WebhookDeliveryRecord, WebhookRecord } from '../../store/types';
import { actorOf, recordAudit, type Actor } from '../audit/audit-service';
import { writableEnvironment } from '../environments/environments-service';
import { kickWebhookDelivery } from './delivery';
import { queueDeliveries } from './emit';

/** Recognisable in logs and secret scanners; the rest is 32 random bytes. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** The delivery log shows this many, newest first (the store keeps up to 500 per webhook). */
const DELIVERY_LOG_LIMIT = 200;

/** What the API shows: never the secret, only its last 4 characters. */
export function toWebhookView(record: WebhookRecord): Webhook {
  const { secret, ...view } = record;
  return { ...view, secretHint: secret.slice(-4) };
}

export function toDeliveryView(record: WebhookDeliveryRecord): WebhookDelivery {
  return { ...record, payload: JSON.parse(record.payload) as unknown };
}

const newSecret = () => WEBHOOK_SECRET_PREFIX + randomToken(32);

async function getWebhook(store: Store, id: string): Promise<WebhookRecord> {
  const found = await store.webhooks.getById(id);
  if (!found) throw notFound('No such webhook');
  return found;
}

function audit(store: Store, services: Services, actor: Actor, action: string, before: WebhookRecord | null, after: WebhookRecord | null) {
  const subject = (after ?? before)!;
  return recordAudit(store, services.clock.now(), {
    actor, action: `webhook.${action}`, objectType: 'webhook', objectId: subject.id, objectLabel: subject.url,
    before: before && toWebhookView(before), after: after && toWebhookView(after),
  });
}

export async function listWebhooks(services: Services, environmentId: string): Promise<Webhook[]> {
  return (await services.store.webhooks.list(environmentId)).map(toWebhookView);
}

export async function createWebhook(services: Services, environment: string | undefined, body: z.output<typeof createWebhookBodySchema>, by: Principal) {
  const actor = await actorOf(services.store, by);
  const secret = newSecret();
  const record = await services.store.transaction(async (store) => {
    const env = await writableEnvironment(store, environment);
    const created: WebhookRecord = {
      id: randomId(), environmentId: env.id, url: body.url, description: body.description, events: [...new Set(body.events)],
      active: true, secret, createdAt: services.clock.now().toISOString(), createdBy: actor.name,
    };
    await store.webhooks.insert(created);
    await audit(store, services, actor, 'created', null, created);
    return created;
  });
  return { webhook: toWebhookView(record), secret };
}

export async function updateWebhook(services: Services, id: string, body: z.output<typeof updateWebhookBodySchema>, by: Principal): Promise<Webhook> {
  const actor = await actorOf(services.store, by);
  return services.store.transaction(async (store) => {
    const before = await getWebhook(store, id);
    const next: WebhookRecord = {
      ...before,
      ...(body.url !== undefined && { url: body.url }),
      ...(body.description !== undefined && { description: body.description }),
      ...(body.events !== undefined && { events: [...new Set(body.events)] }),
      ...(body.active !== undefined && { active: body.active }),
    };
    const saved = (await store.webhooks.update(next)) ?? next;
    await audit(store, services, actor, body.active === false ? 'paused' : body.active === true && !before.active ? 'resumed' : 'updated', before, saved);
    return toWebhookView(saved);
  });
}

export async function deleteWebhook(services: Services, id: string, by: Principal): Promise<void> {
  const actor = await actorOf(services.store, by);
  await services.store.transaction(async (store) => {
    const before = await getWebhook(store, id);
    await store.webhooks.delete(id);
    await audit(store, services, actor, 'deleted', before, null);
  });
}

/** A new secret, returned this once; the old one signs nothing from now on. */
export async function rotateWebhookSecret(services: Services, id: string, by: Principal) {
  const actor = await actorOf(services.store, by);
  const secret = newSecret();
  const saved = await services.store.transaction(async (store) => {
    const before = await getWebhook(store, id);
    const next = (await store.webhooks.update({ ...before, secret })) ?? { ...before, secret };
    await audit(store, services, actor, 'secretRotated', before, next);
    return next;
  });
  return { webhook: toWebhookView(saved), secret };
}

/** Queues a `webhook.test` delivery (sent even while paused: the admin asked for it). */
export async function sendTestDelivery(services: Services, id: string, by: Principal): Promise<WebhookDelivery> {
  const actor = await actorOf(services.store, by);
  const [delivery] = await services.store.transaction(async (store) => {
    const webhook = await getWebhook(store, id);
    const queued = await queueDeliveries(services, store, [webhook], 'webhook.test', { message: 'A test delivery from Switchboard', sentBy: actor.name });
    await audit(store, services, actor, 'testSent', webhook, webhook);
    return queued;
  });
  return toDeliveryView(delivery!);
}

export async function listDeliveries(services: Services, webhookId: string): Promise<WebhookDelivery[]> {
  await getWebhook(services.store, webhookId);
  return (await services.store.webhooks.listDeliveries(webhookId, DELIVERY_LOG_LIMIT)).map(toDeliveryView);
}

/** Sends a delivery again now (one more attempt if it had failed). */
export async function retryDelivery(services: Services, deliveryId: string, by: Principal): Promise<WebhookDelivery> {
  const actor = await actorOf(services.store, by);
  const requeued = await services.store.transaction(async (store) => {
    const delivery = await store.webhooks.getDelivery(deliveryId);
    if (!delivery) throw notFound('No such delivery');
    const webhook = await getWebhook(store, delivery.webhookId);
    const again = (await store.webhooks.requeue(deliveryId, services.clock.now().toISOString()))!;
    await recordAudit(store, services.clock.now(), {
      actor, action: 'webhook.deliveryRetried', objectType: 'webhook', objectId: webhook.id, objectLabel: webhook.url,
      before: { deliveryId, status: delivery.status, attempts: delivery.attempts }, after: { deliveryId, status: again.status },
    });
    return again;
  });
  kickWebhookDelivery(services);
  return toDeliveryView(requeued);
}
