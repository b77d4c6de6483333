import { describe, expect, it } from 'vitest';
import { bayesianTest, frequentistTest, type MeanStats, sequentialTest, type TestResult, verdict } from './index';

function mean(n: number, mu: number, variance: number): MeanStats {
  return { kind: 'mean', n, sum: n * mu, sumSquares: variance * (n - 1) + n * mu * mu };
}

const control = mean(2000, 10, 4);
const up = mean(2000, 10.5, 4); // clearly higher
const down = mean(2000, 9.5, 4); // clearly lower
const same = mean(2000, 10.01, 4); // indistinguishable

describe('verdict', () => {
  it('frequentist: sign of a significant effect, flipped for lower-is-better', () => {
    expect(verdict(frequentistTest(control, up))).toBe('winning');
    expect(verdict(frequentistTest(control, down))).toBe('losing');
    expect(verdict(frequentistTest(control, same))).toBe('no-difference');
    expect(verdict(frequentistTest(control, up), { direction: 'lower-is-better' })).toBe('losing');
    expect(verdict(frequentistTest(control, down), { direction: 'lower-is-better' })).toBe('winning');
  });

  it('uses an adjusted p-value when given one', () => {
    const r = frequentistTest(control, up);
    expect(verdict(r, { pValue: 0.2 })).toBe('no-difference');
  });

  it('one-sided tests only call their own direction', () => {
    expect(verdict(frequentistTest(control, down, { alternative: 'lesser' }), { direction: 'lower-is-better' })).toBe('winning');
    expect(verdict(frequentistTest(control, down, { alternative: 'greater' }))).toBe('no-difference');
    expect(verdict(sequentialTest(control, up, { alternative: 'greater' }))).toBe('winning');
  });

  it('sequential results work the same way', () => {
    expect(verdict(sequentialTest(control, down), { direction: 'lower-is-better' })).toBe('winning');
  });

  it('falls back to the interval when a p-value is missing', () => {
    const r: TestResult = { ...frequentistTest(control, up) };
    delete r.pValue;
    expect(verdict(r)).toBe('winning');
  });

  it('bayesian: chance to win, flipped for lower-is-better however it was computed', () => {
    expect(verdict(bayesianTest(control, up))).toBe('winning');
    expect(verdict(bayesianTest(control, down))).toBe('losing');
    expect(verdict(bayesianTest(control, same))).toBe('no-difference');
    // Computed without `inverse`, judged as lower-is-better: flipped here.
    expect(verdict(bayesianTest(control, down), { direction: 'lower-is-better' })).toBe('winning');
    // Computed with `inverse` (chanceToWin already flipped): not flipped twice.
    const inv = bayesianTest(control, down, { inverse: true });
    expect(inv.chanceToWin).toBeGreaterThan(0.95);
    expect(verdict(inv, { direction: 'lower-is-better' })).toBe('winning');
    expect(verdict(inv, { direction: 'higher-is-better' })).toBe('losing');
  });

  it('not-enough-data passes through', () => {
    const empty = mean(0, 0, 0);
    expect(verdict(frequentistTest(empty, empty))).toBe('not-enough-data');
    expect(verdict(bayesianTest(empty, empty), { direction: 'lower-is-better' })).toBe('not-enough-data');
  });
});
