/**
 * Degenerate inputs must give the spec's default result with status
 * 'not-enough-data', and never NaN or Infinity, for every engine.
 */
import { describe, expect, it } from 'vitest';
import {
  type ArmStats,
  bayesianTest,
  type CupedRatioStats,
  type CupedStats,
  frequentistTest,
  type MeanStats,
  sequentialTest,
  type TestResult,
} from './index';

const healthy: MeanStats = { kind: 'mean', n: 100, sum: 1000, sumSquares: 10_400 }; // mean 10, var ~4

function mean(n: number, sum: number, sumSquares: number): MeanStats {
  return { kind: 'mean', n, sum, sumSquares };
}

function cuped(n: number, post: MeanStats, pre: MeanStats, sumProduct: number): CupedStats {
  return {
    kind: 'cuped',
    n,
    post: { sum: post.sum, sumSquares: post.sumSquares },
    pre: { sum: pre.sum, sumSquares: pre.sumSquares },
    sumProduct,
  };
}

function cupedRatio(n: number, scale: number): CupedRatioStats {
  const m = { sum: 2 * n * scale, sumSquares: 5 * n * scale };
  const d = { sum: 3 * n * scale, sumSquares: 10 * n * scale };
  return {
    kind: 'cuped-ratio',
    n,
    numeratorPost: m,
    denominatorPost: d,
    numeratorPre: m,
    denominatorPre: d,
    sumProducts: {
      numeratorPostNumeratorPre: 5 * n * scale,
      denominatorPostDenominatorPre: 10 * n * scale,
      numeratorPreDenominatorPre: 6.5 * n * scale,
      numeratorPostDenominatorPost: 6.5 * n * scale,
      numeratorPostDenominatorPre: 6.5 * n * scale,
      numeratorPreDenominatorPost: 6.5 * n * scale,
    },
  };
}

const cupedHealthy = cuped(100, healthy, mean(100, 500, 2600), 5200);

/** [description, control, treatment] */
const cases: [string, ArmStats, ArmStats][] = [
  ['zero users (mean)', mean(0, 0, 0), mean(0, 0, 0)],
  ['zero users in treatment only', healthy, mean(0, 0, 0)],
  ['zero users (proportion)', { kind: 'proportion', n: 0, sum: 0 }, { kind: 'proportion', n: 0, sum: 0 }],
  [
    'zero users (ratio)',
    { kind: 'ratio', n: 0, numerator: { sum: 0, sumSquares: 0 }, denominator: { sum: 0, sumSquares: 0 }, sumProduct: 0 },
    { kind: 'ratio', n: 0, numerator: { sum: 0, sumSquares: 0 }, denominator: { sum: 0, sumSquares: 0 }, sumProduct: 0 },
  ],
  ['zero users (cuped)', cuped(0, mean(0, 0, 0), mean(0, 0, 0), 0), cuped(0, mean(0, 0, 0), mean(0, 0, 0), 0)],
  ['zero users (cuped-ratio)', cupedRatio(0, 0), cupedRatio(0, 0)],
  ['n = 1 in control', mean(1, 10, 100), healthy],
  ['n = 1 in both (proportion)', { kind: 'proportion', n: 1, sum: 1 }, { kind: 'proportion', n: 1, sum: 0 }],
  ['n = 1 (cuped)', cuped(1, mean(1, 10, 100), mean(1, 5, 25), 50), cupedHealthy],
  ['zero variance in control (mean)', mean(100, 500, 2500), healthy],
  ['zero variance in both (mean)', mean(100, 500, 2500), mean(100, 700, 4900)],
  ['no conversions in control (proportion)', { kind: 'proportion', n: 500, sum: 0 }, { kind: 'proportion', n: 500, sum: 20 }],
  ['everyone converts in treatment', { kind: 'proportion', n: 500, sum: 20 }, { kind: 'proportion', n: 500, sum: 500 }],
  ['zero variance (cuped-ratio: constant per-user values)', cupedRatio(100, 1), cupedRatio(100, 1)],
  ['control mean 0 (mean)', mean(100, 0, 400), healthy],
  ['control denominator 0 (ratio)',
    { kind: 'ratio', n: 50, numerator: { sum: 10, sumSquares: 30 }, denominator: { sum: 0, sumSquares: 0 }, sumProduct: 0 },
    { kind: 'ratio', n: 50, numerator: { sum: 10, sumSquares: 30 }, denominator: { sum: 60, sumSquares: 100 }, sumProduct: 15 },
  ],
  ['control post mean 0 (cuped)', cuped(100, mean(100, 0, 400), mean(100, 500, 2600), 30), cupedHealthy],
];

const engines: [string, (c: ArmStats, t: ArmStats) => TestResult][] = [
  ['frequentist two-sided relative', (c, t) => frequentistTest(c, t)],
  ['frequentist two-sided absolute', (c, t) => frequentistTest(c, t, { differenceType: 'absolute' })],
  ['frequentist greater', (c, t) => frequentistTest(c, t, { alternative: 'greater' })],
  ['frequentist lesser', (c, t) => frequentistTest(c, t, { alternative: 'lesser' })],
  ['sequential two-sided', (c, t) => sequentialTest(c, t)],
  ['sequential greater absolute', (c, t) => sequentialTest(c, t, { alternative: 'greater', differenceType: 'absolute' })],
  ['sequential lesser', (c, t) => sequentialTest(c, t, { alternative: 'lesser' })],
  ['bayesian flat', (c, t) => bayesianTest(c, t)],
  ['bayesian proper absolute', (c, t) => bayesianTest(c, t, { differenceType: 'absolute', prior: { mean: 0, variance: 0.09, proper: true } })],
  ['bayesian inverse', (c, t) => bayesianTest(c, t, { inverse: true })],
];

describe.each(engines)('%s', (_name, engine) => {
  it.each(cases)('%s -> not-enough-data, finite default', (_case, control, treatment) => {
    const r = engine(control, treatment);
    expect(r.status).toBe('not-enough-data');
    expect(r.errorMessage).toBeTruthy();
    expect(r.expected).toBe(0);
    expect(r.ci).toEqual([0, 0]);
    expect(r.uplift).toEqual({ dist: 'normal', mean: 0, stddev: 0 });
    if (r.engine === 'bayesian') {
      expect(r.chanceToWin).toBe(0.5);
      expect(r.risk).toEqual([0, 0]);
      expect(r.pValue).toBeUndefined();
    } else {
      expect(r.pValue).toBe(1);
      expect(r.chanceToWin).toBeUndefined();
    }
  });

  it('healthy input is ok and finite', () => {
    const r = engine(healthy, mean(120, 1260, 13_700));
    expect(r.status).toBe('ok');
    for (const x of [r.expected, r.uplift.mean, r.uplift.stddev, r.pValue ?? 0, r.chanceToWin ?? 0]) {
      expect(Number.isFinite(x)).toBe(true);
    }
  });
});

describe('CUPED fallbacks and input errors', () => {
  it('CUPED with a constant pre-period falls back to the unadjusted test', () => {
    const flatPre = mean(100, 300, 900); // every pre value is 3: no variance
    const t = mean(120, 1260, 13_700);
    const adjusted = frequentistTest(cuped(100, healthy, flatPre, 3000), cuped(120, t, mean(120, 360, 1080), 3780));
    expect(adjusted).toEqual(frequentistTest(healthy, t));
  });

  it('rejects mixing statistic kinds', () => {
    expect(() => frequentistTest(healthy, { kind: 'proportion', n: 10, sum: 3 })).toThrow(TypeError);
  });

  it('rejects negative or non-finite user counts and bad alpha', () => {
    expect(() => frequentistTest(mean(-1, 0, 0), healthy)).toThrow(RangeError);
    expect(() => bayesianTest(mean(Number.NaN, 0, 0), healthy)).toThrow(RangeError);
    expect(() => frequentistTest(healthy, healthy, { alpha: 0 })).toThrow(RangeError);
    expect(() => sequentialTest(healthy, healthy, { alpha: 0.5, alternative: 'greater' })).toThrow(RangeError);
  });
});
