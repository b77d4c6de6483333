/** Unit tests of the engines' formulas beyond the conformance vectors. */
import { describe, expect, it } from 'vitest';
import { bayesianRisk } from './bayesian';
import { normalCdf, normalPdf } from './distributions';
import { sequentialHalfWidthOneSided } from './sequential';
import {
  bayesianTest,
  computeEffect,
  cupedTheta,
  type CupedStats,
  frequentistTest,
  type MeanStats,
  sequentialRho,
  sequentialTest,
  sumStats,
} from './index';

function mean(n: number, mu: number, variance: number): MeanStats {
  return { kind: 'mean', n, sum: n * mu, sumSquares: variance * (n - 1) + n * mu * mu };
}
const control = mean(100, 10, 4);
const treatment = mean(100, 10.5, 4);

describe('effects', () => {
  it('absolute and relative effect and standard error by hand', () => {
    const abs = computeEffect(control, treatment, 'absolute');
    const rel = computeEffect(control, treatment, 'relative');
    if (!abs.ok || !rel.ok) throw new Error('unexpected degenerate effect');
    expect(abs.estimate).toBeCloseTo(0.5, 12);
    expect(abs.standardError).toBeCloseTo(Math.sqrt(0.08), 12);
    expect(rel.estimate).toBeCloseTo(0.05, 12);
    // 4/(100*100) + 4*10.5^2/(100*10^4)
    expect(rel.standardError).toBeCloseTo(Math.sqrt(0.0004 + 0.000441), 12);
  });

  it('sums strata before testing', () => {
    const rows = [mean(40, 9, 3), mean(60, 11, 5)];
    const total = sumStats(rows);
    expect(total.n).toBe(100);
    expect(total.sum).toBeCloseTo(360 + 660, 9);
    expect(frequentistTest(total, treatment).expected).toBeCloseTo((10.5 - 10.2) / 10.2, 12);
  });
});

describe('frequentist one-sided tests', () => {
  it('p-values and bounds relate to the two-sided test', () => {
    const two = frequentistTest(control, treatment);
    const greater = frequentistTest(control, treatment, { alternative: 'greater' });
    const lesser = frequentistTest(control, treatment, { alternative: 'lesser' });
    expect((greater.pValue ?? NaN) + (lesser.pValue ?? NaN)).toBeCloseTo(1, 12);
    expect(two.pValue).toBeCloseTo(2 * Math.min(greater.pValue ?? 1, lesser.pValue ?? 1), 12);
    const two90 = frequentistTest(control, treatment, { alpha: 0.1 });
    expect(greater.ci).toEqual([expect.closeTo(two90.ci[0], 12), Infinity]);
    expect(lesser.ci).toEqual([-Infinity, expect.closeTo(two90.ci[1], 12)]);
  });
});

describe('sequential', () => {
  it('rho matches the values observed in gbstats', () => {
    expect(sequentialRho(0.05, 5000)).toBeCloseTo(0.0398400668, 9);
    expect(sequentialRho(0.05, 1000)).toBeCloseTo(0.0890850975, 9);
  });

  it('one-sided p-value: bisection agrees with the closed-form root', () => {
    const c = mean(3000, 10, 25);
    const t = mean(3000, 10.35, 25);
    const r = sequentialTest(c, t, { alternative: 'greater', differenceType: 'absolute' });
    const e = computeEffect(c, t, 'absolute');
    if (!e.ok || r.pValue === undefined) throw new Error('expected a p-value');
    const n = 6000;
    const s2 = e.standardError ** 2 * n;
    const rho = sequentialRho(0.05, 5000, false);
    // Solve D - halfWidth(alpha) = 0 for alpha.
    const k = (s2 * 2 * (n * rho ** 2 + 1)) / (n * rho) ** 2;
    const exact = Math.sqrt(n * rho ** 2 + 1) / (2 * (Math.exp(e.estimate ** 2 / k) - 1));
    expect(r.pValue).toBeGreaterThan(1e-5);
    expect(r.pValue).toBeLessThan(0.4999);
    expect(Math.abs(e.estimate - sequentialHalfWidthOneSided(s2, n, r.pValue, rho))).toBeLessThan(1e-6);
    expect(r.pValue).toBeCloseTo(exact, 5);
    const lesser = sequentialTest(t, c, { alternative: 'lesser', differenceType: 'absolute' });
    expect(lesser.pValue).toBeCloseTo(r.pValue, 8);
  });

  it('one-sided p-value is clamped to [1e-5, 0.4999]', () => {
    const big = mean(5000, 12, 4);
    expect(sequentialTest(control, big, { alternative: 'greater' }).pValue).toBe(1e-5);
    expect(sequentialTest(control, big, { alternative: 'lesser' }).pValue).toBe(0.4999);
  });

  it('two-sided p-value is 1 when the effect is 0', () => {
    expect(sequentialTest(control, control).pValue).toBe(1);
  });
});

describe('bayesian', () => {
  it('risk equals numerically integrated expected losses', () => {
    for (const [m, s] of [[0.05, 0.0357], [-0.2, 0.1], [0, 1], [3, 0.5]] as const) {
      let lossControl = 0;
      let lossTreatment = 0;
      const h = s / 2000;
      for (let x = m - 12 * s; x <= m + 12 * s; x += h) {
        const w = normalPdf(x, m, s) * h;
        lossControl += Math.max(x, 0) * w;
        lossTreatment += Math.max(-x, 0) * w;
      }
      const [rc, rt] = bayesianRisk(m, s);
      expect(rc).toBeCloseTo(lossControl, 6);
      expect(rt).toBeCloseTo(lossTreatment, 6);
    }
    expect(bayesianRisk(40, 1)).toEqual([40, 0]);
    expect(bayesianRisk(-40, 1)).toEqual([0, 40]);
  });

  it('inverse flips chance to win and swaps risk, nothing else', () => {
    const a = bayesianTest(control, treatment);
    const b = bayesianTest(control, treatment, { inverse: true });
    expect(b.chanceToWin).toBeCloseTo(1 - (a.chanceToWin ?? NaN), 14);
    expect(b.risk).toEqual([a.risk?.[1], a.risk?.[0]]);
    expect(b.ci).toEqual(a.ci);
  });

  it('proper prior: normal-normal posterior; rescaled by |control mean| for absolute', () => {
    const prior = { mean: 0.1, variance: 0.01, proper: true };
    const e = computeEffect(control, treatment, 'absolute');
    if (!e.ok) throw new Error('degenerate');
    const pm = 0.1 * 10;
    const pv = 0.01 * 100;
    const precision = 1 / e.standardError ** 2 + 1 / pv;
    const r = bayesianTest(control, treatment, { differenceType: 'absolute', prior });
    expect(r.expected).toBeCloseTo((e.estimate / e.standardError ** 2 + pm / pv) / precision, 12);
    expect(r.uplift.stddev).toBeCloseTo(Math.sqrt(1 / precision), 12);
    expect(r.chanceToWin).toBeCloseTo(normalCdf(r.expected / r.uplift.stddev), 12);
  });

  it('flat prior: posterior is the sampling distribution', () => {
    const f = frequentistTest(control, treatment);
    const b = bayesianTest(control, treatment);
    expect(b.expected).toBe(f.expected);
    expect(b.uplift.stddev).toBe(f.uplift.stddev);
  });
});

describe('CUPED', () => {
  // Raw per-user data, so theta can be checked against a direct regression.
  const pre = [3, 5, 2, 8, 6, 4, 7, 1, 9, 5, 2, 6];
  const post = [4, 7, 2, 9, 8, 4, 9, 2, 11, 6, 3, 8];
  function stats(idx: number[], shift: number): CupedStats {
    const x = idx.map((i) => pre[i]);
    const y = idx.map((i) => post[i] + shift);
    const s = (v: number[]) => v.reduce((a, b) => a + b, 0);
    return {
      kind: 'cuped',
      n: idx.length,
      post: { sum: s(y), sumSquares: s(y.map((v) => v * v)) },
      pre: { sum: s(x), sumSquares: s(x.map((v) => v * v)) },
      sumProduct: s(x.map((v, i) => v * y[i])),
    };
  }
  const c = stats([0, 1, 2, 3, 4, 5], 0);
  const t = stats([6, 7, 8, 9, 10, 11], 1);

  it('theta is the pooled regression slope of post on pre', () => {
    const xs = pre;
    const ys = post.map((v, i) => v + (i >= 6 ? 1 : 0));
    const mx = xs.reduce((a, b) => a + b) / 12;
    const my = ys.reduce((a, b) => a + b) / 12;
    const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
    const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    expect(cupedTheta(c, t)).toBeCloseTo(sxy / sxx, 12);
  });

  it('reduces the standard error when pre predicts post', () => {
    const adjusted = computeEffect(c, t, 'absolute');
    const plain = computeEffect(
      { kind: 'mean', n: c.n, ...c.post },
      { kind: 'mean', n: t.n, ...t.post },
      'absolute',
    );
    if (!adjusted.ok || !plain.ok) throw new Error('degenerate');
    expect(adjusted.standardError).toBeLessThan(plain.standardError / 2);
  });
});
