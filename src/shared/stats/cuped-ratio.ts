/**
 * CUPED for ratio metrics: the 4-moment delta method
 * (spec: last paragraph of "CUPED"; gbstats RegressionAdjustedRatioStatistic).
 *
 * Per arm, beta = (mean m_post, mean d_post, mean m_pre, mean d_pre) with a
 * 4x4 per-user covariance matrix Lambda. The adjusted ratio
 *   g(beta) = m_post/d_post - theta * m_pre/d_pre
 * has gradient nabla, and its per-user variance is nabla' Lambda nabla.
 */
import {
  type CupedRatioStats,
  type Moment,
  momentCovariance,
  momentMean,
  momentVariance,
} from './sufficient-statistics';

type Vec4 = [number, number, number, number];
type Mat4 = [Vec4, Vec4, Vec4, Vec4];

/** x' M y restricted to rows `rows` of x and columns `cols` of y. */
function quad(x: Vec4, m: Mat4, y: Vec4, rows: number[], cols: number[]): number {
  let s = 0;
  for (const i of rows) for (const j of cols) s += x[i] * m[i][j] * y[j];
  return s;
}

const ALL = [0, 1, 2, 3];
const POST = [0, 1];
const PRE = [2, 3];

export interface CupedRatioArm {
  n: number;
  beta: Vec4;
  lambda: Mat4;
  /** m_post.sum / d_post.sum: the unadjusted ratio. */
  postMean: number;
  /** postMean - theta * preMean (0 if a denominator sum is 0, as gbstats). */
  adjustedMean: number;
}

export function cupedRatioArm(s: CupedRatioStats, theta: number): CupedRatioArm {
  const { n } = s;
  const q: [Moment, Moment, Moment, Moment] = [
    s.numeratorPost,
    s.denominatorPost,
    s.numeratorPre,
    s.denominatorPre,
  ];
  if (q[0].binary !== q[2].binary || q[1].binary !== q[3].binary) {
    throw new TypeError('ratio CUPED: post and pre statistics must be of the same type');
  }
  const p = s.sumProducts;
  const cov = (i: number, j: number, sp: number): number => momentCovariance(q[i], q[j], sp, n);
  const v = q.map((m) => momentVariance(m, n));
  const c01 = cov(0, 1, p.numeratorPostDenominatorPost);
  const c02 = cov(0, 2, p.numeratorPostNumeratorPre);
  const c03 = cov(0, 3, p.numeratorPostDenominatorPre);
  const c12 = cov(1, 2, p.numeratorPreDenominatorPost);
  const c13 = cov(1, 3, p.denominatorPostDenominatorPre);
  const c23 = cov(2, 3, p.numeratorPreDenominatorPre);
  const lambda: Mat4 = [
    [v[0], c01, c02, c03],
    [c01, v[1], c12, c13],
    [c02, c12, v[2], c23],
    [c03, c13, c23, v[3]],
  ];
  const beta: Vec4 = [
    momentMean(q[0], n),
    momentMean(q[1], n),
    momentMean(q[2], n),
    momentMean(q[3], n),
  ];
  const postMean = q[1].sum === 0 ? 0 : q[0].sum / q[1].sum;
  const preMean = q[3].sum === 0 ? 0 : q[2].sum / q[3].sum;
  const adjustedMean = q[1].sum === 0 || q[3].sum === 0 ? 0 : postMean - theta * preMean;
  return { n, beta, lambda, postMean, adjustedMean };
}

/** Gradient of g(beta) for the absolute (per-arm) effect. */
export function cupedRatioGradient(arm: CupedRatioArm, theta: number): Vec4 {
  const [b0, b1, b2, b3] = arm.beta;
  if (b1 === 0 || b3 === 0) return [0, 0, 0, 0];
  return [1 / b1, -b0 / b1 ** 2, -theta / b3, (theta * b2) / b3 ** 2];
}

/** Per-user variance of the adjusted ratio: nabla' Lambda nabla. */
export function cupedRatioVariance(arm: CupedRatioArm, theta: number): number {
  const g = cupedRatioGradient(arm, theta);
  return quad(g, arm.lambda, g, ALL, ALL);
}

/**
 * theta = -(cov_C + cov_T) / (varPre_C + varPre_T), where, with the gradient
 * taken at theta = 1 (so it does not depend on theta), varPre is the variance
 * of the pre ratio and cov its covariance with the post ratio. This is the
 * variance-minimising theta pooled over both arms. 0 when var_pre sums to 0.
 */
export function cupedRatioTheta(control: CupedRatioArm, treatment: CupedRatioArm): number {
  let varPre = 0;
  let cov = 0;
  for (const arm of [control, treatment]) {
    const g = cupedRatioGradient(arm, 1);
    varPre += quad(g, arm.lambda, g, PRE, PRE);
    cov += quad(g, arm.lambda, g, PRE, POST);
  }
  return varPre === 0 ? 0 : -cov / varPre;
}

/**
 * Variance of the relative effect (adj_T - adj_C) / |postMean_C| by the delta
 * method over both arms' 4 moments (control's post moments appear in the
 * denominator too, hence its own gradient).
 */
export function cupedRatioRelativeVariance(
  c: CupedRatioArm,
  t: CupedRatioArm,
  theta: number,
): number {
  const dC = c.beta[1];
  if (c.postMean === 0 || dC === 0 || c.n === 0 || t.n === 0) return 0;
  const den = Math.abs(c.postMean);
  const gAbs = t.adjustedMean - c.adjustedMean;
  const gc = cupedRatioGradient(c, theta);
  const gt = cupedRatioGradient(t, theta);
  const gradC: Vec4 = [
    -(den + gAbs) / dC / den ** 2,
    (c.beta[0] * (den + gAbs)) / dC ** 2 / den ** 2,
    -gc[2] / den,
    -gc[3] / den,
  ];
  const gradT: Vec4 = [gt[0] / den, gt[1] / den, gt[2] / den, gt[3] / den];
  return (
    quad(gradC, c.lambda, gradC, ALL, ALL) / c.n + quad(gradT, t.lambda, gradT, ALL, ALL) / t.n
  );
}
