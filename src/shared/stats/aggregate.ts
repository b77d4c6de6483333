/**
 * Summing rows (strata, dimension slices, daily partial sums) of the same arm
 * into one statistic before testing (spec: "Several strata/dimension rows are
 * summed"). All inputs are sums, so addition is exact.
 */
import type { ArmStats, Moment } from './sufficient-statistics';

function addMoment(a: Moment, b: Moment): Moment {
  if ((a.binary ?? false) !== (b.binary ?? false)) {
    throw new TypeError('cannot add a binary and a non-binary moment');
  }
  return { sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares, binary: a.binary };
}

/** a + b for two statistics of the same kind. */
export function addStats<S extends ArmStats>(a: S, b: S): S;
export function addStats(a: ArmStats, b: ArmStats): ArmStats {
  const n = a.n + b.n;
  switch (a.kind) {
    case 'mean':
      if (b.kind !== 'mean') break;
      return { kind: 'mean', n, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares };
    case 'proportion':
      // Kept a proportion (gbstats turns a sum of proportions into a sample
      // mean, changing the variance by n/(n-1); negligible, and clearer here).
      if (b.kind !== 'proportion') break;
      return { kind: 'proportion', n, sum: a.sum + b.sum };
    case 'ratio':
      if (b.kind !== 'ratio') break;
      return {
        kind: 'ratio',
        n,
        numerator: addMoment(a.numerator, b.numerator),
        denominator: addMoment(a.denominator, b.denominator),
        sumProduct: a.sumProduct + b.sumProduct,
      };
    case 'cuped':
      if (b.kind !== 'cuped') break;
      return {
        kind: 'cuped',
        n,
        post: addMoment(a.post, b.post),
        pre: addMoment(a.pre, b.pre),
        sumProduct: a.sumProduct + b.sumProduct,
      };
    case 'cuped-ratio': {
      if (b.kind !== 'cuped-ratio') break;
      const p = a.sumProducts;
      const q = b.sumProducts;
      return {
        kind: 'cuped-ratio',
        n,
        numeratorPost: addMoment(a.numeratorPost, b.numeratorPost),
        denominatorPost: addMoment(a.denominatorPost, b.denominatorPost),
        numeratorPre: addMoment(a.numeratorPre, b.numeratorPre),
        denominatorPre: addMoment(a.denominatorPre, b.denominatorPre),
        sumProducts: {
          numeratorPostNumeratorPre: p.numeratorPostNumeratorPre + q.numeratorPostNumeratorPre,
          denominatorPostDenominatorPre:
            p.denominatorPostDenominatorPre + q.denominatorPostDenominatorPre,
          numeratorPreDenominatorPre: p.numeratorPreDenominatorPre + q.numeratorPreDenominatorPre,
          numeratorPostDenominatorPost:
            p.numeratorPostDenominatorPost + q.numeratorPostDenominatorPost,
          numeratorPostDenominatorPre:
            p.numeratorPostDenominatorPre + q.numeratorPostDenominatorPre,
          numeratorPreDenominatorPost:
            p.numeratorPreDenominatorPost + q.numeratorPreDenominatorPost,
        },
      };
    }
  }
  throw new TypeError(`cannot add a ${a.kind} statistic and a ${b.kind} statistic`);
}

/** Sum of one or more rows of the same kind. */
export function sumStats<S extends ArmStats>(rows: readonly S[]): S {
  if (rows.length === 0) throw new RangeError('sumStats needs at least one row');
  return rows.reduce((acc, row) => addStats(acc, row));
}
