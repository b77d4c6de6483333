import { Area, AreaChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExperimentResults, MetricResult } from '../../../../../shared/contract/results';
import { formatPercent } from '../../lib/format-results';
import { axisTick, gridStroke, variantColor } from './chart-colors';

const POINTS = 80;

/** Bayesian: the posterior distribution of each variant's relative lift (normal), against 0. */
export function PosteriorChart({ metric, results }: { metric: MetricResult; results: ExperimentResults }) {
  const treatments = metric.arms
    .map((arm, i) => ({ arm, i, name: results.variants[i]?.name ?? arm.variant }))
    .filter(({ arm }) => arm.comparison && arm.comparison.relative.stddev > 0);
  if (treatments.length === 0) return null;
  const spans = treatments.map(({ arm }) => arm.comparison!.relative);
  const lo = Math.min(0, ...spans.map((e) => e.expected - 4 * e.stddev));
  const hi = Math.max(0, ...spans.map((e) => e.expected + 4 * e.stddev));
  const data = Array.from({ length: POINTS + 1 }, (_, k) => {
    const x = lo + ((hi - lo) * k) / POINTS;
    const row: Record<string, number> = { x };
    for (const { arm } of treatments) {
      const { expected, stddev } = arm.comparison!.relative;
      row[arm.variant] = Math.exp(-0.5 * ((x - expected) / stddev) ** 2) / (stddev * Math.sqrt(2 * Math.PI));
    }
    return row;
  });
  return (
    <AreaChart responsive style={{ width: '100%', height: 240 }} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer>
      <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" />
      <XAxis dataKey="x" type="number" domain={[lo, hi]} tick={axisTick} tickFormatter={(v: number) => formatPercent(v, 0)} />
      <YAxis hide />
      <Tooltip labelFormatter={(v) => `Lift ${formatPercent(Number(v))}`} formatter={(v) => Number(v).toFixed(2)} />
      <Legend />
      <ReferenceLine x={0} stroke="var(--mantine-color-dimmed)" />
      {treatments.map(({ arm, i, name }) => (
        <Area key={arm.variant} dataKey={arm.variant} name={name} type="monotone" stroke={variantColor(i)} fill={variantColor(i)} fillOpacity={0.2} isAnimationActive={false} />
      ))}
    </AreaChart>
  );
}
