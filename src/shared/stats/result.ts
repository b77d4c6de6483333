/**
 * The one result shape every engine returns, so that the results API and the
 * dashboard can render any analysis without caring which engine produced it.
 */

export type DifferenceType = 'relative' | 'absolute';
export type Engine = 'frequentist' | 'sequential' | 'bayesian';
/** Hypothesis direction of a frequentist test ('greater': treatment > control). */
export type Alternative = 'two-sided' | 'greater' | 'lesser';
export type ResultStatus = 'ok' | 'not-enough-data';

/** Sampling (frequentist) or posterior (Bayesian) distribution of the effect. */
export interface Uplift {
  dist: 'normal';
  mean: number;
  stddev: number;
}

export interface TestResult {
  engine: Engine;
  differenceType: DifferenceType;
  /** Significance level used for `ci` (interval level is 1 - alpha). */
  alpha: number;
  /** Frequentist/sequential only. */
  alternative?: Alternative;
  /** Point estimate of the effect (posterior mean for Bayesian). */
  expected: number;
  /**
   * Confidence / credible interval [lo, hi]. Open sides of one-sided tests are
   * -Infinity / Infinity (JSON has no infinity: serialise them as null).
   */
  ci: [number, number];
  uplift: Uplift;
  /** Frequentist/sequential; absent when it could not be computed (see errorMessage). */
  pValue?: number;
  /** Bayesian: P(treatment is better), already flipped when `inverse`. */
  chanceToWin?: number;
  /**
   * Bayesian expected loss [control, treatment]: what is lost on average by
   * shipping that arm if the other is in fact better. Swapped when `inverse`.
   */
  risk?: [number, number];
  /** Bayesian: whether chanceToWin/risk were oriented for a lower-is-better metric. */
  inverse?: boolean;
  status: ResultStatus;
  /** Machine-readable reason for 'not-enough-data' or a missing pValue. */
  errorMessage?: string;
}

/** Reasons a result is 'not-enough-data' (gbstats message names where they exist). */
export const ErrorMessages = {
  notEnoughUsers: 'NOT_ENOUGH_USERS',
  zeroVariance: 'ZERO_NEGATIVE_VARIANCE',
  baselineZero: 'BASELINE_VARIATION_ZERO',
  nonFinite: 'NON_FINITE_STATISTIC',
  pValueNotConverged: 'NUMERICAL_PVALUE_NOT_CONVERGED',
} as const;

export const DEFAULT_ALPHA = 0.05;

export function assertAlpha(alpha: number, max = 1): void {
  if (!(alpha > 0 && alpha < max)) {
    throw new RangeError(`alpha must be in (0, ${max}), got ${alpha}`);
  }
}

/** The spec's uninformative frequentist result: expected 0, CI (0,0), p 1. */
export function defaultFrequentistResult(
  engine: 'frequentist' | 'sequential',
  differenceType: DifferenceType,
  alpha: number,
  alternative: Alternative,
  errorMessage: string,
): TestResult {
  return {
    engine,
    differenceType,
    alpha,
    alternative,
    expected: 0,
    ci: [0, 0],
    uplift: { dist: 'normal', mean: 0, stddev: 0 },
    pValue: 1,
    status: 'not-enough-data',
    errorMessage,
  };
}

/** The spec's uninformative Bayesian result: chance to win 0.5, risk [0,0]. */
export function defaultBayesianResult(
  differenceType: DifferenceType,
  alpha: number,
  inverse: boolean,
  errorMessage: string,
): TestResult {
  return {
    engine: 'bayesian',
    differenceType,
    alpha,
    expected: 0,
    ci: [0, 0],
    uplift: { dist: 'normal', mean: 0, stddev: 0 },
    chanceToWin: 0.5,
    risk: [0, 0],
    inverse,
    status: 'not-enough-data',
    errorMessage,
  };
}

/**
 * gbstats "scaled impact": turns a per-user absolute effect into a total over
 * the whole population for the phase, multiplying estimate, interval, stddev
 * and risk by totalUsers / (trafficPercentage * phaseLengthDays).
 */
export function scaleImpact(
  result: TestResult,
  opts: { totalUsers: number; trafficPercentage: number; phaseLengthDays: number },
): TestResult {
  const k = opts.totalUsers / (opts.trafficPercentage * opts.phaseLengthDays);
  if (!Number.isFinite(k) || result.status !== 'ok') return result;
  return {
    ...result,
    expected: result.expected * k,
    ci: [result.ci[0] * k, result.ci[1] * k],
    uplift: { ...result.uplift, mean: result.uplift.mean * k, stddev: result.uplift.stddev * k },
    ...(result.risk ? { risk: [result.risk[0] * k, result.risk[1] * k] as [number, number] } : {}),
  };
}
