import { afterAll, describe, expect, it } from 'vitest';
import { closeStoresUnderTest, replicaStoresUnderTest } from '../../store/sql/test-database';
import { createTestApp } from '../../test/harness';
import { behaviourWorld, cartNotBought, NOW } from './behaviour-fixtures';

// Two replicas over one database: each keeps its own behaviour state in memory, read from the
// shared events. An event sent to replica A changes replica B's answer once B has synced. On
// PGlite both apps share the one database; on PostgreSQL (TEST_DATABASE_URL) B has its own pool.

const databases = replicaStoresUnderTest();
afterAll(closeStoresUnderTest);

describe.each(databases)('behavioural segments on two replicas: %s', { timeout: 180_000 }, (_name, open) => {
  it("an event sent to replica A changes replica B's OFREP answer after B's sync", async () => {
    const [storeA, storeB] = await open();
    const a = await behaviourWorld(storeA);
    const b = createTestApp({ store: storeB });
    b.clock.advance(Date.parse(NOW) - b.clock.now().getTime());
    const valueOnB = async (user: string) => (await b.call('POST', '/ofrep/v1/evaluate/flags/paywall', { context: { targetingKey: user } }, {}, a.auth)).json.value;

    await a.target('paywall', await a.segment('Cart, no purchase', cartNotBought));
    await b.app.services.behaviour.sync();
    expect(await valueOnB('u1')).toBe('none');

    await a.send([{ user: 'u1', event: 'add_to_cart' }]);
    await b.app.services.behaviour.sync();
    expect(await valueOnB('u1')).toBe('offer');

    await a.send([{ user: 'u1', event: 'purchase' }]);
    expect(await valueOnB('u1')).toBe('offer'); // B has not synced yet
    await b.app.services.behaviour.sync();
    expect(await valueOnB('u1')).toBe('none');
  });
});
