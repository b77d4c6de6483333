import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type SwitchboardApp } from '../../app';
import { nodePasswordHasher } from '../../node/password-node';
import { sharedPgliteStore, truncateAll } from '../../store/sql/test-database';
import type { SqlStore } from '../../store/sql/sql-store';
import { experimentMetrics, refreshRunningRollups } from './result-rollups';
import { experimentResults } from './results-service';
import { experimentDoc, metricDoc } from './results-fixtures';

// The background refresh keeps running experiments' rollups current with the spec a results
// request uses, so opening results afterwards recomputes nobody.

const purchase = metricDoc({ id: 'm-purchase', kind: 'conversion', event: 'purchase' });
const at = (minutes: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + minutes * 60_000).toISOString();

describe('refreshRunningRollups', () => {
  let store: SqlStore;
  let app: SwitchboardApp;
  beforeAll(async () => {
    store = await sharedPgliteStore();
    await truncateAll(store);
    app = createApp({ store, passwords: nodePasswordHasher, log: () => {} });
    await store.metrics.insert(purchase);
    await store.experiments.insert(experimentDoc({ id: 'running', key: 'running' }));
    await store.experiments.insert(experimentDoc({ id: 'draft', key: 'draft', status: 'draft', startedAt: null }));
    const users = ['a', 'b', 'c'];
    for (const id of ['running', 'draft']) {
      await store.exposures.record(users.map((u, i) => ({ experimentId: id, targetingKey: u, variant: i % 2 ? 'b' : 'control', firstSeenAt: at(0) })));
    }
    await store.events.insertBatch(users.map((u, i) => ({ id: `e-${u}`, type: 'track', targetingKey: u, event: 'purchase', value: i, timestamp: at(5), properties: null, receivedAt: at(5) })));
  }, 60_000);

  it('refreshes running experiments only, and only what changed', async () => {
    expect(await refreshRunningRollups(app.services)).toBe(3);
    expect(await refreshRunningRollups(app.services)).toBe(0);
    await store.events.insertBatch([{ id: 'e-late', type: 'track', targetingKey: 'b', event: 'purchase', value: 2, timestamp: at(9), properties: null, receivedAt: at(9) }]);
    expect(await refreshRunningRollups(app.services)).toBe(1);
  });

  it('leaves a results request nothing to recompute', async () => {
    const experiment = (await store.experiments.getById('running'))!;
    const results = await experimentResults(app.services, 'running', { engine: 'sequential', correction: 'none', cuped: 'on' });
    expect(results.variants.map((v) => v.users)).toEqual([2, 1]);
    expect(results.metrics[0].arms.map((a) => a.users)).toEqual([2, 1]);
    const { found } = await experimentMetrics(store, experiment);
    expect(await store.results.refreshRollups({ experimentId: 'running', metrics: found, to: null })).toEqual({ users: 0, rebuilt: false });
  });
});
