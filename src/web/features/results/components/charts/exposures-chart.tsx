import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExperimentResults } from '../../../../../shared/contract/results';
import { formatCount } from '../../lib/format-results';
import { axisTick, gridStroke, variantColor } from './chart-colors';

/** Users first exposed per day and variant. */
export function ExposuresChart({ results }: { results: ExperimentResults }) {
  const rows = new Map<string, Record<string, number | string>>();
  // Every day the results count, back-dated exposures (a device with a wrong clock) included.
  for (const e of results.exposures) {
    const row = rows.get(e.day) ?? { day: e.day };
    row[e.variant] = e.users;
    rows.set(e.day, row);
  }
  const data = [...rows.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  return (
    <BarChart responsive style={{ width: '100%', height: 240 }} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer>
      <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="day" tick={axisTick} />
      <YAxis tick={axisTick} tickFormatter={(v: number) => formatCount(v)} width={64} />
      <Tooltip formatter={(v) => formatCount(Number(v))} />
      <Legend />
      {results.variants.map((variant, i) => (
        <Bar key={variant.key} dataKey={variant.key} name={variant.name} fill={variantColor(i)} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
