import type { Experiment } from '../../shared/contract/experiments';
import type { Metric, PropertyFilter } from '../../shared/contract/metrics';
import { chooseVariation, getBucketRanges, hash } from '../../shared/targeting';
import { SimulationClient, SimulationError } from './simulate-client';
import { DEFAULT_RATE, type SimulationOptions } from './simulate-options';
import { planUser, simulatedUser, userRandom, type EventBehaviour, type PlannedEvent } from './traffic-model';

export interface SimulationProgress {
  usersDone: number;
  users: number;
  eventsSent: number;
  eventsPerSecond: number;
}

export interface SimulationSummary {
  users: number;
  /** Users the server placed in each variant (reason SPLIT). */
  enrolled: Record<string, number>;
  /** Users the server left out (audience, allocation, layer) or forced (test users). */
  notEnrolled: number;
  /** Users dropped by --skew before any request, per predicted variant. */
  dropped: Record<string, number>;
  eventsSent: number;
  accepted: number;
  duplicates: number;
  events: string[];
  seconds: number;
}

/** What to send for a metric event so it passes the metric's filters (purchase where category is shoes). */
function matchingProperties(filters: readonly PropertyFilter[]): Record<string, string | number | boolean> {
  const properties: Record<string, string | number | boolean> = {};
  for (const f of filters) {
    const value = Array.isArray(f.value) ? f.value[0] : f.value;
    if (f.operator === 'equals' || f.operator === 'in' || f.operator === 'contains') properties[f.property] = value;
    else if (f.operator === 'notEquals') properties[f.property] = `not-${String(value)}`;
    else if (f.operator === 'greaterThan') properties[f.property] = Number(value) + 1;
    else if (f.operator === 'lessThan') properties[f.property] = Number(value) - 1;
  }
  return properties;
}

/** The experiment's metrics' events, with the properties their filters look for. */
function metricEvents(experiment: Experiment, metrics: Metric[]): Map<string, Record<string, string | number | boolean>> {
  const ids = new Set([experiment.metrics.primary, ...experiment.metrics.secondary, ...experiment.metrics.guardrails].filter(Boolean));
  const events = new Map<string, Record<string, string | number | boolean>>();
  for (const metric of metrics.filter((m) => ids.has(m.id))) {
    events.set(metric.event, { ...events.get(metric.event), ...matchingProperties(metric.filters) });
    if (metric.denominator) events.set(metric.denominator.event, { ...events.get(metric.denominator.event), ...matchingProperties(metric.denominator.filters) });
  }
  return events;
}

/**
 * Sends realistic traffic for one experiment through the real endpoints: each simulated user is
 * evaluated through OFREP (the server assigns the variant), then their back-dated exposure and
 * metric events go to /sdk/v1/events in batches, over the last `days` before `end` or, when the
 * experiment (read with a token) started later, from its start. Returns what the server did.
 */
export async function runSimulation(options: SimulationOptions, onProgress?: (progress: SimulationProgress) => void): Promise<SimulationSummary> {
  const client = new SimulationClient(options.url, { sdkKey: options.sdkKey, token: options.token }, options.fetch);
  const experiment = options.token ? await client.experiment(options.experiment) : null;
  const properties = experiment && !options.events ? metricEvents(experiment, await client.metrics()) : new Map((options.events ?? []).map((e) => [e, {}]));
  if (properties.size === 0) throw new SimulationError(experiment ? `Experiment "${options.experiment}" has no metrics yet: give --events` : 'Give --events (or --token to read the experiment\'s metrics)');
  if (experiment) {
    const variants = new Set(experiment.variants.map((v) => v.key));
    for (const [flag, map] of [['rates', options.rates], ['values', options.values], ['skew', options.skew]] as const) {
      for (const key of map.keys()) {
        const variant = key.split(':').pop()!;
        if (!variants.has(variant)) throw new SimulationError(`--${flag}: "${options.experiment}" has no variant "${variant}" (its variants: ${[...variants].join(', ')})`);
      }
    }
  } else if (options.skew.size > 0) {
    throw new SimulationError('--skew needs --token: it reads the experiment to drop a share of one variant\'s users');
  }
  if (!options.sdkKey) {
    if (!options.token) throw new SimulationError('Give an SDK key (--sdk-key or SWITCHBOARD_SDK_KEY), or an admin --token to create one');
    await client.createSdkKey();
  }

  const behaviourCache = new Map<string, Map<string, EventBehaviour>>();
  const behaviourOf = (variant: string) => {
    let behaviour = behaviourCache.get(variant);
    if (!behaviour) {
      behaviour = new Map([...properties.keys()].map((event) => [event, {
        rate: options.rates.get(`${event}:${variant}`) ?? options.rates.get(variant) ?? DEFAULT_RATE,
        value: options.values.get(`${event}:${variant}`) ?? options.values.get(variant) ?? null,
      }]));
      behaviourCache.set(variant, behaviour);
    }
    return behaviour;
  };
  // --skew predicts the variant with the experiment's own hash, so a dropped user is never evaluated
  // (evaluating records an exposure): their variant then loses that share of its users, an SRM.
  const ranges = experiment ? getBucketRanges(experiment.variants.length, experiment.allocation / 100, experiment.variants.map((v) => v.weight / 100)) : [];
  const predictedVariant = (targetingKey: string) => {
    const n = experiment ? hash(experiment.seed, targetingKey, 2) : null;
    const index = n === null ? -1 : chooseVariation(n, ranges);
    return index < 0 ? null : experiment!.variants[index].key;
  };

  const summary: SimulationSummary = { users: options.users, enrolled: {}, notEnrolled: 0, dropped: {}, eventsSent: 0, accepted: 0, duplicates: 0, events: [...properties.keys()], seconds: 0 };
  const started = Date.now();
  const end = options.end ?? started;
  // With --token the period begins no earlier than the experiment: no event predates it.
  const experimentStart = experiment?.startedAt ? Date.parse(experiment.startedAt) : undefined;
  if (experimentStart !== undefined && experimentStart >= end) throw new SimulationError(`"${options.experiment}" started after the simulated period ends (${new Date(end).toISOString()})`);
  let next = 0;
  let usersDone = 0;
  let lastReport = 0;
  let buffer: PlannedEvent[] = [];
  const report = (force = false) => {
    if (!onProgress || (!force && Date.now() - lastReport < 500)) return;
    lastReport = Date.now();
    onProgress({ usersDone, users: options.users, eventsSent: summary.eventsSent, eventsPerSecond: summary.eventsSent / Math.max(0.001, (Date.now() - started) / 1000) });
  };
  const send = async (events: PlannedEvent[]) => {
    const result = await client.send(events);
    summary.eventsSent += events.length;
    summary.accepted += result.accepted;
    summary.duplicates += result.duplicates;
    report();
  };

  const worker = async () => {
    while (next < options.users) {
      const user = simulatedUser(options.seed, next++);
      const predicted = options.skew.size > 0 ? predictedVariant(user.targetingKey) : null;
      if (predicted !== null && userRandom(options.seed, user.index, 'skew')() < (options.skew.get(predicted) ?? 0)) {
        summary.dropped[predicted] = (summary.dropped[predicted] ?? 0) + 1;
      } else {
        const placement = await client.evaluate(user, options.experiment);
        if (placement.variant === null) summary.notEnrolled++;
        else {
          summary.enrolled[placement.variant] = (summary.enrolled[placement.variant] ?? 0) + 1;
          buffer.push(...planUser({ seed: options.seed, experimentKey: options.experiment, user, variant: placement.variant, end, start: experimentStart, days: options.days, behaviour: behaviourOf(placement.variant), properties }));
        }
      }
      usersDone++;
      while (buffer.length >= options.batchSize) await send(buffer.splice(0, options.batchSize));
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.users) }, worker));
  while (buffer.length > 0) await send(buffer.splice(0, options.batchSize));
  buffer = [];
  summary.seconds = (Date.now() - started) / 1000;
  report(true);
  return summary;
}
