/**
 * CUPED / regression adjustment for mean and proportion metrics
 * (spec: "CUPED (regression adjustment)").
 *
 * The pre-exposure value of the metric explains part of each user's
 * post-exposure value; subtracting theta * pre removes that part of the noise
 * without biasing the difference, because pre-exposure data cannot depend on
 * the assignment.
 */
import {
  type CupedStats,
  type Moment,
  momentCovariance,
  momentMean,
  momentVariance,
} from './sufficient-statistics';

function pooledMoment(a: Moment, b: Moment): Moment {
  if (a.binary !== b.binary) {
    throw new TypeError('CUPED: a metric must have the same type (binary or not) in both arms');
  }
  return { sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares, binary: a.binary };
}

/**
 * theta = cov(post, pre) / var(pre) on the data of both arms pooled.
 *
 * Pooling (rather than a per-arm theta) is what keeps the adjusted difference
 * unbiased: both arms are shifted by the same multiple of their pre means.
 * Returns 0 when either pooled variance is 0, which callers treat as
 * "fall back to the unadjusted statistics".
 */
export function cupedTheta(control: CupedStats, treatment: CupedStats): number {
  const n = control.n + treatment.n;
  const post = pooledMoment(control.post, treatment.post);
  const pre = pooledMoment(control.pre, treatment.pre);
  const varPre = momentVariance(pre, n);
  const varPost = momentVariance(post, n);
  if (varPre === 0 || varPost === 0) return 0;
  const cov = momentCovariance(post, pre, control.sumProduct + treatment.sumProduct, n);
  return cov / varPre;
}

/** Per-arm CUPED moments for a given theta. */
export interface CupedArm {
  n: number;
  /** mean_post - theta * mean_pre. */
  adjustedMean: number;
  /** var_post + theta^2 var_pre - 2 theta cov(post, pre), per user. */
  adjustedVariance: number;
  postMean: number;
  postVariance: number;
  preVariance: number;
  covariance: number;
}

export function cupedArm(s: CupedStats, theta: number): CupedArm {
  if (s.post.binary !== s.pre.binary) {
    throw new TypeError('CUPED: post and pre statistics must be of the same type');
  }
  const postMean = momentMean(s.post, s.n);
  const postVariance = momentVariance(s.post, s.n);
  const preVariance = momentVariance(s.pre, s.n);
  const covariance = momentCovariance(s.post, s.pre, s.sumProduct, s.n);
  return {
    n: s.n,
    adjustedMean: postMean - theta * momentMean(s.pre, s.n),
    // gbstats reports 0 (degenerate) rather than a formula value for n <= 1.
    adjustedVariance:
      s.n <= 1 ? 0 : postVariance + theta ** 2 * preVariance - 2 * theta * covariance,
    postMean,
    postVariance,
    preVariance,
    covariance,
  };
}

/**
 * Variance of the relative CUPED effect (adj_T - adj_C) / |mean_post_C|.
 *
 * The control arm enters both numerator and denominator, so its term is a
 * delta-method expansion with r = mean_post_T / mean_post_C (unadjusted means),
 * exactly as the spec states.
 */
export function cupedRelativeVariance(c: CupedArm, t: CupedArm, theta: number): number {
  const mc2 = c.postMean ** 2;
  if (mc2 === 0 || c.n === 0 || t.n === 0) return 0;
  const r = t.postMean / c.postMean;
  const treatmentTerm = t.adjustedVariance / (t.n * mc2);
  const controlTerm =
    (c.postVariance * r ** 2 - 2 * theta * c.covariance * r + theta ** 2 * c.preVariance) /
    (c.n * mc2);
  return treatmentTerm + controlTerm;
}
