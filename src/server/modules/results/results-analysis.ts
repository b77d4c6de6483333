import type { Experiment } from '../../../shared/contract/experiments';
import type { Metric } from '../../../shared/contract/metrics';
import type { ArmResult, MetricResult, ResultsCorrection, ResultsEngine, SeriesPoint } from '../../../shared/contract/results';
import { adjustPValues } from '../../../shared/stats';
import type { ResultsRow } from '../../store/types';
import { addSums, armSummary, compareArms, emptySums, verdictWithPValue, type Arm } from './metric-stats';

export type MetricRole = MetricResult['role'];
export interface RoledMetric {
  metric: Metric;
  role: MetricRole;
}

export interface AnalysisOptions {
  engine: ResultsEngine;
  correction: ResultsCorrection;
  cuped: boolean;
}

/** Sums rows (days, or breakdown values) per variant into one arm per variant for metric k. */
export function armsOf(rows: ResultsRow[], variants: string[], k: number): Map<string, Arm> {
  const arms = new Map(variants.map((v) => [v, { users: 0, sums: emptySums() }]));
  for (const row of rows) {
    const arm = arms.get(row.variant);
    if (!arm) continue;
    arm.users += row.users;
    if (row.metrics[k]) arm.sums = addSums(arm.sums, row.metrics[k]);
  }
  return arms;
}

/** Per-variant results for one metric: summary figures, and each treatment against control. */
export function armResults(metric: Metric, arms: Map<string, Arm>, variants: string[], options: AnalysisOptions): ArmResult[] {
  const control = arms.get(variants[0])!;
  return variants.map((variant, i) => {
    const arm = arms.get(variant)!;
    const comparison = i === 0 ? null : compareArms(metric, control, arm, options.engine, options.cuped).comparison;
    return { variant, ...armSummary(metric, arm), comparison };
  });
}

/** Cumulative mean and lift per variant for every day with first exposures. */
function seriesOf(metric: Metric, rows: ResultsRow[], variants: string[], k: number, options: AnalysisOptions): SeriesPoint[] {
  const days = [...new Set(rows.map((r) => r.bucket ?? ''))].sort();
  const running = new Map(variants.map((v) => [v, { users: 0, sums: emptySums() } as Arm]));
  const byDay = new Map<string, ResultsRow[]>();
  for (const row of rows) byDay.set(row.bucket ?? '', [...(byDay.get(row.bucket ?? '') ?? []), row]);
  const points: SeriesPoint[] = [];
  for (const day of days) {
    for (const row of byDay.get(day) ?? []) {
      const arm = running.get(row.variant);
      if (!arm) continue;
      running.set(row.variant, { users: arm.users + row.users, sums: addSums(arm.sums, row.metrics[k]) });
    }
    const control = running.get(variants[0])!;
    variants.forEach((variant, i) => {
      const arm = running.get(variant)!;
      let lift: SeriesPoint['lift'] = null;
      if (i > 0) {
        const { comparison, ok } = compareArms(metric, control, arm, options.engine, options.cuped);
        if (ok) lift = { relative: comparison.relative, absolute: comparison.absolute };
      }
      points.push({ day, variant, users: arm.users, mean: armSummary(metric, arm).mean, lift });
    });
  }
  return points;
}

/** Every metric's results over day rows, with the multiple-comparison correction applied. */
export function analyseMetrics(
  metrics: RoledMetric[],
  rows: ResultsRow[],
  experiment: Experiment,
  sentEvents: Set<string>,
  options: AnalysisOptions,
): MetricResult[] {
  const variants = experiment.variants.map((v) => v.key);
  const results = metrics.map(({ metric, role }, k): MetricResult => {
    const events = [metric.event, ...(metric.kind === 'ratio' && metric.denominator ? [metric.denominator.event] : [])];
    return {
      id: metric.id,
      key: metric.key,
      name: metric.name,
      kind: metric.kind,
      role,
      direction: metric.direction,
      event: metric.event,
      eventSent: events.every((e) => sentEvents.has(e)),
      arms: armResults(metric, armsOf(rows, variants, k), variants, options),
      series: seriesOf(metric, rows, variants, k, options),
    };
  });
  applyCorrection(results, metrics, options);
  return results;
}

/** Adjusts p-values across every metric and treatment together, then re-decides verdicts. */
export function applyCorrection(results: MetricResult[], metrics: RoledMetric[], options: AnalysisOptions) {
  if (options.engine === 'bayesian' || options.correction === 'none') return;
  const tested = results.flatMap((result, k) =>
    result.arms.flatMap((arm) => (arm.comparison?.pValue != null ? [{ arm, lowerIsBetter: metrics[k].metric.direction === 'lower' }] : [])),
  );
  if (tested.length === 0) return;
  const adjusted = adjustPValues(
    tested.map(({ arm }) => arm.comparison!.pValue!),
    options.correction,
  );
  tested.forEach(({ arm, lowerIsBetter }, i) => {
    const comparison = arm.comparison!;
    comparison.adjustedPValue = adjusted[i];
    comparison.verdict = verdictWithPValue(comparison, adjusted[i], lowerIsBetter);
  });
}
