import { sql, type RawBuilder } from 'kysely';
import type { Metric, PropertyFilter } from '../../../shared/contract/metrics';
import type { MetricSums } from '../types';

// The SQL meaning of a metric for one user, shared by the events join (SqlResults.aggregate) and
// the per-user rollups (sql-rollups.ts). Expressions read events as `e` and the user's first
// exposure as `x`; every value from a metric travels as a bind parameter.

/** Every event name the metrics read (numerators and denominators). */
export function metricEvents(metrics: Metric[]): string[] {
  return [...new Set(metrics.flatMap((m) => [m.event, ...(m.denominator ? [m.denominator.event] : [])]))];
}

export function toSums([m, m2, d, d2, md, pre, pre2, mPre]: number[]): MetricSums {
  return { m, m2, d, d2, md, pre, pre2, mPre };
}

/** m, d, p: the metric's per-user quantities after exposure (and m before it, for CUPED). */
export function perUserQuantities(metric: Metric, preDays: number): RawBuilder<unknown>[] {
  const window = metric.windowHours === null ? sql`` : sql`AND e.ts < x.first_seen_at + make_interval(hours => ${metric.windowHours}::int)`;
  const post = sql`e.ts >= x.first_seen_at ${window}`;
  const before = sql`e.ts < x.first_seen_at`;
  const numerator = eventMatches(metric.event, metric.filters);
  const count = (when: RawBuilder<unknown>, what: RawBuilder<unknown>) => sql`count(e.id) FILTER (WHERE ${when} AND ${what})::float8`;
  const total = (when: RawBuilder<unknown>) => sql`coalesce(sum(e.value) FILTER (WHERE ${when} AND ${numerator}), 0)::float8`;
  const zero = sql`0::float8`;
  let m: RawBuilder<unknown>;
  let d: RawBuilder<unknown> = zero;
  let p: RawBuilder<unknown> = zero;
  switch (metric.kind) {
    case 'conversion':
      m = sql`(count(e.id) FILTER (WHERE ${post} AND ${numerator}) > 0)::int::float8`;
      if (preDays > 0) p = sql`(count(e.id) FILTER (WHERE ${before} AND ${numerator}) > 0)::int::float8`;
      break;
    case 'count':
      m = count(post, numerator);
      if (preDays > 0) p = count(before, numerator);
      break;
    case 'sum':
      m = total(post);
      if (preDays > 0) p = total(before);
      break;
    case 'mean':
      m = total(post);
      d = sql`count(e.value) FILTER (WHERE ${post} AND ${numerator})::float8`;
      break;
    case 'ratio': {
      m = metric.numeratorUsesValue ? total(post) : count(post, numerator);
      const denominator = metric.denominator ?? { event: metric.event, filters: [] };
      d = count(post, eventMatches(denominator.event, denominator.filters));
      break;
    }
  }
  return [m, d, p];
}

function eventMatches(event: string, filters: PropertyFilter[]): RawBuilder<unknown> {
  return sql.join([sql`e.event = ${event}::text`, ...filters.map(filterSql)], sql` AND `);
}

/** One property filter as a predicate; same meaning as matchesFilter in src/shared/behaviour/property-filter.ts. */
export function filterSql(filter: PropertyFilter): RawBuilder<unknown> {
  const property = sql`(e.properties -> ${filter.property}::text)`;
  const json = JSON.stringify(filter.value);
  switch (filter.operator) {
    case 'equals':
      return sql`coalesce(${property} = ${json}::jsonb, false)`;
    case 'notEquals':
      return sql`${property} IS DISTINCT FROM ${json}::jsonb`;
    case 'in':
      return sql`coalesce(${json}::jsonb @> jsonb_build_array(${property}), false)`;
    case 'contains':
      return sql`coalesce(strpos(lower(e.properties ->> ${filter.property}::text), lower(${String(filter.value)}::text)) > 0, false)`;
    case 'greaterThan':
    case 'lessThan': {
      const op = filter.operator === 'greaterThan' ? sql`>` : sql`<`;
      // CASE, not AND: SQL does not promise to test the type before casting.
      return sql`CASE WHEN jsonb_typeof(${property}) = 'number' THEN (e.properties ->> ${filter.property}::text)::float8 ${op} ${Number(filter.value)}::float8 ELSE false END`;
    }
  }
}
