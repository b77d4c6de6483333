/**
 * The only place the engine touches probability distributions.
 *
 * Everything is delegated to the @stdlib modular packages (pure JS, no native
 * code needed, same numerics in the browser and in Node) so that no special
 * function is hand-rolled here. Keeping them behind this tiny facade means the
 * rest of the engine reads like the spec (Phi, F_t, ...) and a library swap
 * touches one file.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdfStd from '@stdlib/stats-base-dists-normal-cdf';
import normalPdfStd from '@stdlib/stats-base-dists-normal-pdf';
import normalQuantileStd from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Normal CDF Phi(x; mean, sd). */
export function normalCdf(x: number, mean = 0, sd = 1): number {
  return normalCdfStd(x, mean, sd);
}

/** Normal quantile Phi^-1(p; mean, sd). */
export function normalQuantile(p: number, mean = 0, sd = 1): number {
  return normalQuantileStd(p, mean, sd);
}

/** Normal density phi(x; mean, sd). */
export function normalPdf(x: number, mean = 0, sd = 1): number {
  return normalPdfStd(x, mean, sd);
}

/** Student t CDF F_t(x; df). */
export function studentTCdf(x: number, df: number): number {
  return tCdf(x, df);
}

/** Student t quantile F_t^-1(p; df). */
export function studentTQuantile(p: number, df: number): number {
  return tQuantile(p, df);
}

/**
 * Chi-square survival function P(X > x), X ~ chi2(df).
 *
 * Computed as 1 - CDF, exactly like the TypeScript back-end's chi2pvalue the
 * SRM vectors were asserted against; the cancellation below ~1e-16 is
 * irrelevant for an SRM alarm threshold of 1e-3.
 */
export function chiSquareSurvival(x: number, df: number): number {
  return 1 - chisquareCdf(x, df);
}

/** Natural log of the gamma function, ln Gamma(x), for x > 0. */
export function logGamma(x: number): number {
  return gammaln(x);
}
