import { knownUserKey } from './memory-audiences';
import type { Metric } from '../../../shared/contract/metrics';
import { matchesFilter } from '../../../shared/behaviour/property-filter';
import type { MetricSums, ResultsQuery, ResultsRow, ResultsStore, StoredEvent } from '../types';
import type { MemoryState } from './memory-store';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The same sufficient statistics as SqlResults, computed in JS (tests and the browser mock).
 * results-store.test.ts proves both give the same sums on the same data.
 */
export class MemoryResults implements ResultsStore {
  constructor(private readonly state: () => MemoryState) {}

  async dataVersion() {
    // No trigger to bump a counter here: a fingerprint of what results read does the same job.
    let exposures = 0;
    for (const users of this.state().exposures.values()) exposures += users.size;
    return `${this.state().events.size}:${exposures}`;
  }

  /** aggregate() here reads the events directly, however useRollups is set: nothing to keep. */
  async refreshRollups() {
    return { users: 0, rebuilt: false };
  }

  async sentEvents(events: string[]) {
    const wanted = new Set(events);
    const sent = new Set<string>();
    for (const e of this.state().events.values()) if (e.type === 'track' && wanted.has(e.event)) sent.add(e.event);
    return sent;
  }

  async aggregate(query: ResultsQuery): Promise<ResultsRow[]> {
    const from = query.from === null ? -Infinity : Date.parse(query.from);
    const to = query.to === null ? Infinity : Date.parse(query.to);
    const names = new Set(query.metrics.flatMap((m) => [m.event, ...(m.denominator ? [m.denominator.event] : [])]));
    const byUser = new Map<string, { at: number; e: StoredEvent }[]>();
    // Only events sent with keys of the experiment's environment.
    const environmentId = this.state().experiments.get(query.experimentId)?.environmentId ?? 'production';
    if (query.metrics.length > 0) {
      for (const e of this.state().events.values()) {
        if (e.type !== 'track' || !names.has(e.event) || (e.environmentId ?? 'production') !== environmentId) continue;
        const at = Date.parse(e.timestamp);
        if (at >= to) continue;
        let list = byUser.get(e.targetingKey);
        if (!list) byUser.set(e.targetingKey, (list = []));
        list.push({ at, e });
      }
    }
    const rows = new Map<string, ResultsRow>();
    for (const exposure of this.state().exposures.get(query.experimentId)?.values() ?? []) {
      const first = Date.parse(exposure.firstSeenAt);
      if (first < from || first >= to) continue;
      const bucket = this.bucketOf(query, exposure.targetingKey, first);
      const id = `${exposure.variant}\u0000${bucket}`;
      let row = rows.get(id);
      if (!row) rows.set(id, (row = { variant: exposure.variant, bucket, users: 0, metrics: query.metrics.map(emptySums) }));
      row.users++;
      const events = (byUser.get(exposure.targetingKey) ?? []).filter(({ at }) => at >= first - query.preExposureDays * DAY);
      query.metrics.forEach((metric, k) => addUser(row.metrics[k], perUser(metric, events, first, query.preExposureDays > 0)));
    }
    return [...rows.values()].sort((a, b) => cmp(a.variant, b.variant) || cmp(a.bucket ?? '\uffff', b.bucket ?? '\uffff'));
  }

  private bucketOf(query: ResultsQuery, targetingKey: string, first: number): string | null {
    if (query.groupBy.kind === 'day') return new Date(first).toISOString().slice(0, 10);
    // The attributes the experiment's environment knows the user by.
    const environmentId = this.state().experiments.get(query.experimentId)?.environmentId ?? '';
    const value = this.state().knownUsers.get(knownUserKey(environmentId, targetingKey))?.attributes[query.groupBy.attribute];
    if (value === undefined || value === null) return null;
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

// Byte order, as the SQL ORDER BY under the C collation; only the order of rows differs otherwise.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const emptySums = (): MetricSums => ({ m: 0, m2: 0, d: 0, d2: 0, md: 0, pre: 0, pre2: 0, mPre: 0 });

function addUser(sums: MetricSums, { m, d, p }: { m: number; d: number; p: number }) {
  sums.m += m;
  sums.m2 += m * m;
  sums.d += d;
  sums.d2 += d * d;
  sums.md += m * d;
  sums.pre += p;
  sums.pre2 += p * p;
  sums.mPre += m * p;
}

/** One user's metric: m after exposure (in the window), d a ratio's denominator, p m before exposure. */
function perUser(metric: Metric, events: { at: number; e: StoredEvent }[], first: number, withPre: boolean) {
  const windowEnd = metric.windowHours === null ? Infinity : first + metric.windowHours * HOUR;
  const post = { count: 0, value: 0, withValue: 0, denominator: 0 };
  const pre = { count: 0, value: 0 };
  const denominator = metric.kind === 'ratio' ? (metric.denominator ?? { event: metric.event, filters: [] }) : null;
  for (const { at, e } of events) {
    const isPost = at >= first && at < windowEnd;
    const isPre = at < first;
    if (!isPost && !isPre) continue;
    if (e.event === metric.event && metric.filters.every((f) => matchesFilter(e.properties, f))) {
      const target = isPost ? post : pre;
      target.count++;
      if (e.value !== null) {
        target.value += e.value;
        if (isPost) post.withValue++;
      }
    }
    if (isPost && denominator && e.event === denominator.event && denominator.filters.every((f) => matchesFilter(e.properties, f))) post.denominator++;
  }
  switch (metric.kind) {
    case 'conversion':
      return { m: post.count > 0 ? 1 : 0, d: 0, p: withPre && pre.count > 0 ? 1 : 0 };
    case 'count':
      return { m: post.count, d: 0, p: withPre ? pre.count : 0 };
    case 'sum':
      return { m: post.value, d: 0, p: withPre ? pre.value : 0 };
    case 'mean':
      return { m: post.value, d: post.withValue, p: 0 };
    case 'ratio':
      return { m: metric.numeratorUsesValue ? post.value : post.count, d: post.denominator, p: 0 };
  }
}
