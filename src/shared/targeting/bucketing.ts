import { hash } from './fnv-hash';
import type { Namespace, VariationRange } from './types';

/** n copies of 1/n; empty for n <= 0. */
export function getEqualWeights(n: number): number[] {
  if (n <= 0) return [];
  // new Array(n) (rather than Array.from) so a non-integer n throws like the SDK does.
  return new Array<number>(n).fill(1 / n);
}

/**
 * Bucket ranges for an experiment. Invalid coverage is clamped and invalid weights fall
 * back to equal weights, silently: a bad config must still bucket deterministically.
 */
export function getBucketRanges(
  numVariations: number,
  coverage: number | undefined,
  weights?: readonly number[] | null,
): VariationRange[] {
  let cov = coverage === undefined ? 1 : coverage;
  if (cov < 0) cov = 0;
  else if (cov > 1) cov = 1;

  const equal = getEqualWeights(numVariations);
  let w: readonly number[] = weights || equal;
  if (w.length !== numVariations) w = equal;

  let total = 0;
  for (const x of w) total += x;
  // Tolerate rounding in stored weights; they are used as given, not renormalised,
  // because renormalising would move users between variations.
  if (total < 0.99 || total > 1.01) w = equal;

  // Each variation keeps its start when coverage shrinks, so raising coverage later
  // only adds users and never reassigns existing ones.
  let cumulative = 0;
  return w.map((x): VariationRange => {
    const start = cumulative;
    cumulative += x;
    return [start, start + cov * x];
  });
}

/** Whether n falls in the half-open range [start, end). */
export function inRange(n: number, range: VariationRange): boolean {
  return n >= range[0] && n < range[1];
}

/** Index of the first range containing n, or -1 (user not in the experiment). */
export function chooseVariation(n: number, ranges: readonly VariationRange[]): number {
  for (let i = 0; i < ranges.length; i++) {
    if (inRange(n, ranges[i])) return i;
  }
  return -1;
}

/** Whether a user's hash value falls in an experiment's slice of a namespace. */
export function inNamespace(hashValue: string, namespace: Namespace): boolean {
  // Always hash v1 with the "__" prefix: namespaces are shared with other SDKs.
  const n = hash('__' + namespace[0], hashValue, 1);
  if (n === null) return false;
  return n >= namespace[1] && n < namespace[2];
}
