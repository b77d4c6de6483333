/**
 * Sample size / run-time planning with the two-sided z approximation, for the
 * "Keep running: about N more days" message. Deliberately simple: it answers
 * "roughly how long", not the exact operating characteristics of any engine
 * (the sequential engine, for one, needs somewhat more users).
 */
import { normalQuantile } from './distributions';

/** What the control arm looks like before the experiment. */
export type Baseline =
  | { kind: 'proportion'; rate: number }
  | { kind: 'mean'; mean: number; variance: number };

export interface SampleSizeOptions {
  baseline: Baseline;
  /** Minimum detectable effect, relative to the baseline (0.05 = +5%). */
  mde: number;
  /** Two-sided significance level, default 0.05. */
  alpha?: number;
  /** Default 0.8. */
  power?: number;
  /** Number of arms including control, default 2. */
  arms?: number;
  /**
   * Bonferroni-split alpha over the arms - 1 comparisons with control
   * (default false), to plan for a multiple-comparison correction.
   */
  correctForArms?: boolean;
}

export interface SampleSize {
  /** Users needed in every arm (rounded up). */
  perArm: number;
  /** perArm * arms. */
  total: number;
}

/**
 * n per arm = (z_{1-alpha/2} + z_{power})^2 (var_C + var_T) / delta^2 with
 * delta = mde * |baseline mean|. For proportions var_T uses the rate under
 * the alternative, rate * (1 + mde) (unpooled variances); for means both arms
 * are assumed to share the baseline variance.
 */
export function sampleSizePerArm(opts: SampleSizeOptions): SampleSize {
  const alpha = opts.alpha ?? 0.05;
  const power = opts.power ?? 0.8;
  const arms = opts.arms ?? 2;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must be in (0, 1), got ${power}`);
  if (!(Number.isInteger(arms) && arms >= 2)) throw new RangeError(`arms must be an integer >= 2`);
  if (!(opts.mde !== 0 && Number.isFinite(opts.mde))) throw new RangeError('mde must be non-zero');

  let mean: number;
  let varC: number;
  let varT: number;
  if (opts.baseline.kind === 'proportion') {
    mean = opts.baseline.rate;
    const pT = mean * (1 + opts.mde);
    if (!(mean > 0 && mean < 1) || !(pT > 0 && pT < 1)) {
      throw new RangeError('baseline rate and rate * (1 + mde) must be in (0, 1)');
    }
    varC = mean * (1 - mean);
    varT = pT * (1 - pT);
  } else {
    mean = opts.baseline.mean;
    if (mean === 0 || !(opts.baseline.variance > 0)) {
      throw new RangeError('baseline mean must be non-zero and variance positive');
    }
    varC = opts.baseline.variance;
    varT = opts.baseline.variance;
  }
  const a = opts.correctForArms ? alpha / (arms - 1) : alpha;
  const z = normalQuantile(1 - a / 2) + normalQuantile(power);
  const delta = opts.mde * Math.abs(mean);
  const perArm = Math.ceil((z ** 2 * (varC + varT)) / delta ** 2);
  return { perArm, total: perArm * arms };
}

/**
 * Whole days until `required` users (total over all arms) are reached at the
 * recent traffic rate; 0 if already there, null when traffic is 0 (cannot
 * estimate).
 */
export function daysRemaining(
  required: number,
  usersSoFar: number,
  usersPerDay: number,
): number | null {
  const missing = required - usersSoFar;
  if (missing <= 0) return 0;
  if (!(usersPerDay > 0)) return null;
  return Math.ceil(missing / usersPerDay);
}
