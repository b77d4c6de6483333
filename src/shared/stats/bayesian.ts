/**
 * Bayesian engine: normal-normal model on the effect (spec: "Bayesian";
 * gbstats EffectBayesianABTest).
 *
 * The effect estimate D ~ N(effect, SE^2) is combined with a Gaussian prior on
 * the effect. With the default flat prior the posterior is N(D, SE^2), so the
 * credible interval equals the z interval; a proper prior shrinks noisy
 * effects toward the prior mean.
 */
import { normalCdf, normalPdf, normalQuantile } from './distributions';
import { computeEffect } from './effects';
import {
  assertAlpha,
  DEFAULT_ALPHA,
  defaultBayesianResult,
  type DifferenceType,
  ErrorMessages,
  type TestResult,
} from './result';
import type { ArmStats } from './sufficient-statistics';

/** gbstats DEFAULT_PROPER_PRIOR_STDDEV: the app's default when priors are enabled. */
export const DEFAULT_PROPER_PRIOR_STDDEV = 0.3;

/**
 * Gaussian prior on the effect, always stated on the RELATIVE scale (0.1 =
 * +10%). For an absolute analysis it is rescaled by the control mean. With
 * proper: false (the default) it is ignored (flat prior).
 */
export interface EffectPrior {
  mean: number;
  variance: number;
  proper: boolean;
}

export const FLAT_PRIOR: EffectPrior = { mean: 0, variance: 1, proper: false };

export interface BayesianConfig {
  differenceType?: DifferenceType;
  /** Credible interval level is 1 - alpha; default 0.05. */
  alpha?: number;
  prior?: EffectPrior;
  /** Lower-is-better metric: flips chanceToWin and swaps risk (as gbstats). */
  inverse?: boolean;
}

/**
 * Expected loss of shipping each arm under N(mean, sd^2) for the effect:
 *   control:   E[max(X, 0)]  = (1 - p) E[X | X > 0]
 *   treatment: E[max(-X, 0)] = -p E[X | X < 0],   p = Phi(0; mean, sd).
 * Written with the truncated-normal means folded in (mean Phi(z) + sd phi(z))
 * which is the same quantity without a 0/0 in the tails.
 */
export function bayesianRisk(mean: number, sd: number): [number, number] {
  const z = mean / sd;
  // gbstats' short-circuit: beyond 37 sd the tail mass is below double precision.
  if (Math.abs(z) > 37) return [Math.max(mean, 0), Math.max(-mean, 0)];
  const density = sd * normalPdf(z);
  const riskControl = mean * normalCdf(z) + density;
  const riskTreatment = -mean * normalCdf(-z) + density;
  return [riskControl, riskTreatment];
}

export function bayesianTest(
  control: ArmStats,
  treatment: ArmStats,
  config: BayesianConfig = {},
): TestResult {
  const differenceType = config.differenceType ?? 'relative';
  const alpha = config.alpha ?? DEFAULT_ALPHA;
  const prior = config.prior ?? FLAT_PRIOR;
  const inverse = config.inverse ?? false;
  assertAlpha(alpha);
  if (prior.proper && !(prior.variance > 0)) {
    throw new RangeError(`a proper prior needs a positive variance, got ${prior.variance}`);
  }

  const effect = computeEffect(control, treatment, differenceType);
  if (!effect.ok) return defaultBayesianResult(differenceType, alpha, inverse, effect.reason);

  const d = effect.estimate;
  const se = effect.standardError;
  let mean = d;
  let sd = se;
  if (prior.proper) {
    // Priors are relative; an absolute analysis works in metric units.
    const scale = differenceType === 'absolute' ? Math.abs(effect.controlMean) : 1;
    const priorMean = prior.mean * scale;
    const priorVar = prior.variance * scale ** 2;
    const precision = 1 / se ** 2 + 1 / priorVar;
    mean = (d / se ** 2 + priorMean / priorVar) / precision;
    sd = Math.sqrt(1 / precision);
  }

  const pGreater = normalCdf(mean / sd);
  let risk = bayesianRisk(mean, sd);
  const ci: [number, number] = [
    normalQuantile(alpha / 2, mean, sd),
    normalQuantile(1 - alpha / 2, mean, sd),
  ];
  if (![mean, sd, pGreater, risk[0], risk[1], ci[0], ci[1]].every(Number.isFinite)) {
    return defaultBayesianResult(differenceType, alpha, inverse, ErrorMessages.nonFinite);
  }
  if (inverse) risk = [risk[1], risk[0]];
  return {
    engine: 'bayesian',
    differenceType,
    alpha,
    expected: mean,
    ci,
    uplift: { dist: 'normal', mean, stddev: sd },
    chanceToWin: inverse ? 1 - pGreater : pGreater,
    risk,
    inverse,
    status: 'ok',
  };
}
