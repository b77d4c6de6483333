import type { ExperimentResults } from '../../../../shared/contract/results';

const HEADER = [
  'metric', 'role', 'variant', 'users', 'total', 'denominator', 'mean',
  'relative effect', 'relative low', 'relative high', 'absolute effect', 'absolute low', 'absolute high',
  'p-value', 'adjusted p-value', 'chance to win', 'verdict',
];

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Quote what would break the row, and neutralise spreadsheet formulas in names.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The results table as CSV: one row per metric and variant, full precision for analysts. */
export function resultsCsv(results: ExperimentResults): string {
  const names = new Map(results.variants.map((v) => [v.key, v.name]));
  const rows = results.metrics.flatMap((metric) =>
    metric.arms.map((arm) => {
      const c = arm.comparison;
      return [
        metric.name, metric.role, names.get(arm.variant) ?? arm.variant, arm.users, arm.total, arm.denominator, arm.mean,
        c?.relative.expected, c?.relative.ci[0], c?.relative.ci[1], c?.absolute.expected, c?.absolute.ci[0], c?.absolute.ci[1],
        c?.pValue, c?.adjustedPValue, c?.chanceToWin, c?.verdict ?? 'control',
      ].map(cell).join(',');
    }),
  );
  return [HEADER.join(','), ...rows].join('\n') + '\n';
}
