/**
 * Always-valid sample ratio mismatch test (Lindon & Malek 2022, "Anytime-valid inference for
 * multinomial count data"; the test behind Optimizely's and Statsig's sequential SRM checks).
 *
 * A monitor that looks every few minutes cannot use the chi-square p-value of ./srm: each look
 * is another chance of a false alarm, so p < 0.001 at every 5-minute check over days adds up.
 * Here the alternative is a Dirichlet mixture over the arm shares, centred on the configured
 * weights. The mixture's Bayes factor against the configured multinomial is a nonnegative
 * martingale under "no mismatch", so by Ville's inequality the chance that 1/BF ever drops to
 * alpha, at any of however many looks, is at most alpha.
 */
import { logGamma } from './distributions';

/**
 * Dirichlet concentration: the prior puts shares within about sqrt(w(1-w)/100) of each weight w,
 * tuning the test towards mismatches of a few percentage points (savvi's default k = 100).
 */
export const SEQUENTIAL_SRM_CONCENTRATION = 100;

/** ln of the multivariate beta function B(a) = prod Gamma(a_i) / Gamma(sum a_i). */
function logMultivariateBeta(a: readonly number[]): number {
  let sum = 0;
  let logs = 0;
  for (const x of a) {
    sum += x;
    logs += logGamma(x);
  }
  return logs - logGamma(sum);
}

/**
 * ln of the Bayes factor for "the shares differ from `weights`" over "they match", for the
 * `users[i]` counted in arm i so far.
 */
export function sequentialSrmLogBayesFactor(
  users: readonly number[],
  weights: readonly number[],
  concentration = SEQUENTIAL_SRM_CONCENTRATION,
): number {
  if (users.length !== weights.length || weights.length < 2) {
    throw new RangeError(`need one user count per weight and at least 2 arms, got ${users.length} and ${weights.length}`);
  }
  if (!(concentration > 0) || !Number.isFinite(concentration)) {
    throw new RangeError(`concentration must be > 0, got ${concentration}`);
  }
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const prior: number[] = [];
  const posterior: number[] = [];
  let logNull = 0;
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i];
    const observed = users[i];
    // A zero weight would make any user in that arm infinitely surprising: callers drop such arms.
    if (!(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`weight ${i} must be > 0, got ${weight}`);
    if (!(observed >= 0) || !Number.isFinite(observed)) throw new RangeError(`users ${i} must be >= 0, got ${observed}`);
    const share = weight / totalWeight;
    prior.push(concentration * share);
    posterior.push(concentration * share + observed);
    if (observed > 0) logNull += observed * Math.log(share);
  }
  return logMultivariateBeta(posterior) - logMultivariateBeta(prior) - logNull;
}

/**
 * Always-valid SRM p-value min(1, 1/BF): comparing it with alpha at every look keeps the
 * chance of ever raising a false alarm at most alpha. No users gives 1.
 */
export function sequentialSrmPValue(
  users: readonly number[],
  weights: readonly number[],
  concentration = SEQUENTIAL_SRM_CONCENTRATION,
): number {
  const logBayesFactor = sequentialSrmLogBayesFactor(users, weights, concentration);
  return Math.min(1, Math.exp(-logBayesFactor));
}
