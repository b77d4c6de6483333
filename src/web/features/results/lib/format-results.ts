import type { EffectView, MetricResult } from '../../../../shared/contract/results';

// How figures read on the results page: relative effects in %, conversion rates in %, absolute
// effects of a rate in percentage points, everything else in the metric's own units.

const MINUS = '\u2212';
const signed = (x: number, text: string) => (Number(text.replace(/[^\d.]/g, '')) === 0 ? text : `${x < 0 ? MINUS : '+'}${text}`);

export function formatPercent(x: number, digits = 1): string {
  return signed(x, `${Math.abs(x * 100).toFixed(digits)}%`);
}

export function formatNumber(x: number, digits = 2): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: Math.abs(x) < 100 ? Math.min(digits, 2) : 0 });
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A variant's value of the metric: "12.3%" for a conversion rate, "4.52" otherwise. */
export function formatMean(metric: Pick<MetricResult, 'kind'>, mean: number): string {
  return metric.kind === 'conversion' ? `${(mean * 100).toFixed(1)}%` : formatNumber(mean);
}

export type Difference = 'relative' | 'absolute';

/** An effect: "+6.2%" (relative), "+1.3 pp" (absolute, rates) or "+0.42" (absolute). */
export function formatEffect(metric: Pick<MetricResult, 'kind'>, x: number, difference: Difference): string {
  if (difference === 'relative') return formatPercent(x);
  if (metric.kind === 'conversion') return signed(x, `${Math.abs(x * 100).toFixed(1)} pp`);
  return signed(x, formatNumber(Math.abs(x)));
}

export function formatInterval(metric: Pick<MetricResult, 'kind'>, effect: EffectView, difference: Difference): string {
  const [lo, hi] = effect.ci;
  if (lo === null) return `${formatEffect(metric, hi ?? 0, difference)} or less`;
  if (hi === null) return `${formatEffect(metric, lo, difference)} or more`;
  return `${formatEffect(metric, lo, difference)} to ${formatEffect(metric, hi, difference)}`;
}

export function formatPValue(p: number | null): string {
  if (p === null) return '—';
  return p < 0.0001 ? '< 0.0001' : p.toPrecision(2);
}

/** Rounded toward 50%, so a chance never reads 95.0% while its verdict (at 95%) says no difference. */
export function formatChance(p: number | null): string {
  if (p === null) return '—';
  const tenths = p >= 0.5 ? Math.floor(p * 1000) : Math.ceil(p * 1000);
  return `${(tenths / 10).toFixed(1)}%`;
}
