import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Metric, PropertyFilter } from '../../../shared/contract/metrics';
import type { MetricSums, ResultsQuery, ResultsRow, ResultsStore } from '../types';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Sufficient statistics of an experiment's metrics in one statement: exposed users (first
 * exposure in range) joined to their track events, reduced to one row per user with each
 * metric's per-user quantities, then summed per variant and bucket. Every value from the request
 * or a metric travels as a bind parameter; only generated column names are spliced in.
 */
export class SqlResults implements ResultsStore {
  constructor(private readonly db: Db) {}

  async dataVersion() {
    // Bumped by statement triggers on events and exposures (migration 6): every replica sees it.
    const result = await sql<{ v: string | number }>`SELECT last_value AS v FROM results_data_version`.execute(this.db);
    return String(result.rows[0]?.v ?? 0);
  }

  async sentEvents(events: string[]) {
    if (events.length === 0) return new Set<string>();
    const result = await sql<{ event: string }>`
      SELECT name AS event FROM unnest(${events}::text[]) AS name
      WHERE EXISTS (SELECT 1 FROM events e WHERE e.event = name AND e.type = 'track')`.execute(this.db);
    return new Set(result.rows.map((row) => row.event));
  }

  async aggregate(query: ResultsQuery): Promise<ResultsRow[]> {
    // Days group as dates (cheap to hash) and become text only in the few output rows.
    const bucket =
      query.groupBy.kind === 'day'
        ? sql`(x.first_seen_at AT TIME ZONE 'UTC')::date`
        : sql`k.attributes ->> ${query.groupBy.attribute}::text`;
    const attributes = query.groupBy.kind === 'day' ? sql`` : sql`LEFT JOIN known_users k ON k.targeting_key = x.targeting_key`;
    const range = sql.join(
      [
        sql`x.experiment_id = ${query.experimentId}`,
        ...(query.from ? [sql`x.first_seen_at >= ${query.from}::timestamptz`] : []),
        ...(query.to ? [sql`x.first_seen_at < ${query.to}::timestamptz`] : []),
      ],
      sql` AND `,
    );
    const exposed = sql`SELECT x.targeting_key, x.variant, x.first_seen_at, ${bucket} AS bucket FROM exposures x ${attributes} WHERE ${range}`;
    const counts = sql`SELECT variant, bucket, count(*) AS users FROM x GROUP BY variant, bucket`;
    type Row = { variant: string; bucket: string | null; users: string | number; sums: (string | number)[] | null };
    const toRow = (row: Row): ResultsRow => ({
      variant: row.variant,
      bucket: row.bucket,
      users: Number(row.users),
      metrics: query.metrics.map((_, k) => (row.sums ? toSums(row.sums.slice(k * 8, k * 8 + 8).map(Number)) : toSums([0, 0, 0, 0, 0, 0, 0, 0]))),
    });

    if (query.metrics.length === 0) {
      const result = await sql<Row>`
        WITH x AS (${exposed}) SELECT variant, bucket::text AS bucket, users, NULL::float8[] AS sums FROM (${counts}) c ORDER BY variant, bucket`.execute(this.db);
      return result.rows.map(toRow);
    }

    const names = [...new Set(query.metrics.flatMap((m) => [m.event, ...(m.denominator ? [m.denominator.event] : [])]))];
    const pre = query.preExposureDays;
    const perUser = query.metrics.flatMap((metric, k) => perUserColumns(metric, k, pre));
    const sums = query.metrics.flatMap((_, k) => {
      const [m, d, p] = [`m${k}`, `d${k}`, `p${k}`].map((c) => sql.ref(`u.${c}`));
      return [sql`sum(${m})`, sql`sum(${m} * ${m})`, sql`sum(${d})`, sql`sum(${d} * ${d})`, sql`sum(${m} * ${d})`, sql`sum(${p})`, sql`sum(${p} * ${p})`, sql`sum(${m} * ${p})`];
    });
    // Users without a matching event add nothing to any sum: only users with events are grouped
    // one by one (an inner join), and every exposed user is counted separately.
    const statement = sql<Row>`
      WITH x AS NOT MATERIALIZED (${exposed}),
      u AS (
        SELECT x.variant, x.bucket, ${sql.join(perUser, sql`, `)}
        FROM x JOIN events e
          ON e.targeting_key = x.targeting_key AND e.type = 'track' AND e.event = ANY(${names}::text[])
          AND e.ts >= x.first_seen_at - make_interval(days => ${pre}::int)
          ${query.to ? sql`AND e.ts < ${query.to}::timestamptz` : sql``}
        GROUP BY x.targeting_key, x.variant, x.bucket
      ),
      s AS (SELECT u.variant, u.bucket, ARRAY[${sql.join(sums, sql`, `)}]::float8[] AS sums FROM u GROUP BY u.variant, u.bucket)
      SELECT c.variant, c.bucket::text AS bucket, c.users, s.sums
      FROM (${counts}) c LEFT JOIN s ON s.variant = c.variant AND s.bucket IS NOT DISTINCT FROM c.bucket
      ORDER BY c.variant, c.bucket`;
    const result = await withWorkMem(this.db, (db) => statement.execute(db));
    return result.rows.map(toRow);
  }
}

/**
 * One user per group means a hash table of every converting user: give it room in memory
 * rather than spilling to disk (the default work_mem is 4 MB), for this statement only.
 */
async function withWorkMem<T>(db: Db, run: (db: Db) => Promise<T>): Promise<T> {
  const body = async (trx: Db) => {
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
    // Compiling this one-off statement costs more than it saves.
    await sql`SET LOCAL jit = off`.execute(trx);
    return run(trx);
  };
  return db.isTransaction ? body(db) : (db as Kysely<Database>).transaction().execute(body);
}

function toSums([m, m2, d, d2, md, pre, pre2, mPre]: number[]): MetricSums {
  return { m, m2, d, d2, md, pre, pre2, mPre };
}

/** m{k}, d{k}, p{k}: the metric's per-user quantities after exposure (and m before it). */
function perUserColumns(metric: Metric, k: number, preDays: number): RawBuilder<unknown>[] {
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
  return [sql`${m} AS ${sql.ref(`m${k}`)}`, sql`${d} AS ${sql.ref(`d${k}`)}`, sql`${p} AS ${sql.ref(`p${k}`)}`];
}

function eventMatches(event: string, filters: PropertyFilter[]): RawBuilder<unknown> {
  return sql.join([sql`e.event = ${event}::text`, ...filters.map(filterSql)], sql` AND `);
}

/** One property filter as a predicate; same meaning as matchesFilter in memory-results.ts. */
function filterSql(filter: PropertyFilter): RawBuilder<unknown> {
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
