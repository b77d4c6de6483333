/** "1 Mar 2026 to 14 Mar 2026": the days a chart covers, for its exported image. */
export function dateRangeText(days: readonly string[]): string {
  if (days.length === 0) return '';
  const sorted = [...days].sort();
  const format = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return sorted[0] === sorted[sorted.length - 1] ? format(sorted[0]) : `${format(sorted[0])} to ${format(sorted[sorted.length - 1])}`;
}

/**
 * A lift axis that fits the estimates and the latest (narrowest) intervals, with zero in view.
 * The first days' intervals are huge (±2000% on a handful of users) and would flatten the line;
 * their bands are clipped at the edge instead.
 */
export function liftDomain(estimates: readonly number[], latestIntervals: readonly (readonly [number | null, number | null])[]): [number, number] {
  const values = [0, ...estimates, ...latestIntervals.flatMap(([low, high]) => [low, high].filter((v): v is number => v !== null && Number.isFinite(v)))];
  const finite = values.filter(Number.isFinite);
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (high - low < 1e-9) {
    low -= 0.01;
    high += 0.01;
  }
  const pad = (high - low) * 0.1;
  return [low - pad, high + pad];
}
