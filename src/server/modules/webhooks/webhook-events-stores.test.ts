import { afterAll, describe, expect, it } from 'vitest';
import { closeStoresUnderTest, storesUnderTest } from '../../store/sql/test-database';
import type { Webhook } from '../../../shared/contract/webhooks';
import { createTestApp } from '../../test/harness';
import { configureWebhookDelivery } from './delivery';

// Events are queued inside the action's transaction, on every store: on PGlite (one connection)
// a write outside it would wait for the transaction forever, and on PostgreSQL it would commit
// even when the action rolls back.

afterAll(closeStoresUnderTest);

describe.each(storesUnderTest())('webhook events queued with the action: %s', { timeout: 120_000 }, (_name, open) => {
  it('a published change request queues change.published; a refused publish queues nothing', async () => {
    const t = createTestApp({ store: await open() });
    configureWebhookDelivery(t.app.services, { autoDeliver: false });
    const admin = await t.setupAdmin();
    const hook = (await t.call<{ webhook: Webhook }>('POST', '/api/webhooks?environment=staging', { url: 'https://hooks.example.com/x', events: ['change.published'] }, admin)).json.webhook;
    const p = (await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin)).json;
    const propose = async (value: string) =>
      (await t.call('POST', '/api/change-requests', {
        environmentId: 'staging', title: value, changes: [{ parameterId: p.id, baseVersion: 1, after: { defaultValue: value, killed: false, rules: [] } }],
      }, admin)).json;
    const first = await propose('Hi');
    const second = await propose('Hey');
    expect((await t.call('POST', `/api/change-requests/${first.id}/publish`, { expectedVersion: first.version }, admin)).status).toBe(200);
    // Based on version 1, which is gone now: refused, and nothing is queued for it.
    expect((await t.call('POST', `/api/change-requests/${second.id}/publish`, { expectedVersion: second.version }, admin)).status).toBe(409);
    const deliveries = await t.store.webhooks.listDeliveries(hook.id, 10);
    expect(deliveries.map((d) => [d.eventType, JSON.parse(d.payload).data.changeRequest.title])).toEqual([['change.published', 'Hi']]);
  });
});
