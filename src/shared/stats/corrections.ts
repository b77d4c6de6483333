/**
 * Multiple-comparison corrections for the p-values of one experiment (every
 * metric x treatment arm pair). Looking at 20 metrics at alpha 0.05 finds about
 * one false winner on average; these adjusted p-values control that.
 */

export type PValueCorrection = 'holm' | 'bh' | 'none';

/**
 * Adjusted p-values, in the input order.
 *
 * - 'holm' (Holm-Bonferroni, controls the family-wise error rate): with
 *   p(1) <= ... <= p(m), adj(i) = max over j <= i of min(1, (m - j + 1) p(j)).
 * - 'bh' (Benjamini-Hochberg, controls the false discovery rate):
 *   adj(i) = min over j >= i of min(1, m p(j) / j).
 * - 'none': the input, copied.
 *
 * Both corrected sequences are monotone in the rank of the raw p-value and
 * capped at 1, so "adj < alpha" is the usual step-down/step-up decision.
 */
export function adjustPValues(pValues: readonly number[], method: PValueCorrection): number[] {
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must be in [0, 1], got ${p}`);
  }
  if (method === 'none') return [...pValues];
  const m = pValues.length;
  // Indices sorted by p ascending; ties keep input order (stable sort).
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const adjusted = new Array<number>(m);
  if (method === 'holm') {
    let running = 0;
    order.forEach((idx, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * pValues[idx]));
      adjusted[idx] = running;
    });
  } else {
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
      const idx = order[rank];
      running = Math.min(running, (m * pValues[idx]) / (rank + 1));
      adjusted[idx] = running;
    }
  }
  return adjusted;
}
