/**
 * Sufficient-statistic inputs and per-arm moments (spec: "Per-arm statistics").
 *
 * The warehouse/event pipeline only ever ships sums per arm (never raw rows),
 * so every test in the engine is a function of these small records. Units are
 * "experiment users" (n) and per-user metric values.
 */

/** Continuous metric: per-user values x_i summed. */
export interface MeanStats {
  kind: 'mean';
  n: number;
  sum: number;
  /** Sum of x_i^2. */
  sumSquares: number;
}

/** Binary (conversion) metric: sum = number of converting users. */
export interface ProportionStats {
  kind: 'proportion';
  n: number;
  sum: number;
}

/**
 * One per-user quantity inside a ratio or CUPED statistic. `binary: true`
 * marks a 0/1 quantity: its variance is p(1-p) (no n-1 correction, as gbstats'
 * ProportionStatistic) and `sumSquares` is ignored (it equals `sum`).
 */
export interface Moment {
  sum: number;
  sumSquares: number;
  binary?: boolean;
}

/** Ratio metric sum(m)/sum(d), e.g. revenue per session; analysed per user. */
export interface RatioStats {
  kind: 'ratio';
  n: number;
  numerator: Moment;
  denominator: Moment;
  /** Sum over users of m_i * d_i. */
  sumProduct: number;
}

/** CUPED (regression adjustment) for a mean/proportion metric. */
export interface CupedStats {
  kind: 'cuped';
  n: number;
  /** Metric during the experiment. */
  post: Moment;
  /** Same metric for the same users before exposure. */
  pre: Moment;
  /** Sum over users of post_i * pre_i. */
  sumProduct: number;
}

/** CUPED for a ratio metric: numerator/denominator, each post and pre. */
export interface CupedRatioStats {
  kind: 'cuped-ratio';
  n: number;
  numeratorPost: Moment;
  denominatorPost: Moment;
  numeratorPre: Moment;
  denominatorPre: Moment;
  /** The six cross sums of products between the four per-user quantities. */
  sumProducts: {
    numeratorPostNumeratorPre: number;
    denominatorPostDenominatorPre: number;
    numeratorPreDenominatorPre: number;
    numeratorPostDenominatorPost: number;
    numeratorPostDenominatorPre: number;
    numeratorPreDenominatorPost: number;
  };
}

export type ArmStats = MeanStats | ProportionStats | RatioStats | CupedStats | CupedRatioStats;

/** Mean of one per-user quantity (0 for an empty arm, as gbstats). */
export function momentMean(m: Moment, n: number): number {
  return n === 0 ? 0 : m.sum / n;
}

/** Variance of one per-user quantity: sample variance, or p(1-p) if binary. */
export function momentVariance(m: Moment, n: number): number {
  if (m.binary) {
    const p = momentMean(m, n);
    return p * (1 - p);
  }
  if (n <= 1) return 0;
  return (m.sumSquares - (m.sum * m.sum) / n) / (n - 1);
}

/**
 * Covariance of two per-user quantities from their sums and sum of products:
 * population form when both are binary, sample (n-1) form otherwise — the same
 * split gbstats makes, so the vectors reproduce.
 */
export function momentCovariance(a: Moment, b: Moment, sumProduct: number, n: number): number {
  if (n <= 1) return 0;
  if (a.binary && b.binary) return sumProduct / n - (a.sum * b.sum) / (n * n);
  return (sumProduct - (a.sum * b.sum) / n) / (n - 1);
}

/** Delta-method variance of mean_m/mean_d for one user-level ratio. */
export function ratioVariance(
  meanM: number,
  varM: number,
  meanD: number,
  varD: number,
  cov: number,
): number {
  return (
    varM / meanD ** 2 + (varD * meanM ** 2) / meanD ** 4 - (2 * cov * meanM) / meanD ** 3
  );
}

function asMoment(s: MeanStats | ProportionStats): Moment {
  return s.kind === 'proportion'
    ? { sum: s.sum, sumSquares: s.sum, binary: true }
    : { sum: s.sum, sumSquares: s.sumSquares };
}

/**
 * Per-arm mean without any CUPED adjustment (the "unadjusted mean" used as the
 * relative-effect denominator). For CUPED inputs this is the post-period mean.
 */
export function armMean(s: ArmStats): number {
  switch (s.kind) {
    case 'mean':
    case 'proportion':
      return momentMean(asMoment(s), s.n);
    case 'ratio':
      return s.denominator.sum === 0 ? 0 : s.numerator.sum / s.denominator.sum;
    case 'cuped':
      return momentMean(s.post, s.n);
    case 'cuped-ratio':
      return s.denominatorPost.sum === 0 ? 0 : s.numeratorPost.sum / s.denominatorPost.sum;
  }
}

/**
 * Per-user variance of an arm without CUPED adjustment (for CUPED inputs, of
 * the post-period metric). 0 when it cannot be estimated (n <= 1, etc.).
 */
export function armVariance(s: ArmStats): number {
  switch (s.kind) {
    case 'mean':
    case 'proportion':
      return momentVariance(asMoment(s), s.n);
    case 'ratio':
      return plainRatioVariance(s.n, s.numerator, s.denominator, s.sumProduct);
    case 'cuped':
      return momentVariance(s.post, s.n);
    case 'cuped-ratio':
      return plainRatioVariance(
        s.n,
        s.numeratorPost,
        s.denominatorPost,
        s.sumProducts.numeratorPostDenominatorPost,
      );
  }
}

function plainRatioVariance(n: number, m: Moment, d: Moment, sumProduct: number): number {
  const meanD = momentMean(d, n);
  if (meanD === 0 || n <= 1) return 0;
  return ratioVariance(
    momentMean(m, n),
    momentVariance(m, n),
    meanD,
    momentVariance(d, n),
    momentCovariance(m, d, sumProduct, n),
  );
}

/** The post-period part of a CUPED statistic, used when CUPED falls back. */
export function withoutCuped(s: ArmStats): MeanStats | ProportionStats | RatioStats {
  if (s.kind === 'cuped') {
    return s.post.binary
      ? { kind: 'proportion', n: s.n, sum: s.post.sum }
      : { kind: 'mean', n: s.n, sum: s.post.sum, sumSquares: s.post.sumSquares };
  }
  if (s.kind === 'cuped-ratio') {
    return {
      kind: 'ratio',
      n: s.n,
      numerator: s.numeratorPost,
      denominator: s.denominatorPost,
      sumProduct: s.sumProducts.numeratorPostDenominatorPost,
    };
  }
  return s;
}
