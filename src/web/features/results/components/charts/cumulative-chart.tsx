import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExperimentResults, MetricResult } from '../../../../../shared/contract/results';
import { formatMean } from '../../lib/format-results';
import { axisTick, gridStroke, variantColor } from './chart-colors';

/** The metric per variant over time, each day over every user exposed up to then. */
export function CumulativeChart({ metric, results }: { metric: MetricResult; results: ExperimentResults }) {
  const rows = new Map<string, Record<string, number | string>>();
  // Every day the results count, back-dated exposures included, so the chart agrees with the figures.
  for (const point of metric.series) {
    const row = rows.get(point.day) ?? { day: point.day };
    row[point.variant] = point.mean;
    rows.set(point.day, row);
  }
  const data = [...rows.values()];
  return (
    <LineChart responsive style={{ width: '100%', height: 260 }} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer>
      <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" />
      <XAxis dataKey="day" tick={axisTick} />
      <YAxis tick={axisTick} tickFormatter={(v: number) => formatMean(metric, v)} width={64} domain={['auto', 'auto']} />
      <Tooltip formatter={(v) => formatMean(metric, Number(v))} />
      <Legend />
      {results.variants.map((variant, i) => (
        <Line key={variant.key} type="monotone" dataKey={variant.key} name={variant.name} stroke={variantColor(i)} strokeWidth={2} dot={data.length < 20} isAnimationActive={false} />
      ))}
    </LineChart>
  );
}
