/**
 * Effect of treatment vs control and its standard error (spec: "Effect and
 * its standard error"), shared by all engines. CUPED inputs are adjusted here
 * so the engines never need to know about regression adjustment.
 */
import { type CupedArm, cupedArm, cupedRelativeVariance, cupedTheta } from './cuped';
import {
  type CupedRatioArm,
  cupedRatioArm,
  cupedRatioRelativeVariance,
  cupedRatioTheta,
  cupedRatioVariance,
} from './cuped-ratio';
import { type DifferenceType, ErrorMessages } from './result';
import {
  type ArmStats,
  armMean,
  armVariance,
  withoutCuped,
} from './sufficient-statistics';

/** A computable effect. */
export interface Effect {
  ok: true;
  differenceType: DifferenceType;
  /** D: absolute difference, or difference relative to |control mean|. */
  estimate: number;
  /** sqrt(Var(D)). */
  standardError: number;
  /** Per-user variances of each arm (CUPED-adjusted), for the Welch df. */
  controlVariance: number;
  treatmentVariance: number;
  controlN: number;
  treatmentN: number;
  /** Unadjusted control mean: the scale of relative effects and priors. */
  controlMean: number;
  /** CUPED theta actually used (0 when not CUPED or when it fell back). */
  theta: number;
}

/** An effect that cannot be estimated; `reason` is an ErrorMessages value. */
export interface DegenerateEffect {
  ok: false;
  reason: string;
}

interface ArmMoments {
  n: number;
  /** CUPED-adjusted mean (= plain mean without CUPED). */
  mean: number;
  unadjustedMean: number;
  /** Per-user variance (CUPED-adjusted). */
  variance: number;
}

interface Moments {
  control: ArmMoments;
  treatment: ArmMoments;
  theta: number;
  /** Relative-effect variance when it is not the generic formula (CUPED). */
  relativeVariance?: number;
}

function plainArm(s: ArmStats): ArmMoments {
  const mean = armMean(s);
  return { n: s.n, mean, unadjustedMean: mean, variance: armVariance(s) };
}

function moments(control: ArmStats, treatment: ArmStats): Moments {
  if (control.kind !== treatment.kind) {
    throw new TypeError(
      `control (${control.kind}) and treatment (${treatment.kind}) must be the same kind`,
    );
  }
  if (control.kind === 'cuped' && treatment.kind === 'cuped') {
    const theta = cupedTheta(control, treatment);
    if (theta !== 0) {
      const c = cupedArm(control, theta);
      const t = cupedArm(treatment, theta);
      const arm = (a: CupedArm): ArmMoments => ({
        n: a.n,
        mean: a.adjustedMean,
        unadjustedMean: a.postMean,
        variance: a.adjustedVariance,
      });
      return {
        control: arm(c),
        treatment: arm(t),
        theta,
        relativeVariance: cupedRelativeVariance(c, t, theta),
      };
    }
  }
  if (control.kind === 'cuped-ratio' && treatment.kind === 'cuped-ratio') {
    const theta = cupedRatioTheta(cupedRatioArm(control, 1), cupedRatioArm(treatment, 1));
    // gbstats treats |theta| < 1e-8 as "no pre-period signal" and falls back.
    if (Math.abs(theta) >= 1e-8) {
      const c = cupedRatioArm(control, theta);
      const t = cupedRatioArm(treatment, theta);
      const arm = (a: CupedRatioArm): ArmMoments => ({
        n: a.n,
        mean: a.adjustedMean,
        unadjustedMean: a.postMean,
        variance: cupedRatioVariance(a, theta),
      });
      return {
        control: arm(c),
        treatment: arm(t),
        theta,
        relativeVariance: cupedRatioRelativeVariance(c, t, theta),
      };
    }
  }
  // Plain statistics, or CUPED that fell back to the post-period statistics.
  return {
    control: plainArm(withoutCuped(control)),
    treatment: plainArm(withoutCuped(treatment)),
    theta: 0,
  };
}

function isBadCount(n: number): boolean {
  return !Number.isFinite(n) || n < 0;
}

/**
 * Estimate the treatment effect. Returns a DegenerateEffect (never NaN or
 * Infinity) for: n <= 1 in an arm, zero/negative variance in an arm or in
 * total, a control mean of 0 (adjusted or not), or any non-finite number.
 */
export function computeEffect(
  control: ArmStats,
  treatment: ArmStats,
  differenceType: DifferenceType = 'relative',
): Effect | DegenerateEffect {
  if (isBadCount(control.n) || isBadCount(treatment.n)) {
    throw new RangeError('user counts must be finite and non-negative');
  }
  if (control.n <= 1 || treatment.n <= 1) {
    return { ok: false, reason: ErrorMessages.notEnoughUsers };
  }
  const m = moments(control, treatment);
  const c = m.control;
  const t = m.treatment;
  if (!(c.variance > 0) || !(t.variance > 0)) {
    return { ok: false, reason: ErrorMessages.zeroVariance };
  }
  if (c.mean === 0 || c.unadjustedMean === 0) {
    return { ok: false, reason: ErrorMessages.baselineZero };
  }
  const relative = differenceType === 'relative';
  const diff = t.mean - c.mean;
  const estimate = relative ? diff / Math.abs(c.unadjustedMean) : diff;
  const variance = relative
    ? (m.relativeVariance ??
      t.variance / (t.n * c.unadjustedMean ** 2) +
        (c.variance * t.unadjustedMean ** 2) / (c.n * c.unadjustedMean ** 4))
    : t.variance / t.n + c.variance / c.n;
  if (!(variance > 0)) return { ok: false, reason: ErrorMessages.zeroVariance };
  const standardError = Math.sqrt(variance);
  if (!Number.isFinite(estimate) || !Number.isFinite(standardError)) {
    return { ok: false, reason: ErrorMessages.nonFinite };
  }
  return {
    ok: true,
    differenceType,
    estimate,
    standardError,
    controlVariance: c.variance,
    treatmentVariance: t.variance,
    controlN: c.n,
    treatmentN: t.n,
    controlMean: c.unadjustedMean,
    theta: m.theta,
  };
}

/**
 * Welch-Satterthwaite degrees of freedom, always from the per-arm variances
 * (also for relative effects, as gbstats does).
 */
export function welchDf(e: Effect): number {
  const vt = e.treatmentVariance / e.treatmentN;
  const vc = e.controlVariance / e.controlN;
  return (
    (vt + vc) ** 2 /
    (e.treatmentVariance ** 2 / (e.treatmentN ** 2 * (e.treatmentN - 1)) +
      e.controlVariance ** 2 / (e.controlN ** 2 * (e.controlN - 1)))
  );
}
