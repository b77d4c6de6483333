import type { Experiment } from '../../../shared/contract/experiments';
import type { ArmResult, Headline, HealthWarning, MetricResult, ResultsEngine } from '../../../shared/contract/results';
import { percent, liftWithInterval } from './results-format';

/** The change the "keep running" estimate plans for. */
export const PLANNED_MDE = 0.05;

export interface HeadlineInput {
  experiment: Experiment;
  metrics: MetricResult[];
  health: HealthWarning[];
  engine: ResultsEngine;
  /** Days until PLANNED_MDE is detectable at the current traffic; null when unknown. */
  daysRemaining: number | null;
}

const has = (health: HealthWarning[], code: HealthWarning['code']) => health.some((w) => w.code === code);
const line = (tone: Headline['tone'], text: string, extra: Partial<Headline> = {}): Headline => ({ tone, text, variant: null, metricId: null, daysRemaining: null, ...extra });

/** The one sentence at the top of the results page: who is ahead, or what to do next. */
export function headline(input: HeadlineInput): Headline {
  const { experiment, metrics, health } = input;
  const nameOf = (key: string) => experiment.variants.find((v) => v.key === key)?.name ?? key;
  if (has(health, 'no-metrics') && metrics.length === 0) return line('problem', 'Add a metric to this experiment to see which variant wins.');
  if (has(health, 'no-exposures')) return line('not-enough-data', 'No one has been exposed to this experiment yet, so there is nothing to compare.');
  if (has(health, 'no-data-in-range')) return line('not-enough-data', 'No users were first exposed in this date range: widen it to see results.');
  if (has(health, 'srm')) return line('problem', 'Check the traffic split before trusting these results: the variants did not get the share of users they were configured for.');
  const decision = metrics.find((m) => m.role === 'primary') ?? metrics.find((m) => m.role === 'secondary') ?? metrics[0];
  if (!decision) return line('problem', 'Add a metric to this experiment to see which variant wins.');
  const metricId = decision.id;
  if (!decision.eventSent) return line('problem', `${decision.name} needs the "${decision.event}" event, which no app has sent yet.`, { metricId });

  const treatments = decision.arms.slice(1).filter((arm): arm is ArmResult & { comparison: NonNullable<ArmResult['comparison']> } => arm.comparison !== null);
  const better = (arm: (typeof treatments)[number]) => arm.comparison.relative.expected * (decision.direction === 'lower' ? -1 : 1);
  const guardrails = guardrailSentence(metrics, nameOf);
  const confidence = (arm: (typeof treatments)[number]) =>
    input.engine === 'bayesian' && arm.comparison.chanceToWin !== null ? ` ${Math.round(arm.comparison.chanceToWin * 100)}% chance to beat control.` : '';

  const winners = treatments.filter((arm) => arm.comparison.verdict === 'winning').sort((a, b) => better(b) - better(a));
  if (winners.length > 0) {
    const best = winners[0];
    const text = `${nameOf(best.variant)} is ahead on ${decision.name}: ${liftWithInterval(best.comparison.relative)}.${confidence(best)}${guardrails}`;
    return line('winner', text, { variant: best.variant, metricId });
  }
  const losers = treatments.filter((arm) => arm.comparison.verdict === 'losing').sort((a, b) => better(a) - better(b));
  if (losers.length > 0 && losers.length === treatments.length) {
    const worst = losers[0];
    const control = nameOf(decision.arms[0].variant);
    return line('loser', `${control} is ahead on ${decision.name}: ${nameOf(worst.variant)} is ${liftWithInterval(worst.comparison.relative)}.${guardrails}`, { variant: decision.arms[0].variant, metricId });
  }
  if (treatments.every((arm) => arm.comparison.verdict === 'not-enough-data')) {
    return line('not-enough-data', `Not enough data yet on ${decision.name} to compare the variants: keep the experiment running.`, { metricId });
  }
  const closest = treatments[0];
  const observed = closest ? ` ${nameOf(closest.variant)} is ${liftWithInterval(closest.comparison.relative)}.` : '';
  const days = input.daysRemaining;
  const mde = percent(PLANNED_MDE, 0).replace('+', '');
  if (days !== null && days > 0 && experiment.status === 'running') {
    return line('keep-running', `Keep running: about ${days} more ${days === 1 ? 'day' : 'days'} to detect a ${mde} change on ${decision.name}.${observed}`, { metricId, daysRemaining: days });
  }
  if (days === null && experiment.status === 'running') {
    return line('keep-running', `Keep running: no difference detected on ${decision.name} yet.${observed}`, { metricId });
  }
  const enough = days === 0 ? ` With this many users a ${mde} change would most likely have shown.` : '';
  return line('no-difference', `No difference detected on ${decision.name}.${observed}${enough}${guardrails}`, { metricId, daysRemaining: days });
}

function guardrailSentence(metrics: MetricResult[], nameOf: (key: string) => string): string {
  const guardrails = metrics.filter((m) => m.role === 'guardrail');
  if (guardrails.length === 0) return '';
  for (const metric of guardrails) {
    const worse = metric.arms.find((arm) => arm.comparison?.verdict === 'losing');
    if (worse?.comparison) return ` But ${nameOf(worse.variant)} makes ${metric.name} worse (${liftWithInterval(worse.comparison.relative)}).`;
  }
  return ' Guardrails are fine.';
}
