import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/harness';
import { experimentDoc } from '../results/results-fixtures';

// An experiment runs in one environment: exposure events count only from that environment's keys.
describe('exposure events and environments', () => {
  it('counts an exposure from a key of the experiment environment, and stores it only as an event from another', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const keyFor = async (environmentId: string) =>
      (await t.call('POST', '/api/sdk-keys', { name: environmentId, kind: 'server', environmentId }, admin)).json.secret as string;
    const [production, staging] = [await keyFor('production'), await keyFor('staging')];
    const store = t.app.services.store;
    await store.experiments.insert(experimentDoc({ id: 'exp-1', key: 'checkout-button', environmentId: 'staging' }));
    const exposure = (id: string, targetingKey: string) => ({
      id, type: 'exposure', event: '$exposure', targetingKey, timestamp: '2026-01-01T00:00:00.000Z', properties: { experiment: 'checkout-button', variant: 'b' },
    });
    const send = (key: string, events: unknown[]) => t.call('POST', '/sdk/v1/events', { events }, {}, { authorization: `Bearer ${key}` });

    expect((await send(production, [exposure('p1', 'u-prod')])).json).toEqual({ accepted: 1, duplicates: 0 });
    expect((await send(staging, [exposure('s1', 'u-staging')])).json).toEqual({ accepted: 1, duplicates: 0 });
    expect(Object.fromEntries(await store.exposures.variantsOf('exp-1'))).toEqual({ 'u-staging': 'b' });
  });
});
