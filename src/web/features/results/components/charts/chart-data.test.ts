import { describe, expect, it } from 'vitest';
import type { ExperimentResults } from '../../../../../shared/contract/results';
import { dateRangeText, fromStart, liftDomain } from './chart-data';

describe('chart data', () => {
  it('fits the lift axis to the estimates and the latest intervals, not the first days’ ±2000%', () => {
    const [low, high] = liftDomain([20, 0.5, 0.12, 0.1], [[0.04, 0.16]]);
    // The first day's estimate (+2000%) is in view because it was charted; its huge band is not.
    expect(high).toBeGreaterThan(20);
    const [low2, high2] = liftDomain([0.12, 0.1], [[0.04, 0.16]]);
    expect(low2).toBeLessThanOrEqual(0);
    expect(low2).toBeGreaterThan(-0.05);
    expect(high2).toBeGreaterThanOrEqual(0.16);
    expect(high2).toBeLessThan(0.2);
    expect(low).toBeLessThanOrEqual(0);
  });

  it('keeps zero in view and never collapses to a point', () => {
    const [low, high] = liftDomain([0], [[0, 0]]);
    expect(low).toBeLessThan(0);
    expect(high).toBeGreaterThan(0);
    const [negLow, negHigh] = liftDomain([-0.3], [[-0.5, null]]);
    expect(negLow).toBeLessThanOrEqual(-0.5);
    expect(negHigh).toBeGreaterThanOrEqual(0);
  });

  it('charts nothing before the start', () => {
    const inTest = fromStart({ experiment: { startedAt: '2026-01-04T09:30:00.000Z' } } as ExperimentResults);
    expect(['2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05'].filter(inTest)).toEqual(['2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05']);
    expect(fromStart({ experiment: { startedAt: null } } as unknown as ExperimentResults)('2020-01-01')).toBe(true);
  });

  it('names the dates an image covers', () => {
    expect(dateRangeText(['2026-01-05', '2026-01-04'])).toMatch(/^(4 Jan 2026|Jan 4, 2026) to (5 Jan 2026|Jan 5, 2026)$/);
    expect(dateRangeText([])).toBe('');
  });
});
