import { sql, type Kysely, type Transaction } from 'kysely';
import { CUPED_DAYS, type ResultsQuery, type ResultsRow, type ResultsStore, type RollupSpec } from '../types';
import type { Database } from './schema';
import { metricEvents, perUserQuantities, toSums } from './sql-metric-quantities';
import { highWaterMark, inTransaction, readRollups, refreshRollupsIn, tuneForPerUserGroups } from './sql-rollups';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Sufficient statistics of an experiment's metrics in one statement: exposed users (first
 * exposure in range) joined to their track events, reduced to one row per user with each
 * metric's per-user quantities, then summed per variant and bucket. With useRollups the same
 * per-user quantities come from the rollups kept in sql-rollups.ts instead. Every value from the
 * request or a metric travels as a bind parameter; only generated column names are spliced in.
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
    const attributes = query.groupBy.kind === 'day' ? sql`` : sql`LEFT JOIN known_users k ON k.targeting_key = x.targeting_key
          AND k.environment_id = (SELECT doc->>'environmentId' FROM experiments WHERE id = ${query.experimentId})`;
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

    if (query.useRollups && (query.preExposureDays === 0 || query.preExposureDays === CUPED_DAYS)) {
      const spec = { experimentId: query.experimentId, metrics: query.metrics, to: query.to };
      const high = await highWaterMark(this.db);
      // Refresh and read in one transaction: the experiment's rollup lock keeps another refresh
      // (say, for an edited metric) from changing them in between.
      return inTransaction(this.db, async (trx) => {
        await refreshRollupsIn(trx, spec, high);
        return readRollups(trx, query, query.groupBy.kind === 'day' ? sql`x.day` : bucket, attributes);
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
          AND e.environment_id = (SELECT doc->>'environmentId' FROM experiments WHERE id = ${query.experimentId})
          AND e.ts >= x.first_seen_at - make_interval(days => ${pre}::int)
          ${query.to ? sql`AND e.ts < ${query.to}::timestamptz` : sql``}
        GROUP BY x.targeting_key, x.variant, x.bucket
      ),
      s AS (SELECT u.variant, u.bucket, ARRAY[${sql.join(sums, sql`, `)}]::float8[] AS sums FROM u GROUP BY u.variant, u.bucket)
      SELECT c.variant, c.bucket::text AS bucket, c.users, s.sums
      FROM (${counts}) c LEFT JOIN s ON s.variant = c.variant AND s.bucket IS NOT DISTINCT FROM c.bucket
      ORDER BY c.variant, c.bucket`;
    const result = await inTransaction(this.db, async (trx) => {
      await tuneForPerUserGroups(trx);
      return statement.execute(trx);
    });
    return result.rows.map(toRow);
  }

  async refreshRollups(spec: RollupSpec) {
    const high = await highWaterMark(this.db);
    return inTransaction(this.db, (trx) => refreshRollupsIn(trx, spec, high));
  }
}


