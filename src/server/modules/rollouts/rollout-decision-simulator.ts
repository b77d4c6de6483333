/**
 * A seeded simulation of guarded rollouts, for the engine's error-rate tests and benchmarks: no
 * HTTP, no store, just users arriving, a side by sticky hash, conversions and order values, and
 * decideRolloutCheck at every check. Per-side sufficient statistics (counts, sums, sums of
 * squares) are kept incrementally, never per-user arrays, so thousands of rollouts run in seconds.
 */
import { DEFAULT_ROLLOUT_STEPS, type RolloutRules, type RolloutStep } from '../../../shared/contract/rollouts';
import type { MeanStats, ProportionStats } from '../../../shared/stats/sufficient-statistics';
import { decideRolloutCheck, type GuardrailInput } from './rollout-decision';
import { seededRandom } from '../../../shared/seeded-random';

export interface RolloutScenario {
  seed: number;
  usersPerHour: number;
  /** The old side's conversion rate (guardrail 1, higher is better). */
  conversionRate: number;
  /** The new side's conversion rate over the old one's: 1 for A/A, 0.9 for a 10% harm. */
  newConversionFactor: number;
  /** Mean order value of a converting user (guardrail 2 is revenue per user). */
  meanOrderValue: number;
  /** Share of new-side users whose exposure is lost (a broken redirect, say): a sample ratio mismatch. */
  newExposureLoss?: number;
  /**
   * 'step' (the default) compares only users first exposed during the current step, as the
   * monitor does (rollout-monitor.ts: a user moved from old to new at an advance would still
   * count as old); 'rollout' keeps adding up over the whole rollout, for comparison.
   */
  guardrailScope?: 'step' | 'rollout';
  steps?: RolloutStep[];
  rules?: RolloutRules;
  /** Give up (and call it stalled) after this long; a sound engine never gets there. */
  maxHours?: number;
}

export interface RolloutOutcome {
  outcome: 'rolled_back' | 'completed' | 'stalled';
  /** The step during which it ended. */
  stepIndex: number;
  minutes: number;
  /** Why it rolled back. */
  cause?: 'harm' | 'srm';
  summary: string;
}

export const DEFAULT_RULES: RolloutRules = { harmAlpha: 0.05, rollBackOnSrm: true, checkEveryMinutes: 5 };


/** A user's fixed place in [0, 1) for this rollout (murmur3's finaliser over seed and id), as bucketing by hash does. */
function stickyBucket(seed: number, userId: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ userId;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Poisson arrivals in one check interval (normal approximation above a mean of 50). */
function arrivals(random: () => number, mean: number): number {
  if (mean > 50) {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

interface Side {
  conversion: ProportionStats;
  revenue: MeanStats;
}

const emptySide = (): Side => ({ conversion: { kind: 'proportion', n: 0, sum: 0 }, revenue: { kind: 'mean', n: 0, sum: 0, sumSquares: 0 } });

export function simulateRollout(scenario: RolloutScenario): RolloutOutcome {
  const steps = scenario.steps ?? DEFAULT_ROLLOUT_STEPS;
  const rules = scenario.rules ?? DEFAULT_RULES;
  const maxMinutes = (scenario.maxHours ?? 24 * 7) * 60;
  const random = seededRandom(scenario.seed);
  let oldSide = emptySide();
  let newSide = emptySide();
  const rate = { old: scenario.conversionRate, new: scenario.conversionRate * scenario.newConversionFactor };
  let stepIndex = 0;
  let stepStartedAt = 0;
  let stepUsers = { old: 0, new: 0 };
  let nextUserId = 0;
  const loss = scenario.newExposureLoss ?? 0;
  for (let minutes = rules.checkEveryMinutes; minutes <= maxMinutes; minutes += rules.checkEveryMinutes) {
    const share = steps[stepIndex].percent / 100;
    const count = arrivals(random, (scenario.usersPerHour * rules.checkEveryMinutes) / 60);
    for (let i = 0; i < count; i++) {
      const isNew = stickyBucket(scenario.seed, nextUserId++) < share;
      if (isNew && loss > 0 && random() < loss) continue;
      const side = isNew ? newSide : oldSide;
      const orderValue = random() < (isNew ? rate.new : rate.old) ? -scenario.meanOrderValue * Math.log(1 - random()) : 0;
      side.conversion.n++;
      side.revenue.n++;
      if (orderValue > 0) {
        side.conversion.sum++;
        side.revenue.sum += orderValue;
        side.revenue.sumSquares += orderValue * orderValue;
      }
      if (isNew) stepUsers.new++;
      else stepUsers.old++;
    }
    const guardrails: GuardrailInput[] = [
      { metricId: 'conversion', metricName: 'Checkout conversion', higherIsBetter: true, old: { ...oldSide.conversion }, new: { ...newSide.conversion } },
      { metricId: 'revenue', metricName: 'Revenue per user', higherIsBetter: true, old: { ...oldSide.revenue }, new: { ...newSide.revenue } },
    ];
    const check = decideRolloutCheck({ stepIndex, steps, minutesInStep: minutes - stepStartedAt, stepUsers, expectedNewShare: share, guardrails, rules });
    if (check.decision === 'roll_back') {
      const cause = check.guardrails.some((g) => g.harmful) ? 'harm' : 'srm';
      return { outcome: 'rolled_back', stepIndex, minutes, cause, summary: check.summary };
    }
    if (check.decision === 'complete') return { outcome: 'completed', stepIndex, minutes, summary: check.summary };
    if (check.decision === 'advance') {
      stepIndex++;
      stepStartedAt = minutes;
      stepUsers = { old: 0, new: 0 };
      if ((scenario.guardrailScope ?? 'step') === 'step') {
        oldSide = emptySide();
        newSide = emptySide();
      }
    }
  }
  return { outcome: 'stalled', stepIndex, minutes: maxMinutes, summary: 'ran out of simulated time' };
}
