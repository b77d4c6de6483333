/**
 * Turns an engine result into the one-word verdict the dashboard shows,
 * taking the metric's direction into account: for a lower-is-better metric
 * (load time, churn, cost) a significant decrease is "winning".
 */
import type { TestResult } from './result';

export type Verdict = 'winning' | 'losing' | 'no-difference' | 'not-enough-data';
export type MetricDirection = 'higher-is-better' | 'lower-is-better';

export interface VerdictOptions {
  /** Default 'higher-is-better'. */
  direction?: MetricDirection;
  /**
   * Frequentist significance threshold; defaults to the result's alpha. Pass
   * an adjusted p-value (see adjustPValues) via `pValue` when correcting.
   */
  alpha?: number;
  /** Overrides result.pValue, e.g. with a multiple-comparison adjusted one. */
  pValue?: number;
  /** Bayesian decision threshold on chance to win; default 0.95. */
  chanceToWinThreshold?: number;
}

/**
 * Frequentist and sequential: significant when p < alpha (or, if the p-value
 * could not be computed, when the interval excludes 0); then the sign of the
 * effect decides, flipped for lower-is-better metrics.
 *
 * Bayesian: P(better) >= threshold wins, <= 1 - threshold loses. The result's
 * chanceToWin is P(treatment better) for the orientation it was computed with
 * (`result.inverse`); if that differs from `direction` we flip it here (1 -
 * chanceToWin), which is exactly what the spec does for inverse metrics.
 */
export function verdict(result: TestResult, options: VerdictOptions = {}): Verdict {
  if (result.status !== 'ok') return 'not-enough-data';
  const lowerIsBetter = (options.direction ?? 'higher-is-better') === 'lower-is-better';

  if (result.engine === 'bayesian') {
    const threshold = options.chanceToWinThreshold ?? 0.95;
    const ctw = result.chanceToWin ?? 0.5;
    const pBetter = (result.inverse ?? false) === lowerIsBetter ? ctw : 1 - ctw;
    if (pBetter >= threshold) return 'winning';
    if (pBetter <= 1 - threshold) return 'losing';
    return 'no-difference';
  }

  const alpha = options.alpha ?? result.alpha;
  const pValue = options.pValue ?? result.pValue;
  let direction: number; // +1 treatment higher, -1 lower, 0 not significant
  if (pValue !== undefined) {
    direction = pValue < alpha ? Math.sign(result.expected) : 0;
  } else {
    direction = result.ci[0] > 0 ? 1 : result.ci[1] < 0 ? -1 : 0;
  }
  // A one-sided test only detects effects in its own direction.
  if (result.alternative === 'greater' && direction < 0) direction = 0;
  if (result.alternative === 'lesser' && direction > 0) direction = 0;
  if (direction === 0) return 'no-difference';
  const better = lowerIsBetter ? direction < 0 : direction > 0;
  return better ? 'winning' : 'losing';
}
