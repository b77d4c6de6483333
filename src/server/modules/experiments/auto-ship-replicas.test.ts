import { afterAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/contract/audit';
import { closeStoresUnderTest, replicaStoresUnderTest } from '../../store/sql/test-database';
import { createTestApp } from '../../test/harness';
import { configureWebhookDelivery } from '../webhooks/delivery';
import { runAutoShip } from './auto-ship';
import { autoShipWorld, clearWinner, DAY } from './auto-ship-fixtures';

// Two replicas run auto-ship at the same moment on one database: the winner ships once (one
// rollout, one winner_found, one audit entry). Each replica reads the results itself (the
// five-minute limit is per process); the 'auto-ship' job lock and the experiment's version make
// the write happen once. On PGlite the two apps share the one database; on PostgreSQL
// (TEST_DATABASE_URL) each has its own pool.

const databases = replicaStoresUnderTest();
afterAll(closeStoresUnderTest);

describe.each(databases)('auto-ship with two replicas: %s', { timeout: 180_000 }, (_name, open) => {
  it('ships the winner once though both replicas run at once', async () => {
    const [storeA, storeB] = await open();
    const { w, experiment, traffic, read, rollouts, webhookEvents } = await autoShipWorld(undefined, storeA);
    const b = createTestApp({ store: storeB });
    configureWebhookDelivery(b.app.services, { autoDeliver: false });
    await traffic(2000, clearWinner);
    await w.app.services.exposures.flush();
    w.clock.advance(8 * DAY);
    b.clock.advance(8 * DAY);

    const [first, second] = await Promise.all([runAutoShip(w.app.services), runAutoShip(b.app.services)]);
    expect([...first.shipped, ...second.shipped]).toHaveLength(1);
    expect([...first.winnersFound, ...second.winnersFound]).toEqual([experiment.id]);
    expect(await rollouts()).toHaveLength(1);
    expect((await read()).status).toBe('completed');
    expect((await webhookEvents()).sort()).toEqual(['experiment.completed', 'experiment.winner_found']); // same instant: either order
    const audit = (await w.call<AuditPage>('GET', `/api/audit?objectType=experiment&objectId=${experiment.id}&limit=200`, undefined, w.admin)).json.items.map((e: { action: string }) => e.action);
    expect(audit.filter((action: string) => action === 'experiment.auto-shipped')).toHaveLength(1);
    expect(audit.filter((action: string) => action === 'experiment.winner-found')).toHaveLength(1);
  });
});
