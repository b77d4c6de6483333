import { describe, expect, it } from 'vitest';
import { equalSplit, totalWeight, weightsTotal100 } from './weights';

describe('equalSplit', () => {
  it.each([2, 3, 4, 6, 7, 9, 10])('shares 100%% between %i variants, totalling exactly 100', (count) => {
    const weights = equalSplit(count);
    expect(weights).toHaveLength(count);
    expect(weightsTotal100(weights)).toBe(true);
    expect(Math.max(...weights) - Math.min(...weights)).toBeLessThan(0.1);
  });

  it('gives three variants 33.33, 33.33 and 33.34', () => {
    expect(equalSplit(3)).toEqual([33.33, 33.33, 33.34]);
  });
});

describe('totalWeight', () => {
  it('rounds to hundredths and ignores a blank', () => {
    expect(totalWeight([33.33, 33.33, 33.34])).toBe(100);
    expect(totalWeight([50, Number.NaN, 40])).toBe(90);
  });
});
