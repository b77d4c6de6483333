import { describe, expect, it } from 'vitest';
import { dateRangeText, liftDomain } from './chart-data';

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

  it('names the dates an image covers', () => {
    expect(dateRangeText(['2026-01-05', '2026-01-04'])).toMatch(/^(4 Jan 2026|Jan 4, 2026) to (5 Jan 2026|Jan 5, 2026)$/);
    expect(dateRangeText([])).toBe('');
  });
});
