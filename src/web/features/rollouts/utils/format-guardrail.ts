import type { GuardrailCheck } from '../../../../shared/contract/rollouts';

export function formatLift(value: number | null): string {
  if (value === null) return '—';
  const percent = value * 100;
  return `${percent > 0 ? '+' : ''}${percent.toFixed(Math.abs(percent) < 10 ? 1 : 0)}%`;
}

export function formatInterval(interval: GuardrailCheck['interval']): string {
  return interval ? `${formatLift(interval[0])} to ${formatLift(interval[1])}` : '—';
}

/** A mean as a rate or an average: three significant digits are plenty to compare. */
export function formatMean(value: number): string {
  return Math.abs(value) < 1 ? `${(value * 100).toFixed(1)}%` : value.toPrecision(3);
}

/** The guardrail's state in words, so nothing rests on colour alone. */
export function guardrailVerdict(guardrail: GuardrailCheck): string {
  if (guardrail.harmful) return 'Harmful: clearly worse with the new value';
  if (guardrail.lift === null || guardrail.interval === null) return 'Not enough data yet';
  return 'No clear harm';
}
