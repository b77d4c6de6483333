import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Metric, PropertyFilter } from '../../../shared/contract/metrics';
import { CUPED_DAYS, type MetricSums, type ResultsQuery, type ResultsRow, type ResultsStore, type RollupSpec } from '../types';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

// Any fixed numbers. Every event or exposure write holds INGEST_LOCK_ID shared until it commits
// (see withIngestLock); a rollup refresh takes it exclusively for an instant to read ingest_seq,
// so every seq up to the value it reads belongs to a committed (or rolled back) write.
const INGEST_LOCK_ID = 720_415_002;
// With hashtext(experiment id): one refresh of an experiment's rollups at a time.
const ROLLUP_LOCK_ID = 720_415_003;

/** One output row: every metric's eight sums in one array, in the order of the query's metrics. */
type Row = { variant: string; bucket: string | null; users: string | number; sums: (string | number)[] | null };

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

    if (query.useRollups && (query.preExposureDays === 0 || query.preExposureDays === CUPED_DAYS)) {
      const spec = { experimentId: query.experimentId, metrics: query.metrics, to: query.to };
      // Refresh and read in one transaction: the experiment's rollup lock keeps another refresh
      // (say, for an edited metric) from changing them in between.
      const high = await this.highWaterMark();
      const dayBucket = query.groupBy.kind === 'day' ? sql`x.day` : bucket;
      return inTransaction(this.db, async (trx) => {
        await this.refreshIn(trx, spec, high);
        const result = await fromRollups(query, dayBucket, attributes).execute(trx);
        return rollupRows(result.rows, query);
      });
    }

    const names = metricEvents(query.metrics);
    const pre = query.preExposureDays;
    const perUser = query.metrics.flatMap((metric, k) => perUserQuantities(metric, pre).map((q, i) => sql`${q} AS ${sql.ref(`${'mdp'[i]}${k}`)}`));
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

  async refreshRollups(spec: RollupSpec) {
    const high = await this.highWaterMark();
    return inTransaction(this.db, (trx) => this.refreshIn(trx, spec, high));
  }

  /** The last ingest_seq handed out, once every write that drew one has finished. */
  private async highWaterMark(): Promise<number> {
    return inTransaction(this.db, async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${INGEST_LOCK_ID}::bigint)`.execute(trx);
      const result = await sql<{ seq: string | number }>`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS seq FROM ingest_seq`.execute(trx);
      return Number(result.rows[0].seq);
    });
  }

  /**
   * Recomputes the rollups of every exposed user with an event or exposure change after the
   * watermark (of all users when the spec changed): a row per user (metric -1) and a row per
   * metric with the user's m, d and p (see perUserQuantities) unless all three are zero; the
   * same quantities aggregate() derives from the events.
   */
  private async refreshIn(trx: Transaction<Database>, spec: RollupSpec, high: number) {
    const id = spec.experimentId;
    await sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK_ID}::int, hashtext(${id}::text))`.execute(trx);
    const generation = JSON.stringify([spec.metrics.map((m) => [m.id, m.version]), CUPED_DAYS, spec.to]);
    const state = await sql<{ generation: string; seq: string | number }>`
      SELECT generation, seq FROM result_rollup_state WHERE experiment_id = ${id}`.execute(trx);
    const rebuilt = state.rows[0]?.generation !== generation;
    const since = rebuilt ? 0 : Number(state.rows[0].seq);
    if (!rebuilt && since >= high) return { users: 0, rebuilt };

    await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
    await sql`SET LOCAL jit = off`.execute(trx);
    const names = metricEvents(spec.metrics);
    let users: RawBuilder<unknown>;
    if (rebuilt) {
      await sql`DELETE FROM result_rollups WHERE experiment_id = ${id}`.execute(trx);
      users = sql``;
    } else {
      // A table, analysed, so the planner sees a few users and reaches their events by index.
      await sql`CREATE TEMP TABLE rollup_touched ON COMMIT DROP AS
        SELECT e.targeting_key FROM events e WHERE e.seq > ${since} AND e.type = 'track' AND e.event = ANY(${names}::text[])
        UNION SELECT c.targeting_key FROM exposures c WHERE c.experiment_id = ${id} AND c.seq > ${since}`.execute(trx);
      await sql`ANALYZE rollup_touched`.execute(trx);
      await sql`DELETE FROM result_rollups WHERE experiment_id = ${id} AND targeting_key IN (SELECT targeting_key FROM rollup_touched)`.execute(trx);
      users = sql`AND x.targeting_key IN (SELECT targeting_key FROM rollup_touched)`;
    }
    const columns = spec.metrics.flatMap((metric, k) => perUserQuantities(metric, CUPED_DAYS).map((q, i) => sql`${q} AS ${sql.ref(`${'mdp'[i]}${k}`)}`));
    const rows = [sql`(-1, 0::float8, 0::float8, 0::float8)`, ...spec.metrics.map((_, k) => sql`(${sql.lit(k)}, ${sql.join(['m', 'd', 'p'].map((q) => sql.ref(`u.${q}${k}`)))})`)];
    const result = await sql<{ users: string | number }>`
      WITH x AS (SELECT x.targeting_key, x.variant, x.first_seen_at FROM exposures x WHERE x.experiment_id = ${id} ${users}),
      u AS (
        SELECT x.targeting_key, x.variant, x.first_seen_at ${columns.length > 0 ? sql`, ${sql.join(columns, sql`, `)}` : sql``}
        FROM x LEFT JOIN events e
          ON e.targeting_key = x.targeting_key AND e.type = 'track' AND e.event = ANY(${names}::text[])
          AND e.ts >= x.first_seen_at - make_interval(days => ${CUPED_DAYS}::int)
          ${spec.to ? sql`AND e.ts < ${spec.to}::timestamptz` : sql``}
        GROUP BY x.targeting_key, x.variant, x.first_seen_at
      ),
      inserted AS (
        INSERT INTO result_rollups (experiment_id, targeting_key, metric, variant, first_seen_at, day, m, d, p)
        SELECT ${id}, u.targeting_key, v.metric, u.variant, u.first_seen_at, (u.first_seen_at AT TIME ZONE 'UTC')::date, v.m, v.d, v.p
        FROM u CROSS JOIN LATERAL (VALUES ${sql.join(rows, sql`, `)}) AS v(metric, m, d, p)
        WHERE v.metric = -1 OR v.m <> 0 OR v.d <> 0 OR v.p <> 0
        RETURNING metric
      )
      SELECT count(*) AS users FROM inserted WHERE metric = -1`.execute(trx);
    await sql`
      INSERT INTO result_rollup_state (experiment_id, generation, seq, refreshed_at) VALUES (${id}, ${generation}, ${high}, now())
      ON CONFLICT (experiment_id) DO UPDATE SET generation = excluded.generation, seq = excluded.seq, refreshed_at = excluded.refreshed_at`.execute(trx);
    return { users: Number(result.rows[0].users), rebuilt };
  }
}

/** Runs fn in the caller's transaction, or in a new one. */
function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : (db as Kysely<Database>).transaction().execute(fn);
}

/**
 * Runs an event or exposure write holding the ingest lock shared, so a rollup refresh never
 * reads a high-water mark past a write that has not committed yet (its rows would be skipped).
 */
export async function withIngestLock<T>(db: Db, write: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return inTransaction(db, async (trx) => {
    await sql`SELECT pg_advisory_xact_lock_shared(${INGEST_LOCK_ID}::bigint)`.execute(trx);
    return write(trx);
  });
}

function metricEvents(metrics: Metric[]): string[] {
  return [...new Set(metrics.flatMap((m) => [m.event, ...(m.denominator ? [m.denominator.event] : [])]))];
}

/** Users and the eight sums per metric, variant and bucket, from the per-user rollups. */
function fromRollups(query: ResultsQuery, bucket: RawBuilder<unknown>, attributes: RawBuilder<unknown>) {
  const range = [
    sql`x.experiment_id = ${query.experimentId}`,
    ...(query.from ? [sql`x.first_seen_at >= ${query.from}::timestamptz`] : []),
    ...(query.to ? [sql`x.first_seen_at < ${query.to}::timestamptz`] : []),
  ];
  type RollupRow = { metric: number; variant: string; bucket: string | null; users: string | number; sums: (string | number)[] };
  return sql<RollupRow>`
    SELECT x.metric, x.variant, (${bucket})::text AS bucket, count(*) AS users,
      ARRAY[sum(x.m), sum(x.m * x.m), sum(x.d), sum(x.d * x.d), sum(x.m * x.d), sum(x.p), sum(x.p * x.p), sum(x.m * x.p)]::float8[] AS sums
    FROM result_rollups x ${attributes}
    WHERE ${sql.join(range, sql` AND `)}
    GROUP BY 1, 2, 3
    ORDER BY 2, 3`;
}

/** Folds the per-metric rollup rows into aggregate()'s rows: users from metric -1. */
function rollupRows(rows: { metric: number; variant: string; bucket: string | null; users: string | number; sums: (string | number)[] }[], query: ResultsQuery): ResultsRow[] {
  const out = new Map<string, ResultsRow>();
  const zero = () => toSums([0, 0, 0, 0, 0, 0, 0, 0]);
  const rowOf = (variant: string, bucket: string | null) => {
    const key = JSON.stringify([variant, bucket]);
    let row = out.get(key);
    if (!row) out.set(key, (row = { variant, bucket, users: 0, metrics: query.metrics.map(zero) }));
    return row;
  };
  for (const row of rows) {
    const target = rowOf(row.variant, row.bucket);
    if (row.metric < 0) target.users = Number(row.users);
    else if (row.metric < query.metrics.length) {
      const sums = toSums(row.sums.map(Number));
      target.metrics[row.metric] = query.preExposureDays > 0 ? sums : { ...sums, pre: 0, pre2: 0, mPre: 0 };
    }
  }
  return [...out.values()];
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

/** m, d, p: the metric's per-user quantities after exposure (and m before it, for CUPED). */
function perUserQuantities(metric: Metric, preDays: number): RawBuilder<unknown>[] {
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
