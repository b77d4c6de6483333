import type { Comparison, EffectView, ResultsEngine } from '../../../shared/contract/results';
import type { Metric } from '../../../shared/contract/metrics';
import { armMean, bayesianTest, frequentistTest, sequentialTest, verdict, type ArmStats, type TestResult } from '../../../shared/stats';
import type { MetricSums } from '../../store/types';

// From the store's sums to the statistics engine's inputs, and from its results to the API's.

export const emptySums = (): MetricSums => ({ m: 0, m2: 0, d: 0, d2: 0, md: 0, pre: 0, pre2: 0, mPre: 0 });

export function addSums(a: MetricSums, b: MetricSums): MetricSums {
  return { m: a.m + b.m, m2: a.m2 + b.m2, d: a.d + b.d, d2: a.d2 + b.d2, md: a.md + b.md, pre: a.pre + b.pre, pre2: a.pre2 + b.pre2, mPre: a.mPre + b.mPre };
}

export interface Arm {
  users: number;
  sums: MetricSums;
}

const isRatio = (metric: Metric) => metric.kind === 'mean' || metric.kind === 'ratio';

/**
 * The engine's view of one arm. CUPED applies to per-user metrics when both arms have
 * pre-exposure data; otherwise (or for ratios) the plain statistic.
 */
export function armStats(metric: Metric, arm: Arm, cuped: boolean): ArmStats {
  const n = arm.users;
  const s = arm.sums;
  if (isRatio(metric)) {
    return { kind: 'ratio', n, numerator: { sum: s.m, sumSquares: s.m2 }, denominator: { sum: s.d, sumSquares: s.d2 }, sumProduct: s.md };
  }
  const binary = metric.kind === 'conversion';
  if (cuped) {
    return {
      kind: 'cuped',
      n,
      post: { sum: s.m, sumSquares: s.m2, binary },
      pre: { sum: s.pre, sumSquares: s.pre2, binary },
      sumProduct: s.mPre,
    };
  }
  return binary ? { kind: 'proportion', n, sum: s.m } : { kind: 'mean', n, sum: s.m, sumSquares: s.m2 };
}

export function usesCuped(metric: Metric, control: Arm, treatment: Arm, enabled: boolean): boolean {
  return enabled && !isRatio(metric) && control.sums.pre > 0 && treatment.sums.pre > 0;
}

export function armSummary(metric: Metric, arm: Arm) {
  const stats = armStats(metric, arm, false);
  return { users: arm.users, total: arm.sums.m, denominator: isRatio(metric) ? arm.sums.d : null, mean: armMean(stats) };
}

function run(engine: ResultsEngine, control: ArmStats, treatment: ArmStats, differenceType: 'relative' | 'absolute', lowerIsBetter: boolean): TestResult {
  if (engine === 'frequentist') return frequentistTest(control, treatment, { differenceType });
  if (engine === 'bayesian') return bayesianTest(control, treatment, { differenceType, inverse: lowerIsBetter });
  return sequentialTest(control, treatment, { differenceType });
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);
function effectView(result: TestResult): EffectView {
  return { expected: result.expected, ci: [finiteOrNull(result.ci[0]), finiteOrNull(result.ci[1])], stddev: result.uplift.stddev };
}

/** Treatment against control with the chosen engine, both as a relative and an absolute effect. */
export function compareArms(metric: Metric, control: Arm, treatment: Arm, engine: ResultsEngine, cupedEnabled: boolean): { comparison: Comparison; ok: boolean } {
  const cuped = usesCuped(metric, control, treatment, cupedEnabled);
  const c = armStats(metric, control, cuped);
  const t = armStats(metric, treatment, cuped);
  const lowerIsBetter = metric.direction === 'lower';
  const relative = run(engine, c, t, 'relative', lowerIsBetter);
  const absolute = run(engine, c, t, 'absolute', lowerIsBetter);
  const ok = relative.status === 'ok';
  return {
    ok,
    comparison: {
      relative: effectView(relative),
      absolute: effectView(absolute),
      pValue: ok ? (relative.pValue ?? null) : null,
      adjustedPValue: ok ? (relative.pValue ?? null) : null,
      chanceToWin: ok ? (relative.chanceToWin ?? null) : null,
      risk: ok ? (relative.risk ?? null) : null,
      verdict: verdict(relative, { direction: lowerIsBetter ? 'lower-is-better' : 'higher-is-better' }),
      cuped,
    },
  };
}

/** The verdict again after a multiple-comparison correction changed the p-value. */
export function verdictWithPValue(comparison: Comparison, adjusted: number, lowerIsBetter: boolean): Comparison['verdict'] {
  if (comparison.verdict === 'not-enough-data') return comparison.verdict;
  const significant = adjusted < 0.05;
  if (!significant) return 'no-difference';
  const up = comparison.relative.expected > 0;
  return up !== lowerIsBetter ? 'winning' : 'losing';
}
