/** Numbers and sentences of the rollout monitor's decisions, worded for a marketer. */
import type { GuardrailCheck } from '../../../shared/contract/rollouts';

const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234.6 -> "1,235". */
export function formatCount(n: number): string {
  return wholeNumber.format(n);
}

/** 0.0984 -> "9.8%" (no sign). */
export function formatPercent(share: number): string {
  return `${(Math.abs(share) * 100).toFixed(1)}%`;
}

/** 0.0984 -> "+9.8%", -0.052 -> "-5.2%"; a change that rounds to zero reads "0.0%". */
export function formatSignedPercent(share: number): string {
  const text = formatPercent(share);
  if (text === '0.0%') return text;
  return `${share < 0 ? '-' : '+'}${text}`;
}

/** A p-value as a reader can take it in: "p = 0.0003", "p < 0.0001". */
export function formatPValue(p: number): string {
  if (p < 0.0001) return 'p < 0.0001';
  return `p = ${p.toPrecision(2).replace(/^0\.(\d*?)0+$/, '0.$1')}`;
}

/** "Checkout conversion fell 9.8% (interval -14.1% to -5.2%)". */
export function describeHarm(check: GuardrailCheck): string {
  const lift = check.lift ?? 0;
  const moved = lift < 0 ? 'fell' : 'rose';
  const interval = check.interval
    ? ` (interval ${formatSignedPercent(check.interval[0])} to ${formatSignedPercent(check.interval[1])})`
    : '';
  return `${check.metricName} ${moved} ${formatPercent(lift)}${interval}`;
}

/** "Step 2" for step index 1. */
export function stepName(stepIndex: number): string {
  return `Step ${stepIndex + 1}`;
}

export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
