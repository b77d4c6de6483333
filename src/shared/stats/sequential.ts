/**
 * Sequential (always-valid) engine: asymptotic confidence sequences of
 * Waudby-Smith et al. (2023), as in gbstats (spec: "Sequential").
 *
 * The interval is valid simultaneously at every sample size, so results may be
 * looked at daily without inflating false positives. The price is a wider
 * interval; N* (the tuning parameter) is the total sample size at which the
 * sequence is tightest.
 */
import { computeEffect } from './effects';
import {
  type Alternative,
  assertAlpha,
  DEFAULT_ALPHA,
  defaultFrequentistResult,
  type DifferenceType,
  ErrorMessages,
  type TestResult,
} from './result';
import type { ArmStats } from './sufficient-statistics';

/** gbstats DEFAULT_SEQUENTIAL_TESTING_TUNING_PARAMETER. */
export const DEFAULT_SEQUENTIAL_TUNING_PARAMETER = 5000;

export interface SequentialConfig {
  differenceType?: DifferenceType;
  alpha?: number;
  alternative?: Alternative;
  testValue?: number;
  /** N*, default 5000. */
  tuningParameter?: number;
}

/**
 * rho = sqrt((-2 ln a + ln(-2 ln a + 1)) / N*), with a = alpha for two-sided
 * and 2 alpha for one-sided sequences.
 */
export function sequentialRho(alpha: number, tuningParameter: number, twoSided = true): number {
  const a = twoSided ? alpha : 2 * alpha;
  return Math.sqrt((-2 * Math.log(a) + Math.log(-2 * Math.log(a) + 1)) / tuningParameter);
}

/** Two-sided half-width for per-user variance s2 = SE^2 N at total size n. */
export function sequentialHalfWidth(s2: number, n: number, alpha: number, rho: number): number {
  const nr2p1 = n * rho ** 2 + 1;
  const scale = (2 * nr2p1 * Math.log(Math.sqrt(nr2p1) / alpha)) / (n * rho) ** 2;
  return Math.sqrt(s2) * Math.sqrt(scale);
}

/**
 * One-sided half-width. Note rho stays the one computed from the configured
 * alpha while `alpha` varies during the p-value search (as gbstats).
 */
export function sequentialHalfWidthOneSided(
  s2: number,
  n: number,
  alpha: number,
  rho: number,
): number {
  const nr2p1 = n * rho ** 2 + 1;
  return Math.sqrt(
    ((s2 * 2 * nr2p1) / (n * rho) ** 2) * Math.log(1 + Math.sqrt(nr2p1) / (2 * alpha)),
  );
}

const P_MIN = 1e-5;
const P_MAX = 0.4999;
const P_TOL = 1e-6;
const P_ITERS = 100;

/**
 * One-sided sequential p-value: the alpha at which the open interval's bound
 * just touches the test value, by bisection over alpha in [1e-5, 0.4999]
 * (clamped to those ends). `undefined` if it does not converge.
 */
function oneSidedPValue(
  bound: (alpha: number) => number,
  greater: boolean,
  testValue: number,
): number | undefined {
  // Positive when the interval at this alpha excludes the test value.
  const excess = (a: number): number => (greater ? bound(a) - testValue : testValue - bound(a));
  if (excess(P_MIN) > 0) return P_MIN;
  if (excess(P_MAX) < 0) return P_MAX;
  let lo = P_MIN;
  let hi = P_MAX;
  for (let i = 0; i < P_ITERS; i++) {
    const mid = (lo + hi) / 2;
    const e = excess(mid);
    if (Math.abs(e) < P_TOL) return mid;
    // The interval narrows as alpha grows: excluding at mid means p <= mid.
    if (e > 0) hi = mid;
    else lo = mid;
  }
  return undefined;
}

export function sequentialTest(
  control: ArmStats,
  treatment: ArmStats,
  config: SequentialConfig = {},
): TestResult {
  const differenceType = config.differenceType ?? 'relative';
  const alpha = config.alpha ?? DEFAULT_ALPHA;
  const alternative = config.alternative ?? 'two-sided';
  const testValue = config.testValue ?? 0;
  const nStar = config.tuningParameter ?? DEFAULT_SEQUENTIAL_TUNING_PARAMETER;
  const twoSided = alternative === 'two-sided';
  // One-sided sequences are defined for alpha < 0.5 only (2 alpha < 1 in rho).
  assertAlpha(alpha, twoSided ? 1 : 0.5);
  if (!(nStar > 0)) throw new RangeError(`tuningParameter must be > 0, got ${nStar}`);

  const fail = (reason: string): TestResult =>
    defaultFrequentistResult('sequential', differenceType, alpha, alternative, reason);
  const effect = computeEffect(control, treatment, differenceType);
  if (!effect.ok) return fail(effect.reason);
  const d = effect.estimate;
  const se = effect.standardError;
  const n = effect.controlN + effect.treatmentN;
  const s2 = se ** 2 * n;
  const rho = sequentialRho(alpha, nStar, twoSided);
  const base = { engine: 'sequential' as const, differenceType, alpha, alternative };
  const uplift = { dist: 'normal' as const, mean: d, stddev: se };

  if (twoSided) {
    const w = sequentialHalfWidth(s2, n, alpha, rho);
    // E-value of eq. 155 in arXiv 2103.06476v7; p = min(1, 1/E).
    const nr2p1 = n * rho ** 2 + 1;
    const stat = ((d - testValue) ** 2 * n) / se ** 2;
    const logE = (rho ** 2 * stat) / (2 * nr2p1) - 0.5 * Math.log(nr2p1);
    const pValue = Math.min(1, Math.exp(-logE));
    if (!Number.isFinite(w) || !Number.isFinite(pValue)) return fail(ErrorMessages.nonFinite);
    return { ...base, expected: d, ci: [d - w, d + w], uplift, pValue, status: 'ok' };
  }

  const greater = alternative === 'greater';
  const bound = (a: number): number => {
    const w = sequentialHalfWidthOneSided(s2, n, a, rho);
    return greater ? d - w : d + w;
  };
  const ci: [number, number] = greater ? [bound(alpha), Infinity] : [-Infinity, bound(alpha)];
  const pValue = oneSidedPValue(bound, greater, testValue);
  if (Number.isNaN(ci[0]) || Number.isNaN(ci[1])) return fail(ErrorMessages.nonFinite);
  if (pValue === undefined) {
    // Like gbstats: report the interval, flag the missing p-value.
    const errorMessage = ErrorMessages.pValueNotConverged;
    return { ...base, expected: d, ci, uplift, status: 'ok', errorMessage };
  }
  return { ...base, expected: d, ci, uplift, pValue, status: 'ok' };
}
