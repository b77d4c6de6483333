import type { Experiment } from '../../../shared/contract/experiments';
import type { HealthWarning, MetricResult } from '../../../shared/contract/results';
import { count, liftWithInterval, pValueText } from './results-format';

/** Fewer users than this in any variant and every estimate is too noisy to act on. */
export const MIN_USERS_PER_VARIANT = 100;

export interface HealthInput {
  experiment: Experiment;
  /** Metric ids the experiment lists that no longer exist. */
  missingMetricIds: string[];
  metrics: MetricResult[];
  /** Users per variant in the range, in the experiment's variant order. */
  users: number[];
  srmPValue: number;
  srmMismatch: boolean;
  /** Users ever exposed, whatever the range. */
  everExposed: number;
  rangeLabel: string;
  /** Exposed users recorded under variant keys the experiment does not have. */
  unknownVariants: { variant: string; users: number }[];
}

const warning = (w: Omit<HealthWarning, 'metricId'> & { metricId?: string | null }): HealthWarning => ({ metricId: null, ...w });

/** What is wrong with these results, each with a plain explanation and what to do about it. */
export function healthWarnings(input: HealthInput): HealthWarning[] {
  const { experiment } = input;
  const out: HealthWarning[] = [];
  const ids = [experiment.metrics.primary, ...experiment.metrics.secondary, ...experiment.metrics.guardrails].filter(Boolean);
  if (ids.length === 0) {
    out.push(warning({
      code: 'no-metrics', severity: 'warning', title: 'This experiment measures nothing yet',
      explanation: 'Without a metric there is nothing to compare, so no variant can win. Exposures are still counted below.',
      fix: 'Edit the experiment and choose a primary metric (for example a purchase conversion); results appear for the data already collected.',
    }));
  }
  for (const id of input.missingMetricIds) {
    out.push(warning({
      code: 'missing-metric', severity: 'warning', title: 'A metric of this experiment no longer exists', metricId: id,
      explanation: `The experiment lists metric "${id}", which has been deleted, so it is left out of these results.`,
      fix: 'Edit the experiment and remove it or choose another metric.',
    }));
  }
  const total = input.users.reduce((s, n) => s + n, 0);
  if (total === 0) {
    out.push(input.everExposed === 0
      ? warning({
          code: 'no-exposures', severity: 'warning', title: 'No one has been exposed yet',
          explanation: experiment.status === 'running'
            ? 'The experiment is running, but no app has evaluated its parameters for a user since it started.'
            : `The experiment is ${experiment.status}: users only enter while it is running.`,
          fix: experiment.status === 'running'
            ? 'Check that the app reads one of the experiment\'s parameters through OFREP with a targetingKey, and that the audience matches real users.'
            : 'Start the experiment, then come back once users have opened the app.',
        })
      : warning({
          code: 'no-data-in-range', severity: 'warning', title: 'No data in this date range',
          explanation: `${count(input.everExposed)} users have been exposed, but none first ${input.rangeLabel}.`,
          fix: 'Widen the date range, or clear it to see the whole experiment.',
        }));
    return out;
  }
  if (input.srmMismatch) {
    const shares = experiment.variants.map((v, i) => `${v.name} ${count(input.users[i] ?? 0)} (expected ${count((total * v.weight) / 100)})`).join(', ');
    out.push(warning({
      code: 'srm', severity: 'error', title: 'Sample ratio mismatch: the split is not what was configured',
      explanation: `Users per variant: ${shares}; a gap this large happens by chance with ${pValueText(input.srmPValue)}. Something drops or adds users in some variants, so every result below is suspect.`,
      fix: 'Check that every variant records exposures the same way (redirects, caching, crashes, bots, an app version that loses events) and that weights or allocation were not changed mid-test; then restart the experiment.',
    }));
  }
  for (const { variant, users } of input.unknownVariants) {
    out.push(warning({
      code: 'unknown-variant', severity: 'warning', title: `Exposures for a variant that no longer exists: ${variant}`,
      explanation: `${count(users)} users were exposed to variant "${variant}", which the experiment no longer has; they are left out.`,
      fix: 'Avoid renaming or removing variants of a running experiment: start a new one instead.',
    }));
  }
  const smallest = Math.min(...input.users);
  if (smallest < MIN_USERS_PER_VARIANT) {
    out.push(warning({
      code: 'too-little-data', severity: 'warning', title: 'Too little data to trust any difference',
      explanation: `The smallest variant has ${count(smallest)} users; below ${MIN_USERS_PER_VARIANT} per variant every estimate swings widely from day to day.`,
      fix: 'Keep the experiment running, raise its allocation, or widen its audience or the date range.',
    }));
  }
  for (const metric of input.metrics) {
    const events = metric.kind === 'ratio' ? 'events' : `"${metric.event}" event`;
    if (!metric.eventSent) {
      out.push(warning({
        code: 'event-never-sent', severity: 'warning', title: `${metric.name}: no app has sent its ${events}`, metricId: metric.id,
        explanation: `${metric.name} counts "${metric.event}"${metric.kind === 'ratio' ? ' per denominator event' : ''}, but no such track event has ever arrived, so it reads 0 for everyone.`,
        fix: `Send "${metric.event}" from the app with POST /sdk/v1/events (names are case-sensitive), or edit the metric to use an event the app already sends.`,
      }));
    } else if (metric.arms.every((arm) => arm.total === 0) && (metric.kind === 'sum' || metric.kind === 'mean') && eventsAfterExposure(input.metrics, metric) > 0) {
      // The events arrived after exposure (another metric, or the mean's denominator, counts them): they carry no value.
      out.push(warning({
        code: 'event-without-value', severity: 'warning', title: `${metric.name}: the "${metric.event}" events carry no value`, metricId: metric.id,
        explanation: `Exposed users sent "${metric.event}" after their first exposure (${count(eventsAfterExposure(input.metrics, metric))} counted on this page), but none of those events had a value, so ${metric.name} reads 0 for everyone.`,
        fix: `Send the amount in the event's "value" field from the app (POST /sdk/v1/events), or measure "${metric.event}" as a conversion or count instead.`,
      }));
    } else if (metric.arms.every((arm) => arm.total === 0)) {
      out.push(warning({
        code: 'event-not-after-exposure', severity: 'info', title: `${metric.name}: nothing yet after exposure`, metricId: metric.id,
        explanation: `Apps send "${metric.event}", but no exposed user has sent it after their first exposure${metric.kind === 'conversion' ? '' : ' (within the filters and window)'} in this range.`,
        fix: 'Wait for users to act, or check the metric\'s property filters and window against what the app sends (Metrics page).',
      }));
    }
    if (metric.role === 'guardrail') {
      for (const arm of metric.arms) {
        if (arm.comparison?.verdict !== 'losing') continue;
        const name = experiment.variants.find((v) => v.key === arm.variant)?.name ?? arm.variant;
        out.push(warning({
          code: 'guardrail-worse', severity: 'error', title: `${name} makes ${metric.name} worse`, metricId: metric.id,
          explanation: `${metric.name} is a guardrail: it must not get worse. With ${name} it changes by ${liftWithInterval(arm.comparison.relative)} against control, where ${metric.direction === 'lower' ? 'lower' : 'higher'} is better.`,
          fix: `Pause the experiment or fix what ${name} changes before promoting it, even if it wins on the primary metric.`,
        }));
      }
    }
  }
  return out;
}

/**
 * Events of `metric`'s event after exposure, as the page counts them elsewhere: a mean's
 * denominator, or the largest total of a conversion or count metric on the same unfiltered event.
 */
function eventsAfterExposure(metrics: MetricResult[], metric: MetricResult): number {
  const own = metric.kind === 'mean' ? metric.arms.reduce((s, arm) => s + (arm.denominator ?? 0), 0) : 0;
  const siblings = metrics
    .filter((m) => m !== metric && m.event === metric.event && (m.kind === 'conversion' || m.kind === 'count'))
    .map((m) => m.arms.reduce((s, arm) => s + arm.total, 0));
  return Math.max(own, ...siblings);
}
