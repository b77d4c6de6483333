/**
 * The harm test of each guardrail: one-sided, sequential (always valid, so a look every few
 * minutes does not inflate false alarms), new against old, relative lift, in the metric's harmful
 * direction. The rules' alpha is split evenly (Bonferroni) across the guardrails and across the
 * steps that compare: each step starts a fresh comparison of its own users, and three fresh
 * comparisons at 5% each would add up to about 3 x 5% over a rollout.
 */
import type { GuardrailCheck, RolloutStep } from '../../../shared/contract/rollouts';
import { sequentialTest } from '../../../shared/stats/sequential';
import { type ArmStats, armMean, type MeanStats } from '../../../shared/stats/sufficient-statistics';
import type { GuardrailInput } from './rollout-decision';

/**
 * N*, the total users at which the confidence sequence is tightest. Harm on a 10% conversion
 * only becomes detectable within one default step at tens of thousands of users an hour, so the
 * sequence is tuned there rather than at the results engine's 5,000. In the simulation
 * (rollout-simulation.test.ts) a 10% drop was caught before 50% in 88% of rollouts at 80,000
 * users an hour (84% with 5,000; 89% with 60,000) and in 65% at 50,000 (57%; 63%), with false
 * rollbacks under 1% at 50,000 users an hour either way.
 */
export const HARM_TUNING_PARAMETER = 20_000;

/** The alpha of one guardrail's test in one step: the 100% step has no old side, so it does not count. */
export function harmAlphaPerTest(harmAlpha: number, guardrailCount: number, steps: readonly RolloutStep[]): number {
  const comparingSteps = steps.filter((step) => step.percent < 100).length;
  return harmAlpha / (Math.max(1, guardrailCount) * Math.max(1, comparingSteps));
}

export function harmChecks(guardrails: readonly GuardrailInput[], alpha: number): GuardrailCheck[] {
  return guardrails.map((g) => harmCheck(g, alpha));
}

/**
 * The interval is [lift - w, lift + w] with w the half-width of the one-sided bound at `alpha`:
 * its harmful end is exactly the test (harm is clear when the whole interval lies on the bad
 * side), and its other end is the mirror bound, so it is a 1 - 2 alpha always-valid interval.
 */
export function harmCheck(g: GuardrailInput, alpha: number): GuardrailCheck {
  const oldMean = armMean(g.old);
  const newMean = armMean(g.new);
  const base = {
    metricId: g.metricId,
    metricName: g.metricName,
    higherIsBetter: g.higherIsBetter,
    oldUsers: g.old.n,
    newUsers: g.new.n,
    oldMean,
    newMean,
  };
  const plainLift = g.old.n > 0 && g.new.n > 0 && oldMean !== 0 ? (newMean - oldMean) / Math.abs(oldMean) : null;
  const [oldSide, newSide] = withPooledVariance(g.old, g.new);
  const result = sequentialTest(oldSide, newSide, {
    differenceType: 'relative',
    alpha,
    // Harm is the new side lower for a higher-is-better metric, higher otherwise.
    alternative: g.higherIsBetter ? 'lesser' : 'greater',
    tuningParameter: HARM_TUNING_PARAMETER,
  });
  const bound = g.higherIsBetter ? result.ci[1] : result.ci[0];
  if (result.status !== 'ok' || !Number.isFinite(bound) || !Number.isFinite(result.expected)) {
    return { ...base, lift: plainLift, interval: null, harmful: false };
  }
  const lift = result.expected;
  const halfWidth = Math.abs(bound - lift);
  const harmful = g.higherIsBetter ? bound < 0 : bound > 0;
  return { ...base, lift, interval: [lift - halfWidth, lift + halfWidth], harmful };
}

/**
 * Both sides' per-user variance replaced by the pooled one (around the common mean), as a score
 * test does under "no difference": the new side starts small, and its own variance estimate is
 * then noisy and falls with its mean (one conversion in 30 users, one small order), which made
 * chance dips look like clear harm. It also keeps a new side with no conversions at all testable,
 * where its own variance of 0 left the effect undefined. Means and sums stay as they are, so the
 * lift is unchanged; kinds other than means and proportions are tested as given.
 */
export function withPooledVariance(oldSide: ArmStats, newSide: ArmStats): [ArmStats, ArmStats] {
  const a = simpleMoments(oldSide);
  const b = simpleMoments(newSide);
  if (!a || !b || a.n < 2 || b.n < 2) return [oldSide, newSide];
  const n = a.n + b.n;
  const sum = a.sum + b.sum;
  const pooledVariance = Math.max(0, (a.sumSquares + b.sumSquares - (sum * sum) / n) / (n - 1));
  // The sum of squares that gives each side the pooled sample variance around its own mean.
  const withVariance = (m: MeanStats): MeanStats => ({ ...m, sumSquares: pooledVariance * (m.n - 1) + (m.sum * m.sum) / m.n });
  return [withVariance(a), withVariance(b)];
}

/** A mean or proportion as a mean (a 0/1 value's square is itself); null for other kinds. */
function simpleMoments(s: ArmStats): MeanStats | null {
  if (s.kind === 'mean') return s;
  if (s.kind === 'proportion') return { kind: 'mean', n: s.n, sum: s.sum, sumSquares: s.sum };
  return null;
}
