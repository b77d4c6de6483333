import type { MetricVerdict } from '../../../../shared/contract/results';

export const verdictColors: Record<MetricVerdict, string> = {
  winning: 'var(--mantine-color-teal-6)',
  losing: 'var(--mantine-color-red-6)',
  'no-difference': 'var(--mantine-color-gray-6)',
  'not-enough-data': 'var(--mantine-color-gray-4)',
};

/** For text: the darker shades keep 4.5:1 contrast on white (WCAG AA). */
export const verdictTextColors: Record<MetricVerdict, string | undefined> = {
  winning: 'var(--mantine-color-teal-9)',
  losing: 'var(--mantine-color-red-9)',
  'no-difference': undefined,
  'not-enough-data': undefined,
};

export interface IntervalBarProps {
  expected: number;
  ci: [number | null, number | null];
  /** The shared scale of the column, always including 0. */
  domain: [number, number];
  verdict: MetricVerdict;
  label: string;
}

const WIDTH = 160;
const HEIGHT = 24;
const PAD = 6;

/** The interval drawn as a bar against a zero line: left of it is worse, right of it better (for higher-is-better). */
export function IntervalBar({ expected, ci, domain, verdict, label }: IntervalBarProps) {
  const [min, max] = domain;
  const x = (value: number) => PAD + ((Math.min(Math.max(value, min), max) - min) / (max - min || 1)) * (WIDTH - 2 * PAD);
  const lo = x(ci[0] ?? min);
  const hi = x(ci[1] ?? max);
  const color = verdictColors[verdict];
  return (
    <svg width={WIDTH} height={HEIGHT} role="img" aria-label={label} style={{ display: 'block' }}>
      <line x1={x(0)} x2={x(0)} y1={2} y2={HEIGHT - 2} stroke="var(--mantine-color-dimmed)" strokeDasharray="2 2" />
      <rect x={lo} y={HEIGHT / 2 - 4} width={Math.max(hi - lo, 1)} height={8} rx={4} fill={color} opacity={0.35} />
      <circle cx={x(expected)} cy={HEIGHT / 2} r={4} fill={color} />
    </svg>
  );
}

/** A domain covering every interval in `effects` and 0, with a little room. */
export function sharedDomain(effects: { expected: number; ci: [number | null, number | null] }[]): [number, number] {
  let min = 0;
  let max = 0;
  for (const e of effects) {
    for (const v of [e.expected, e.ci[0], e.ci[1]]) {
      if (v === null || !Number.isFinite(v)) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  const span = max - min || 0.01;
  return [min - span * 0.05, max + span * 0.05];
}
