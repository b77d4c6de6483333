/**
 * Property test: on simulated A/A experiments (true effect 0) the 95%
 * intervals must cover 0 about 95% of the time. Seeded, so deterministic.
 *
 * With 2,000 runs the Monte Carlo standard error of a 95% coverage is ~0.5
 * percentage points, so the [93%, 97%] band is about 4 standard errors wide
 * on each side.
 */
import { describe, expect, it } from 'vitest';
import {
  type ArmStats,
  bayesianTest,
  frequentistTest,
  sequentialTest,
  type TestResult,
} from './index';
import { seededRandom as prng } from '../seeded-random';

const RUNS = 2000;


function standardNormal(rand: () => number): number {
  // Box-Muller; 1 - u keeps the log argument in (0, 1].
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

function sampleSize(rand: () => number): number {
  return 500 + Math.floor(rand() * 1501);
}

function proportionArm(rand: () => number, p: number): ArmStats {
  const n = sampleSize(rand);
  let sum = 0;
  for (let i = 0; i < n; i++) if (rand() < p) sum++;
  return { kind: 'proportion', n, sum };
}

function meanArm(rand: () => number, mu: number, sigma: number): ArmStats {
  const n = sampleSize(rand);
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const x = mu + sigma * standardNormal(rand);
    sum += x;
    sumSquares += x * x;
  }
  return { kind: 'mean', n, sum, sumSquares };
}

type Pair = [ArmStats, ArmStats];

function simulate(seed: number, arm: (rand: () => number, p: number) => ArmStats): Pair[] {
  const rand = prng(seed);
  const pairs: Pair[] = [];
  for (let i = 0; i < RUNS; i++) {
    const level = 0.05 + rand() * 0.45; // same level in both arms: A/A
    pairs.push([arm(rand, level), arm(rand, level)]);
  }
  return pairs;
}

const proportions = simulate(20240611, proportionArm);
const means = simulate(77, (rand, level) => meanArm(rand, 20 * level, 2 + 10 * level));

function coverage(pairs: Pair[], test: (c: ArmStats, t: ArmStats) => TestResult): number {
  let covered = 0;
  for (const [c, t] of pairs) {
    const r = test(c, t);
    expect(r.status).toBe('ok');
    if (r.ci[0] <= 0 && 0 <= r.ci[1]) covered++;
  }
  return covered / pairs.length;
}

/** Measured coverages, printed once so they can be reported. */
const measured: Record<string, number> = {};

describe.each([
  ['proportions', proportions],
  ['normal means', means],
] as const)('A/A coverage of 95%% intervals, %s', (name, pairs) => {
  it.each(['relative', 'absolute'] as const)('frequentist two-sided (%s): 93%%-97%%', (differenceType) => {
    const cov = coverage(pairs, (c, t) => frequentistTest(c, t, { differenceType }));
    measured[`${name} frequentist ${differenceType}`] = cov;
    expect(cov).toBeGreaterThanOrEqual(0.93);
    expect(cov).toBeLessThanOrEqual(0.97);
  });

  it('frequentist one-sided greater: 93%-97%', () => {
    const cov = coverage(pairs, (c, t) => frequentistTest(c, t, { alternative: 'greater' }));
    measured[`${name} frequentist greater`] = cov;
    expect(cov).toBeGreaterThanOrEqual(0.93);
    expect(cov).toBeLessThanOrEqual(0.97);
  });

  it.each(['two-sided', 'lesser'] as const)('sequential %s: at least 95%% (conservative)', (alternative) => {
    const cov = coverage(pairs, (c, t) => sequentialTest(c, t, { alternative }));
    measured[`${name} sequential ${alternative}`] = cov;
    expect(cov).toBeGreaterThanOrEqual(0.95);
  });

  it('bayesian flat prior credible interval: 93%-97%', () => {
    const cov = coverage(pairs, (c, t) => bayesianTest(c, t));
    measured[`${name} bayesian`] = cov;
    expect(cov).toBeGreaterThanOrEqual(0.93);
    expect(cov).toBeLessThanOrEqual(0.97);
  });

  it('sequential intervals contain the fixed-horizon ones (always wider)', () => {
    for (const [c, t] of pairs.slice(0, 200)) {
      const f = frequentistTest(c, t);
      const s = sequentialTest(c, t);
      expect(s.ci[0]).toBeLessThan(f.ci[0]);
      expect(s.ci[1]).toBeGreaterThan(f.ci[1]);
    }
  });
});

describe('report', () => {
  it('prints measured coverages', () => {
    console.info(
      Object.entries(measured)
        .map(([k, v]) => `${k}: ${(v * 100).toFixed(2)}%`)
        .join('\n'),
    );
    expect(Object.keys(measured).length).toBeGreaterThan(0);
  });
});
