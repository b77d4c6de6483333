import type { ExperimentResults } from '../../../../../shared/contract/results';
import { formatPercent } from '../../lib/format-results';
import { sharedDomain, verdictColors } from '../interval-bar';

const ROW = 30;
const LABEL = 220;
const WIDTH = 720;
const PAD = 16;

/** Every metric's relative lift for every variant on one scale, with its interval. */
export function ForestPlot({ results }: { results: ExperimentResults }) {
  const names = new Map(results.variants.map((v) => [v.key, v.name]));
  const rows = results.metrics.flatMap((metric) =>
    metric.arms.flatMap((arm) => (arm.comparison ? [{ label: results.variants.length > 2 ? `${metric.name} · ${names.get(arm.variant)}` : metric.name, c: arm.comparison }] : [])),
  );
  const [min, max] = sharedDomain(rows.map((r) => r.c.relative));
  const height = rows.length * ROW + 32;
  const x = (v: number) => LABEL + PAD + ((Math.min(Math.max(v, min), max) - min) / (max - min || 1)) * (WIDTH - LABEL - 2 * PAD);
  const ticks = [min, min / 2, 0, max / 2, max].filter((t, i, all) => all.indexOf(t) === i);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`Lift of ${rows.length} metric comparisons against control`} className="recharts-surface" style={{ maxWidth: WIDTH }}>
      <line x1={x(0)} x2={x(0)} y1={4} y2={height - 24} stroke="var(--mantine-color-dimmed)" strokeDasharray="3 3" />
      {ticks.map((t) => (
        <text key={t} x={x(t)} y={height - 6} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
          {formatPercent(t, 0)}
        </text>
      ))}
      {rows.map(({ label, c }, i) => {
        const y = i * ROW + ROW / 2 + 4;
        const color = verdictColors[c.verdict];
        const [lo, hi] = c.relative.ci;
        return (
          <g key={`${label}-${i}`}>
            <text x={LABEL} y={y + 4} textAnchor="end" fontSize={12} fill="var(--mantine-color-text)">
              {label.length > 34 ? `${label.slice(0, 33)}…` : label}
            </text>
            <line x1={x(lo ?? min)} x2={x(hi ?? max)} y1={y} y2={y} stroke={color} strokeWidth={3} strokeLinecap="round" />
            <circle cx={x(c.relative.expected)} cy={y} r={5} fill={color} />
          </g>
        );
      })}
    </svg>
  );
}
