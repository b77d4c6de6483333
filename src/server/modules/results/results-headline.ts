import type { Experiment } from '../../../shared/contract/experiments';
import type { ArmResult, Headline, HealthWarning, MetricResult, ResultsEngine } from '../../../shared/contract/results';
import { count, liftWithInterval, percent } from './results-format';

/** The run-time estimate behind "keep running" (the editor's estimateRunTime with today's traffic). */
export type RunTimeView = NonNullable<Headline['estimate']>;

/** Past this many more days at today's traffic, waiting is not a plan: the headline says stop. */
export const MAX_DAYS_TO_WAIT = 60;

export interface HeadlineInput {
  experiment: Experiment;
  metrics: MetricResult[];
  health: HealthWarning[];
  engine: ResultsEngine;
  /** null when no estimate can be made (no traffic, a baseline of 0). */
  estimate: RunTimeView | null;
}

type Compared = ArmResult & { comparison: NonNullable<ArmResult['comparison']> };

const has = (health: HealthWarning[], code: HealthWarning['code']) => health.some((w) => w.code === code);
const line = (tone: Headline['tone'], text: string, extra: Partial<Headline> = {}): Headline => ({
  tone, text, variant: null, metricId: null, daysRemaining: null, estimate: null, impact: null, ...extra,
});
const signed = (x: number, digits: number) => `${x < 0 ? '\u2212' : '+'}${Math.abs(x).toFixed(digits)}`;

/** What shipping the arm changes, in the metric's own unit. */
export function impactText(metric: MetricResult, arm: Compared): string {
  const control = metric.arms[0].mean;
  const delta = arm.comparison.absolute.expected;
  if (metric.kind === 'conversion') {
    return `${signed(delta * 100, 1)} percentage points of users convert (${(control * 100).toFixed(1)}% → ${((control + delta) * 100).toFixed(1)}%)`;
  }
  const digits = Math.abs(control) >= 100 ? 0 : 2;
  const unit = metric.kind === 'ratio' ? '' : ' per user';
  return `${signed(delta, digits)}${unit} (${control.toFixed(digits)} → ${(control + delta).toFixed(digits)})`;
}

/** Bayesian only: the chance, never rounded up across the 95% the verdict uses. */
const chanceText = (engine: ResultsEngine, arm: Compared) =>
  engine === 'bayesian' && arm.comparison.chanceToWin !== null ? ` ${Math.floor(arm.comparison.chanceToWin * 1000) / 10}% chance to beat control.` : '';

/** The first sentence on the results page: what to do, then why. */
export function headline(input: HeadlineInput): Headline {
  const { experiment, metrics, health, engine, estimate } = input;
  const nameOf = (key: string) => experiment.variants.find((v) => v.key === key)?.name ?? key;
  if (has(health, 'no-metrics') && metrics.length === 0) return line('problem', 'Add a metric to this experiment to see which variant wins.');
  if (has(health, 'no-exposures')) return line('not-enough-data', 'No one has been exposed to this experiment yet, so there is nothing to compare.');
  if (has(health, 'no-data-in-range')) return line('not-enough-data', 'No users were first exposed in this date range: widen it to see results.');
  if (has(health, 'srm')) return line('problem', 'Check the traffic split before trusting these results: the variants did not get the share of users they were configured for.');
  const decision = metrics.find((m) => m.role === 'primary') ?? metrics.find((m) => m.role === 'secondary') ?? metrics[0];
  if (!decision) return line('problem', 'Add a metric to this experiment to see which variant wins.');
  const metricId = decision.id;
  if (!decision.eventSent) return line('problem', `${decision.name} needs the "${decision.event}" event, which no app has sent yet.`, { metricId });

  const control = nameOf(decision.arms[0].variant);
  const treatments = decision.arms.slice(1).filter((arm): arm is Compared => arm.comparison !== null);
  const better = (arm: Compared) => arm.comparison.relative.expected * (decision.direction === 'lower' ? -1 : 1);
  const extra = { metricId, estimate };

  const winners = treatments.filter((arm) => arm.comparison.verdict === 'winning').sort((a, b) => better(b) - better(a));
  if (winners.length > 0) {
    const best = winners[0];
    const name = nameOf(best.variant);
    const impact = impactText(decision, best);
    const why = `${decision.name} ${liftWithInterval(best.comparison.relative)}, expected impact ${impact}.${chanceText(engine, best)}`;
    const harm = guardrailHarm(metrics, best.variant);
    if (harm) return line('winner', `Do not ship ${name} yet: it wins on ${why} But it makes ${harm}.`, { ...extra, variant: best.variant, impact });
    const fine = metrics.some((m) => m.role === 'guardrail') ? ' Guardrails are fine.' : '';
    return line('winner', `Ship ${name}: ${why}${fine}`, { ...extra, variant: best.variant, impact });
  }
  const losers = treatments.filter((arm) => arm.comparison.verdict === 'losing').sort((a, b) => better(a) - better(b));
  if (losers.length > 0 && losers.length === treatments.length) {
    const worst = losers[0];
    return line('loser', `Keep ${control}: ${nameOf(worst.variant)} does worse on ${decision.name}, ${liftWithInterval(worst.comparison.relative)}.`, { ...extra, variant: decision.arms[0].variant });
  }
  if (treatments.every((arm) => arm.comparison.verdict === 'not-enough-data')) {
    return line('not-enough-data', `Keep running: not enough data yet on ${decision.name} to compare the variants.`, extra);
  }
  const closest = treatments[0];
  const observed = closest ? ` So far ${nameOf(closest.variant)} is ${liftWithInterval(closest.comparison.relative)} on ${decision.name}.` : '';
  const mde = percent(estimate?.mde ?? 0.1, 0).replace('+', '');
  const days = estimate?.remainingDays ?? null;
  const live = experiment.status === 'running';
  if (live && days !== null && days > 0 && days <= MAX_DAYS_TO_WAIT) {
    const traffic = `at today's traffic (${count(estimate!.enteringPerDay)} users a day)`;
    return line('keep-running', `Keep running about ${days} more ${days === 1 ? 'day' : 'days'} ${traffic} to tell whether ${decision.name} changes by ${mde}.${observed}`, { ...extra, daysRemaining: days });
  }
  if (live && days === null) return line('keep-running', `Keep running: no difference on ${decision.name} yet, and too little traffic to say how long it needs.${observed}`, extra);
  const why = days === 0 ? ` With this many users a ${mde} change would most likely have shown.`
    : days !== null ? ` At today's traffic a ${mde} change would take about ${count(days)} more days to show.` : '';
  return line('no-difference', `No winner: stop and keep ${control}.${observed}${why}`, { ...extra, variant: decision.arms[0].variant, daysRemaining: days });
}

/** "Errors worse (+40.0% (+20.0% to +60.0%))" for the first guardrail the variant makes worse, else null. */
function guardrailHarm(metrics: MetricResult[], variant: string): string | null {
  for (const metric of metrics.filter((m) => m.role === 'guardrail')) {
    const arm = metric.arms.find((a) => a.variant === variant);
    if (arm?.comparison?.verdict === 'losing') return `${metric.name} worse (${liftWithInterval(arm.comparison.relative)})`;
  }
  return null;
}
