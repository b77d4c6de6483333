/**
 * Fixed-horizon frequentist engine: Welch t tests (spec: "Frequentist").
 * Valid only when results are read once, at the planned sample size; use the
 * sequential engine when people peek.
 */
import { studentTCdf, studentTQuantile } from './distributions';
import { computeEffect, welchDf } from './effects';
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

export interface FrequentistConfig {
  /** Default 'relative'. */
  differenceType?: DifferenceType;
  /** Default 0.05. */
  alpha?: number;
  /** Default 'two-sided'. */
  alternative?: Alternative;
  /** Null-hypothesis value of the effect; default 0. */
  testValue?: number;
}

/**
 * Welch t test of treatment vs control.
 *
 * two-sided: p = 2 F_t(-|t|), CI = D -/+ q(1 - alpha/2) SE
 * greater:   p = 1 - F_t(t),  CI = [D - q(1 - alpha) SE, +Infinity)
 * lesser:    p = F_t(t),      CI = (-Infinity, D + q(1 - alpha) SE]
 */
export function frequentistTest(
  control: ArmStats,
  treatment: ArmStats,
  config: FrequentistConfig = {},
): TestResult {
  const differenceType = config.differenceType ?? 'relative';
  const alpha = config.alpha ?? DEFAULT_ALPHA;
  const alternative = config.alternative ?? 'two-sided';
  const testValue = config.testValue ?? 0;
  assertAlpha(alpha);

  const effect = computeEffect(control, treatment, differenceType);
  if (!effect.ok) {
    const reason = effect.reason;
    return defaultFrequentistResult('frequentist', differenceType, alpha, alternative, reason);
  }
  const d = effect.estimate;
  const se = effect.standardError;
  const df = welchDf(effect);
  const t = (d - testValue) / se;

  let pValue: number;
  let ci: [number, number];
  if (alternative === 'two-sided') {
    // 2 F(-|t|) equals 2 (1 - F(|t|)) but keeps precision for tiny p-values.
    pValue = 2 * studentTCdf(-Math.abs(t), df);
    const w = studentTQuantile(1 - alpha / 2, df) * se;
    ci = [d - w, d + w];
  } else if (alternative === 'greater') {
    pValue = studentTCdf(-t, df);
    ci = [d - studentTQuantile(1 - alpha, df) * se, Infinity];
  } else {
    pValue = studentTCdf(t, df);
    ci = [-Infinity, d + studentTQuantile(1 - alpha, df) * se];
  }
  if (!Number.isFinite(pValue) || Number.isNaN(ci[0]) || Number.isNaN(ci[1])) {
    const reason = ErrorMessages.nonFinite;
    return defaultFrequentistResult('frequentist', differenceType, alpha, alternative, reason);
  }
  return {
    engine: 'frequentist',
    differenceType,
    alpha,
    alternative,
    expected: d,
    ci,
    uplift: { dist: 'normal', mean: d, stddev: se },
    pValue: Math.min(1, pValue),
    status: 'ok',
  };
}
