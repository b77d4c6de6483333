/**
 * Switchboard statistics engine: a pure TypeScript port of the formulas in
 * docs/statistics.md (GrowthBook gbstats 0.8.0). No I/O, no Node or
 * browser APIs: the results API and the dashboard share it.
 *
 * Typical use:
 *   const r = frequentistTest(controlStats, treatmentStats, { differenceType: 'relative' });
 *   const v = verdict(r, { direction: 'lower-is-better' });
 */
export type {
  ArmStats,
  CupedRatioStats,
  CupedStats,
  MeanStats,
  Moment,
  ProportionStats,
  RatioStats,
} from './sufficient-statistics';
export { armMean, armVariance } from './sufficient-statistics';
export { addStats, sumStats } from './aggregate';
export type { DegenerateEffect, Effect } from './effects';
export { computeEffect, welchDf } from './effects';
export { cupedTheta } from './cuped';
export type {
  Alternative,
  DifferenceType,
  Engine,
  ResultStatus,
  TestResult,
  Uplift,
} from './result';
export { DEFAULT_ALPHA, ErrorMessages, scaleImpact } from './result';
export type { FrequentistConfig } from './frequentist';
export { frequentistTest } from './frequentist';
export type { SequentialConfig } from './sequential';
export { DEFAULT_SEQUENTIAL_TUNING_PARAMETER, sequentialRho, sequentialTest } from './sequential';
export type { BayesianConfig, EffectPrior } from './bayesian';
export { bayesianTest, DEFAULT_PROPER_PRIOR_STDDEV, FLAT_PRIOR } from './bayesian';
export { checkSrm, SRM_P_THRESHOLD } from './srm';
export { SEQUENTIAL_SRM_CONCENTRATION, sequentialSrmPValue } from './sequential-srm';
export type { PValueCorrection } from './corrections';
export { adjustPValues } from './corrections';
export type { MetricDirection, Verdict, VerdictOptions } from './verdict';
export { verdict } from './verdict';
export type { Baseline, SampleSize, SampleSizeOptions } from './power';
export { daysRemaining, sampleSizePerArm } from './power';
export type { RunTimeEstimate, RunTimeInputs } from './run-time';
export { estimateRunTime, PLANNED_MDE, roundedInputs } from './run-time';
