/**
 * The one "how long" answer: the experiment editor's estimator (typed traffic, before the test)
 * and the results headline (the experiment's real daily traffic, once it runs) both call
 * estimateRunTime, so the same inputs always give the same number of days.
 */
import { sampleSizePerArm, type Baseline } from './power';

/** The relative change planned for when nobody chose one (the editor's default too). */
export const PLANNED_MDE = 0.1;

export interface RunTimeInputs {
  /** The control's conversion rate or mean today. */
  baseline: Baseline;
  /** Smallest relative change worth detecting (0.1 = 10%). */
  mde: number;
  /** Variants including control. */
  arms: number;
  /** Users entering the experiment per day (after allocation). */
  enteringPerDay: number;
  /** Users already in it (0 before it starts). */
  usersSoFar?: number;
}

export type RunTimeEstimate =
  | { ok: true; perArm: number; total: number; enteringPerDay: number; totalDays: number; remainingDays: number }
  | { ok: false; problem: 'baseline' | 'mde' | 'traffic'; message: string };

/** Users needed (two-sided α = 0.05, power 0.8) and the days the entering traffic takes to supply them. */
export function estimateRunTime(inputs: RunTimeInputs): RunTimeEstimate {
  const { baseline, mde } = inputs;
  if (!(mde > 0 && Number.isFinite(mde))) return { ok: false, problem: 'mde', message: 'Enter a minimum detectable effect above 0%.' };
  if (baseline.kind === 'proportion') {
    if (!(baseline.rate > 0 && baseline.rate < 1)) return { ok: false, problem: 'baseline', message: 'Enter a baseline conversion rate between 0% and 100%.' };
    if (!(baseline.rate * (1 + mde) < 1)) return { ok: false, problem: 'baseline', message: 'The baseline rate plus the effect must stay below 100%.' };
  } else if (baseline.mean === 0 || !(baseline.variance > 0)) {
    return { ok: false, problem: 'baseline', message: 'The baseline is 0 or does not vary yet, so no relative change can be planned.' };
  }
  if (!(inputs.enteringPerDay > 0)) return { ok: false, problem: 'traffic', message: 'No users enter per day, so the test would never end.' };
  const size = sampleSizePerArm({ baseline, mde, arms: Math.max(2, inputs.arms) });
  const totalDays = Math.ceil(size.total / inputs.enteringPerDay);
  const missing = size.total - (inputs.usersSoFar ?? 0);
  const remainingDays = missing <= 0 ? 0 : Math.ceil(missing / inputs.enteringPerDay);
  return { ok: true, perArm: size.perArm, total: size.total, enteringPerDay: inputs.enteringPerDay, totalDays, remainingDays };
}

/**
 * The inputs as the page shows them: a rate to 0.01 percentage points, a mean to 4 significant
 * digits, whole users a day. Estimating from the shown figures lets anyone type them into the
 * editor and get the same answer.
 */
export function roundedInputs(baseline: Baseline, enteringPerDay: number): { baseline: Baseline; enteringPerDay: number } {
  const perDay = Math.max(0, Math.round(enteringPerDay));
  if (baseline.kind === 'proportion') return { baseline: { kind: 'proportion', rate: Math.round(baseline.rate * 10_000) / 10_000 }, enteringPerDay: perDay };
  return { baseline: { kind: 'mean', mean: Number(baseline.mean.toPrecision(4)), variance: Number(baseline.variance.toPrecision(4)) }, enteringPerDay: perDay };
}
