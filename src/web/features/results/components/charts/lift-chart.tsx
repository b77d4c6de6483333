import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExperimentResults, MetricResult } from '../../../../../shared/contract/results';
import { formatEffect, type Difference } from '../../lib/format-results';
import { axisTick, gridStroke, variantColor } from './chart-colors';
import { liftDomain } from './chart-data';

/** Each variant's lift against control over time, with its interval as a band. */
export function LiftChart({ metric, results, difference }: { metric: MetricResult; results: ExperimentResults; difference: Difference }) {
  const rows = new Map<string, Record<string, unknown>>();
  const latest = new Map<string, { day: string; ci: readonly [number | null, number | null] }>();
  const estimates: number[] = [];
  for (const point of metric.series) {
    if (!point.lift) continue;
    const effect = point.lift[difference];
    const row = rows.get(point.day) ?? { day: point.day };
    row[point.variant] = effect.expected;
    // Open ends (one-sided tests) draw up to the estimate.
    row[`${point.variant}:band`] = [effect.ci[0] ?? effect.expected, effect.ci[1] ?? effect.expected];
    rows.set(point.day, row);
    estimates.push(effect.expected);
    const last = latest.get(point.variant);
    if (!last || last.day < point.day) latest.set(point.variant, { day: point.day, ci: [effect.ci[0] ?? null, effect.ci[1] ?? null] });
  }
  const domain = liftDomain(estimates, [...latest.values()].map((entry) => entry.ci));
  const data = [...rows.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  const treatments = results.variants.map((v, i) => ({ ...v, color: variantColor(i) })).slice(1);
  const format = (v: number) => formatEffect(metric, v, difference);
  return (
    <ComposedChart responsive style={{ width: '100%', height: 260 }} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer>
      <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" />
      <XAxis dataKey="day" tick={axisTick} />
      <YAxis tick={axisTick} tickFormatter={format} width={64} domain={domain} allowDataOverflow />
      <Tooltip
        formatter={(value, name) => (Array.isArray(value) ? [`${format(Number(value[0]))} to ${format(Number(value[1]))}`, String(name)] : [format(Number(value)), String(name)])}
      />
      <Legend />
      <ReferenceLine y={0} stroke="var(--mantine-color-dimmed)" />
      {treatments.map((t) => (
        <Area key={`${t.key}:band`} dataKey={`${t.key}:band`} name={`${t.name} interval`} stroke="none" fill={t.color} fillOpacity={0.18} isAnimationActive={false} legendType="none" />
      ))}
      {treatments.map((t) => (
        <Line key={t.key} dataKey={t.key} name={t.name} stroke={t.color} strokeWidth={2} dot={data.length < 20} isAnimationActive={false} />
      ))}
    </ComposedChart>
  );
}
