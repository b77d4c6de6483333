import type { z } from 'zod';
import type { Experiment } from '../../../shared/contract/experiments';
import type { ExperimentResults, resultsQuerySchema } from '../../../shared/contract/results';
import { armMean, armVariance, checkSrm, estimateRunTime, PLANNED_MDE, roundedInputs, SRM_P_THRESHOLD, type Baseline } from '../../../shared/stats';
import { notFound } from '../../lib/errors';
import type { Services } from '../../services';
import { CUPED_DAYS, type ResultsRow } from '../../store/types';
import { analyseMetrics, armResults, armsOf, type RoledMetric } from './results-analysis';
import { experimentMetrics } from './result-rollups';
import { resultsCacheOf } from './results-cache';
import { healthWarnings } from './results-health';
import { headline, type RunTimeView } from './results-headline';
import { armStats } from './metric-stats';

type Query = z.output<typeof resultsQuerySchema>;

/** Breakdown values shown one by one; the rest are summed into "(other)". */
const MAX_SEGMENTS = 10;
const DAY_MS = 86_400_000;

interface Aggregates {
  days: ResultsRow[];
  breakdown: ResultsRow[] | null;
  sentEvents: Set<string>;
  everExposed: number;
}

/** A day means the whole UTC day: `from` at its start, `to` up to the next day's start. */
function resolveRange(query: Query, experiment: Experiment): { from: string | null; to: string | null } {
  const day = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
  const asked = query.from ? (day(query.from) ? `${query.from}T00:00:00.000Z` : new Date(query.from).toISOString()) : null;
  // Nothing before the start is part of the test (back-dated simulator or clock-skewed app exposures).
  const started = experiment.startedAt;
  const from = started && (!asked || asked < started) ? started : asked;
  let to = query.to ? (day(query.to) ? new Date(Date.parse(`${query.to}T00:00:00.000Z`) + DAY_MS).toISOString() : new Date(query.to).toISOString()) : null;
  // A finished experiment's results stop at its end: later events are not part of the test.
  if (!query.to && experiment.endedAt) to = experiment.endedAt;
  return { from, to };
}

export async function experimentResults(services: Services, experimentId: string, query: Query): Promise<ExperimentResults> {
  const store = services.store;
  const experiment = await store.experiments.getById(experimentId);
  if (!experiment) throw notFound('No such experiment');
  const { ids, found } = await experimentMetrics(store, experiment);
  const roleOf = (id: string): RoledMetric['role'] =>
    id === experiment.metrics.primary ? 'primary' : experiment.metrics.secondary.includes(id) ? 'secondary' : 'guardrail';
  const metrics: RoledMetric[] = found.map((metric) => ({ metric, role: roleOf(metric.id) }));
  const range = resolveRange(query, experiment);
  const cuped = query.cuped === 'on';
  const breakdown = query.breakdown ?? null;
  const options = { engine: query.engine, correction: query.correction, cuped };

  const version = await store.results.dataVersion();
  const key = JSON.stringify([experiment.id, version, experiment.version, found.map((m) => [m.id, m.version]), range, breakdown, cuped]);
  const data = await resultsCacheOf<Aggregates>(services).get(key, async () => {
    // Without a chosen end date the range ends where the experiment did: its rollups answer.
    const base = { experimentId: experiment.id, ...range, metrics: found, preExposureDays: cuped ? CUPED_DAYS : 0, useRollups: !query.to };
    const events = found.flatMap((m) => [m.event, ...(m.kind === 'ratio' && m.denominator ? [m.denominator.event] : [])]);
    const [days, byAttribute, sentEvents] = await Promise.all([
      store.results.aggregate({ ...base, groupBy: { kind: 'day' } }),
      breakdown ? store.results.aggregate({ ...base, groupBy: { kind: 'attribute', attribute: breakdown } }) : Promise.resolve(null),
      store.results.sentEvents([...new Set(events)]),
    ]);
    const everExposed = days.length > 0 ? 0 : (await store.exposures.counts(experiment.id)).reduce((s, c) => s + c.users, 0);
    return { days, breakdown: byAttribute, sentEvents, everExposed };
  });

  const variantKeys = experiment.variants.map((v) => v.key);
  const known = new Set(variantKeys);
  const users = variantKeys.map((v) => data.days.filter((r) => r.variant === v).reduce((s, r) => s + r.users, 0));
  const unknown = new Map<string, number>();
  for (const row of data.days) if (!known.has(row.variant)) unknown.set(row.variant, (unknown.get(row.variant) ?? 0) + row.users);
  const srmPValue = checkSrm(users, experiment.variants.map((v) => v.weight));
  const metricResults = analyseMetrics(metrics, data.days, experiment, data.sentEvents, options);
  const health = healthWarnings({
    experiment,
    missingMetricIds: ids.filter((id) => !found.some((m) => m.id === id)),
    metrics: metricResults,
    users,
    srmPValue,
    srmMismatch: srmPValue < SRM_P_THRESHOLD,
    everExposed: data.everExposed,
    rangeLabel: rangeLabel(range),
    unknownVariants: [...unknown].map(([variant, n]) => ({ variant, users: n })),
  });
  const decision = metrics.find((m) => m.role === 'primary') ?? metrics[0];
  const estimate = decision ? estimateFromTraffic(decision, metrics.indexOf(decision), data.days, experiment) : null;

  return {
    experiment: { id: experiment.id, key: experiment.key, name: experiment.name, status: experiment.status, startedAt: experiment.startedAt, endedAt: experiment.endedAt },
    computedAt: services.clock.now().toISOString(),
    query: { ...range, engine: query.engine, correction: query.correction, breakdown, cuped },
    variants: experiment.variants.map((v, i) => ({ key: v.key, name: v.name, weight: v.weight, users: users[i] })),
    exposures: data.days.filter((r) => known.has(r.variant)).map((r) => ({ day: r.bucket ?? '', variant: r.variant, users: r.users })),
    srm: { pValue: srmPValue, mismatch: srmPValue < SRM_P_THRESHOLD },
    headline: headline({ experiment, metrics: metricResults, health, engine: query.engine, estimate }),
    health,
    metrics: metricResults,
    breakdown: breakdown && data.breakdown ? { attribute: breakdown, segments: segmentsOf(data.breakdown, metrics, variantKeys, options) } : null,
  };
}

function rangeLabel({ from, to }: { from: string | null; to: string | null }): string {
  const day = (iso: string) => iso.slice(0, 10);
  if (from && to) return `between ${day(from)} and ${day(new Date(Date.parse(to) - 1).toISOString())}`;
  if (from) return `since ${day(from)}`;
  if (to) return `before ${day(to)}`;
  return 'in this range';
}

/** How long until the decision metric could show a PLANNED_MDE change, at the daily traffic seen so far (the editor's estimate, with real inputs). */
function estimateFromTraffic(decision: RoledMetric, k: number, rows: ResultsRow[], experiment: Experiment): RunTimeView | null {
  const variants = experiment.variants.map((v) => v.key);
  const control = armsOf(rows, variants, k).get(variants[0])!;
  const total = rows.filter((r) => variants.includes(r.variant)).reduce((s, r) => s + r.users, 0);
  const days = [...new Set(rows.map((r) => r.bucket ?? ''))].sort();
  if (total === 0 || days.length === 0 || control.users < 2) return null;
  const span = (Date.parse(days[days.length - 1]) - Date.parse(days[0])) / DAY_MS + 1;
  const stats = armStats(decision.metric, control, false);
  const mean = armMean(stats);
  const observed: Baseline = stats.kind === 'proportion' ? { kind: 'proportion', rate: mean } : { kind: 'mean', mean, variance: armVariance(stats) };
  const { baseline, enteringPerDay } = roundedInputs(observed, total / span);
  const estimate = estimateRunTime({ baseline, mde: PLANNED_MDE, arms: variants.length, enteringPerDay, usersSoFar: total });
  if (!estimate.ok) return null; // a baseline of 0 (or 100%) cannot plan a relative change
  return {
    metricName: decision.metric.name,
    baseline: baseline.kind === 'proportion' ? { kind: 'proportion', value: baseline.rate } : { kind: 'mean', value: baseline.mean },
    mde: PLANNED_MDE,
    arms: variants.length,
    enteringPerDay,
    usersSoFar: total,
    perArm: estimate.perArm,
    totalDays: estimate.totalDays,
    remainingDays: estimate.remainingDays,
  };
}

function segmentsOf(rows: ResultsRow[], metrics: RoledMetric[], variants: string[], options: Parameters<typeof armResults>[3]) {
  const groups = new Map<string | null, ResultsRow[]>();
  for (const row of rows) groups.set(row.bucket, [...(groups.get(row.bucket) ?? []), row]);
  const sized = [...groups].map(([value, group]) => ({ value, group, users: group.reduce((s, r) => s + r.users, 0) })).sort((a, b) => b.users - a.users);
  const shown = sized.slice(0, MAX_SEGMENTS).map((s) => ({ ...s, label: s.value ?? '(not set)' }));
  const rest = sized.slice(MAX_SEGMENTS);
  if (rest.length > 0) shown.push({ value: null, label: '(other)', group: rest.flatMap((s) => s.group), users: rest.reduce((s, r) => s + r.users, 0) });
  return shown.map(({ value, label, group, users }) => ({
    value,
    label,
    users,
    metrics: metrics.map(({ metric }, k) => ({ metricId: metric.id, arms: armResults(metric, armsOf(group, variants, k), variants, options) })),
  }));
}
