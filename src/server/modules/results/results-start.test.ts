import { describe, expect, it } from 'vitest';
import type { ExperimentResults } from '../../../shared/contract/results';
import { createTestApp } from '../../test/harness';
import { experimentDoc, metricDoc, simulate } from './results-fixtures';

// The traffic simulator (and a clock-skewed app) can record exposures dated before the experiment
// started. They are not part of the test: results count and chart only users exposed from the start.

describe('results before the experiment started', () => {
  it('neither counts nor charts users first exposed before the start, even when asked for an earlier range', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    await t.store.metrics.insert(metricDoc({ id: 'm-purchase', key: 'purchase', name: 'Purchases', kind: 'conversion', event: 'purchase' }));
    await t.store.experiments.insert(experimentDoc({ id: 'late', key: 'late', startedAt: '2026-01-04T00:00:00.000Z' }));
    // 600 users over 6 days from 1 January: the first 300 arrive before the 4 January start.
    await simulate(t.store, { experimentId: 'late', users: 600, days: 6, seed: 3, start: '2026-01-01T00:00:00.000Z', arms: [{ key: 'control', share: 0.5, purchaseRate: 0.2 }, { key: 'b', share: 0.5, purchaseRate: 0.2 }] });

    for (const query of ['', '?from=2025-12-01']) {
      const response = await t.call('GET', `/api/experiments/late/results${query}`, undefined, admin);
      expect(response.status, JSON.stringify(response.json)).toBe(200);
      const results = response.json as ExperimentResults;
      expect(results.variants.reduce((sum, variant) => sum + variant.users, 0)).toBe(300);
      expect(results.exposures.map((row) => row.day).every((day) => day >= '2026-01-04')).toBe(true);
      expect(results.metrics[0].series.every((point) => point.day >= '2026-01-04')).toBe(true);
    }
  });
});
