import type { EffectView } from '../../../shared/contract/results';

// Numbers as the sentences on the results page say them.

const MINUS = '\u2212';

/** 0.0623 -> "+6.2%"; -0.04 -> "−4.0%". */
export function percent(x: number, digits = 1): string {
  const text = `${Math.abs(x * 100).toFixed(digits)}%`;
  if (Number(text.slice(0, -1)) === 0) return `${(0).toFixed(digits)}%`;
  return `${x < 0 ? MINUS : '+'}${text}`;
}

/** "+6.2% (+2.1% to +10.4%)"; open ends of one-sided intervals read "or more" / "or less". */
export function liftWithInterval(effect: EffectView): string {
  const [lo, hi] = effect.ci;
  const interval = lo === null ? `${percent(hi ?? 0)} or less` : hi === null ? `${percent(lo)} or more` : `${percent(lo)} to ${percent(hi)}`;
  return `${percent(effect.expected)} (${interval})`;
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function pValueText(p: number): string {
  return p < 0.0001 ? 'p < 0.0001' : `p = ${p.toPrecision(2)}`;
}
