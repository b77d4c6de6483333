import { describe, expect, it } from 'vitest';
import type { ExperimentResults } from '../../../shared/contract/results';
import { storesUnderTest } from '../../store/sql/test-database';
import { createTestApp } from '../../test/harness';

// An experiment runs in one environment: its results count the events that environment's apps
// sent, never another environment's (QA in Staging with production user ids must not move them).

const stores = storesUnderTest();

describe.each(stores)('results per environment: %s', { timeout: 120_000 }, (_name, open) => {
  it('counts only the events sent with keys of the experiment environment', async () => {
    const t = createTestApp({ store: await open() });
    const admin = await t.setupAdmin();
    const keyFor = async (environmentId: string) => (await t.call('POST', '/api/sdk-keys', { name: environmentId, kind: 'server', environmentId }, admin)).json.secret as string;
    const [staging, production] = [await keyFor('staging'), await keyFor('production')];
    await t.call('POST', '/api/parameters', { key: 'cta', name: 'CTA', spec: { type: 'string' }, defaultValue: 'Buy' }, admin);
    const metric = (await t.call('POST', '/api/metrics', { key: 'purchases', name: 'Purchases', kind: 'conversion', event: 'purchase' }, admin)).json;
    const created = (await t.call('POST', '/api/experiments', {
      key: 'cta-test', name: 'CTA test', environmentId: 'staging',
      variants: [{ key: 'control', name: 'Control', weight: 50, overrides: {} }, { key: 'b', name: 'B', weight: 50, overrides: { cta: 'Buy now' } }],
      metrics: { primary: metric.id, secondary: [], guardrails: [] },
    }, admin)).json;
    expect((await t.call('POST', `/api/experiments/${created.id}/transitions`, { action: 'start', expectedVersion: created.version }, admin)).status).toBe(200);

    const at = t.clock.now().toISOString();
    const send = (key: string, events: object[]) => t.call('POST', '/sdk/v1/events', { events }, {}, { authorization: `Bearer ${key}` });
    const exposure = (user: string, variant: string) => ({ id: `x-${user}`, type: 'exposure', event: '$exposure', targetingKey: user, timestamp: at, properties: { experiment: 'cta-test', variant } });
    const purchase = (user: string) => ({ id: `p-${user}`, type: 'track', event: 'purchase', targetingKey: user, timestamp: at });
    expect((await send(staging, [exposure('u1', 'control'), exposure('u2', 'control'), exposure('u3', 'b'), exposure('u4', 'b')])).status).toBe(200);
    // u1 and u3 buy in Staging; u2 and u4 only in Production (the same ids, another app).
    expect((await send(staging, [purchase('u1'), purchase('u3')])).status).toBe(200);
    expect((await send(production, [purchase('u2'), purchase('u4')])).status).toBe(200);

    const results = (await t.call<ExperimentResults>('GET', `/api/experiments/${created.id}/results`, undefined, admin)).json;
    const arms = results.metrics[0].arms.map((arm: { variant: string; users: number; total: number }) => [arm.variant, arm.users, arm.total]);
    expect(arms).toEqual([['control', 2, 1], ['b', 2, 1]]);
  });
});
