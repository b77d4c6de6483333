import { afterAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../lib/password';
import { deliverWebhooks, configureWebhookDelivery } from '../modules/webhooks/delivery';
import { createServices } from '../services';
import { testClock } from '../test/harness';
import { openPostgresStore } from './sql/open';
import { closeStoresUnderTest, storesUnderTest } from './sql/test-database';
import type { Store, WebhookDeliveryRecord, WebhookRecord } from './types';

// The webhook store's contract on memory, PGlite and PostgreSQL (TEST_DATABASE_URL), and the
// delivery job with two replicas: each delivery is sent once.

const extraStores: Store[] = [];
afterAll(async () => {
  for (const store of extraStores) await store.close();
  await closeStoresUnderTest();
});

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

const webhook = (overrides: Partial<WebhookRecord> = {}): WebhookRecord => ({
  id: 'w1', environmentId: 'production', url: 'https://example.com/hook', description: 'Relay', events: ['change.published', 'experiment.started'],
  active: true, secret: 'whsec_secret', createdAt: at(0), createdBy: 'Ada', ...overrides,
});

const delivery = (id: string, minute: number, overrides: Partial<WebhookDeliveryRecord> = {}): WebhookDeliveryRecord => ({
  id, webhookId: 'w1', eventType: 'change.published', payload: `{"id":"${id}","data":{"é":"✓"}}`, status: 'pending', attempts: 0,
  nextAttemptAt: at(minute), lastStatus: null, lastResponse: null, createdAt: at(minute), deliveredAt: null, ...overrides,
});

describe.each(storesUnderTest())('webhook store: %s', { timeout: 120_000 }, (name, open) => {
  it('keeps webhooks per environment with their secret; update and delete (deliveries go too)', async () => {
    const store = await open();
    await store.webhooks.insert(webhook());
    await store.webhooks.insert(webhook({ id: 'w2', environmentId: 'staging', createdAt: at(1) }));
    expect(await store.webhooks.list('production')).toEqual([webhook()]);
    expect((await store.webhooks.list('staging')).map((w) => w.id)).toEqual(['w2']);
    const changed = webhook({ url: 'https://example.com/other', events: ['rollout.finished'], active: false, secret: 'whsec_new', description: '' });
    expect(await store.webhooks.update(changed)).toEqual(changed);
    expect(await store.webhooks.getById('w1')).toEqual(changed);
    expect(await store.webhooks.update(webhook({ id: 'missing' }))).toBeNull();

    await store.webhooks.insertDeliveries([delivery('d1', 1), delivery('d2', 2)]);
    expect(await store.webhooks.delete('w1')).toBe(true);
    expect(await store.webhooks.delete('w1')).toBe(false);
    expect(await store.webhooks.getDelivery('d1')).toBeNull();
    expect(await store.webhooks.getById('w1')).toBeNull();
  });

  it('lists deliveries newest first, claims due ones once, records attempts, requeues and prunes', async () => {
    const store = await open();
    await store.webhooks.insert(webhook());
    await store.webhooks.insertDeliveries([delivery('d1', 1), delivery('d2', 2), delivery('d3', 30), delivery('d4', 3, { status: 'delivered', nextAttemptAt: null, attempts: 1, deliveredAt: at(3), lastStatus: 200, lastResponse: 'ok' })]);
    expect((await store.webhooks.listDeliveries('w1', 10)).map((d) => d.id)).toEqual(['d3', 'd4', 'd2', 'd1']);
    expect((await store.webhooks.listDeliveries('w1', 2)).map((d) => d.id)).toEqual(['d3', 'd4']);
    expect(await store.webhooks.getDelivery('d4')).toEqual(delivery('d4', 3, { status: 'delivered', nextAttemptAt: null, attempts: 1, deliveredAt: at(3), lastStatus: 200, lastResponse: 'ok' }));

    const claimed = await store.webhooks.claimDue(at(10), at(12), 10);
    expect(claimed.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(claimed[0]).toEqual({ ...delivery('d1', 1), nextAttemptAt: at(12) });
    expect(await store.webhooks.claimDue(at(11), at(13), 10)).toEqual([]);
    expect((await store.webhooks.claimDue(at(12), at(14), 1)).map((d) => d.id)).toEqual(['d1']);

    await store.webhooks.recordAttempt('d1', { status: 'failed', attempts: 6, nextAttemptAt: null, lastStatus: 500, lastResponse: 'no', deliveredAt: null });
    expect(await store.webhooks.getDelivery('d1')).toMatchObject({ status: 'failed', attempts: 6, nextAttemptAt: null, lastStatus: 500, lastResponse: 'no' });
    expect(await store.webhooks.requeue('d1', at(20))).toMatchObject({ status: 'pending', attempts: 6, nextAttemptAt: at(20) });
    expect(await store.webhooks.requeue('missing', at(20))).toBeNull();

    // Keep 2 per webhook: the oldest finished one goes; pending ones always stay.
    await store.webhooks.recordAttempt('d2', { status: 'delivered', attempts: 1, nextAttemptAt: null, lastStatus: 200, lastResponse: '', deliveredAt: at(13) });
    expect(await store.webhooks.prune(2)).toBe(1);
    expect((await store.webhooks.listDeliveries('w1', 10)).map((d) => d.id)).toEqual(['d3', 'd4', 'd1']);
  });

  it('two replicas running the delivery job at once send each delivery once', async () => {
    const storeA = await open();
    const url = process.env.TEST_DATABASE_URL;
    const storeB = name === 'PostgreSQL' && url ? await openPostgresStore(url, { poolSize: 4 }) : storeA;
    if (storeB !== storeA) extraStores.push(storeB);
    await storeA.webhooks.insert(webhook());
    const clock = testClock(at(5));
    const sent: string[] = [];
    const replica = (store: Store) => {
      const services = createServices({ store, clock, passwords: createPasswordHasher(), log: () => {} });
      const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
        sent.push(JSON.parse(String(init?.body)).id as string);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return new Response('ok', { status: 200 });
      };
      configureWebhookDelivery(services, { fetch: fetch as typeof globalThis.fetch, autoDeliver: false });
      return services;
    };
    const [a, b] = [replica(storeA), replica(storeB)];
    for (let round = 0; round < 10; round++) {
      await storeA.webhooks.insertDeliveries([delivery(`r${round}a`, 1), delivery(`r${round}b`, 2)]);
      await Promise.all([deliverWebhooks(a), deliverWebhooks(b), deliverWebhooks(a), deliverWebhooks(b)]);
      // Whatever a held lock left for later goes out on the next run.
      await deliverWebhooks(a);
    }
    expect(sent.sort()).toEqual(Array.from({ length: 10 }, (_, round) => [`r${round}a`, `r${round}b`]).flat().sort());
    expect((await storeA.webhooks.listDeliveries('w1', 100)).every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
  });
});
