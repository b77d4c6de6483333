/** Sum of the weights, rounded to hundredths so 33.33 + 33.33 + 33.34 shows as 100. */
export function totalWeight(weights: readonly number[]): number {
  return Math.round(weights.reduce((sum, weight) => sum + (Number.isFinite(weight) ? weight : 0), 0) * 100) / 100;
}

/** The server accepts a total within 0.001 of 100. */
export function weightsTotal100(weights: readonly number[]): boolean {
  return Math.abs(weights.reduce((sum, weight) => sum + weight, 0) - 100) <= 0.001;
}

/** 100% shared out in hundredths; the last variant takes the rounding remainder so the total is exactly 100. */
export function equalSplit(count: number): number[] {
  if (count <= 0) return [];
  const share = Math.floor(10_000 / count) / 100;
  const weights = Array.from({ length: count }, () => share);
  weights[count - 1] = Math.round((100 - share * (count - 1)) * 100) / 100;
  return weights;
}
