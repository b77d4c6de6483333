import { Bar, CartesianGrid, Cell, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { GuardrailCheck } from '../../../../shared/contract/rollouts';
import { formatLift } from '../utils/format-guardrail';

const HARM = 'var(--mantine-color-red-8)';
const FINE = 'var(--mantine-color-teal-8)';
interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: unknown;
}

const isHarmful = (payload: unknown) => typeof payload === 'object' && payload !== null && (payload as { harmful?: unknown }).harmful === true;

const axisTick = { fontSize: 12, fill: 'var(--mantine-color-dimmed)' };

/**
 * Each guardrail's lift (new against old) as a dot with its interval as a bar, around a zero line.
 * The table beside it says the same in words; the chart is hidden from screen readers.
 */
export function GuardrailChart({ guardrails }: { guardrails: readonly GuardrailCheck[] }) {
  const rows = guardrails
    .filter((g) => g.lift !== null && g.interval !== null)
    .map((g) => ({ name: g.metricName, lift: g.lift, band: g.interval, harmful: g.harmful }));
  const edges = rows.flatMap((row) => [...(row.band ?? []), row.lift ?? 0]);
  // A symmetric scale rounded up to a tenth, so zero sits in the middle with round ticks either side.
  const extent = Math.ceil(Math.max(0.05, ...edges.map((value) => Math.abs(value))) * 10) / 10;
  const ticks = [-extent, -extent / 2, 0, extent / 2, extent];
  return (
    <div aria-hidden>
      <ComposedChart layout="vertical" responsive accessibilityLayer={false} style={{ width: '100%', height: 48 + rows.length * 40 }} data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="var(--mantine-color-default-border)" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[-extent, extent]} ticks={ticks} tickFormatter={(value: number) => formatLift(value)} tick={axisTick} />
        <YAxis type="category" dataKey="name" width={140} tick={axisTick} />
        <ReferenceLine x={0} stroke="var(--mantine-color-dimmed)" strokeWidth={2} />
        <Bar dataKey="band" barSize={8} isAnimationActive={false}>
          {rows.map((row) => (
            <Cell key={row.name} fill={row.harmful ? HARM : FINE} fillOpacity={0.5} />
          ))}
        </Bar>
        <Line dataKey="lift" stroke="none" isAnimationActive={false} dot={(props: DotProps) => <circle key={props.index} cx={props.cx} cy={props.cy} r={6} fill={isHarmful(props.payload) ? HARM : FINE} />} activeDot={false} />
      </ComposedChart>
    </div>
  );
}
