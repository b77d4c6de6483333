import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { CUPED_DAYS, type ResultsQuery, type ResultsRow, type RollupSpec } from '../types';
import type { Database } from './schema';
import { metricEvents, perUserQuantities, toSums } from './sql-metric-quantities';
import { inTransaction } from './sql-util';

// Per-user rollups of an experiment's metrics (migration 7): a row per exposed user (metric -1)
// and a row per metric holding the user's m, d and p (see perUserQuantities) unless all three
// are zero. Results then sum a few rows per user instead of joining every event.
//
// Every event and every exposure change draws a number from ingest_seq. A refresh recomputes
// the users touched since its watermark, from all of their events, so the rollups equal what
// the events join gives; a change of the metrics rebuilds them; a new cutoff (the experiment
// ended) recomputes the users with events after it.

type Db = Kysely<Database> | Transaction<Database>;

// Any fixed numbers. Every event or exposure write holds INGEST_LOCK_ID shared until it commits
// (withIngestLock); a refresh takes it exclusively for an instant to read ingest_seq, so every
// number up to the one it reads belongs to a write that has committed (or rolled back).
export const INGEST_LOCK_ID = 720_415_002;
// With hashtext(experiment id): one refresh of an experiment's rollups at a time.
const ROLLUP_LOCK_ID = 720_415_003;

export { inTransaction };

/** Runs an event or exposure write so that no refresh reads a watermark past it before it commits. */
export async function withIngestLock<T>(db: Db, write: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return inTransaction(db, async (trx) => {
    await sql`SELECT pg_advisory_xact_lock_shared(${INGEST_LOCK_ID}::bigint)`.execute(trx);
    return write(trx);
  });
}

/** The last ingest_seq handed out, once every write that drew one has finished. */
export async function highWaterMark(db: Db): Promise<number> {
  return inTransaction(db, async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${INGEST_LOCK_ID}::bigint)`.execute(trx);
    const result = await sql<{ seq: string | number }>`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS seq FROM ingest_seq`.execute(trx);
    return Number(result.rows[0].seq);
  });
}

/**
 * One group per user means a hash table of every user: give it room in memory rather than
 * spilling to disk (the default work_mem is 4 MB), for this transaction only. Compiling such a
 * one-off statement (JIT) costs more than it saves.
 */
export async function tuneForPerUserGroups(trx: Transaction<Database>): Promise<void> {
  await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
  await sql`SET LOCAL jit = off`.execute(trx);
}

/** Brings the rollups up to `high` (a highWaterMark read before trx began); returns users recomputed. */
export async function refreshRollupsIn(trx: Transaction<Database>, spec: RollupSpec, high: number) {
  const id = spec.experimentId;
  await sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK_ID}::int, hashtext(${id}::text))`.execute(trx);
  const generation = JSON.stringify([spec.metrics.map((m) => [m.id, m.version]), CUPED_DAYS]);
  const found = await sql<{ generation: string; cutoff: Date | string | null; seq: string | number }>`
    SELECT generation, cutoff, seq FROM result_rollup_state WHERE experiment_id = ${id}`.execute(trx);
  const state = found.rows[0];
  const rebuilt = state?.generation !== generation;
  const since = rebuilt ? 0 : Number(state.seq);
  const oldCutoff = state?.cutoff ? new Date(state.cutoff).getTime() : null;
  const newCutoff = spec.to ? Date.parse(spec.to) : null;
  // Events between the old and the new cutoff change meaning: their users are recomputed.
  const cutoffMoved = !rebuilt && oldCutoff !== newCutoff;
  if (!rebuilt && !cutoffMoved && since >= high) return { users: 0, rebuilt };

  await tuneForPerUserGroups(trx);
  // The rows live in memory or on SSD: at the default 4 the planner scans a million rollups
  // rather than look up ten thousand touched users by index.
  await sql`SET LOCAL random_page_cost = 1.1`.execute(trx);
  const names = metricEvents(spec.metrics);
  let users: RawBuilder<unknown>;
  if (rebuilt) {
    await sql`DELETE FROM result_rollups WHERE experiment_id = ${id}`.execute(trx);
    users = sql``;
  } else {
    const from = new Date(Math.min(oldCutoff ?? Infinity, newCutoff ?? Infinity));
    const afterCutoff = cutoffMoved
      ? sql`UNION SELECT e.targeting_key FROM events e WHERE e.event = ANY(${names}::text[]) AND e.ts >= ${from.toISOString()}::timestamptz AND e.type = 'track'`
      : sql``;
    // A table, analysed, so the planner knows how few users it holds.
    await sql`CREATE TEMP TABLE rollup_touched ON COMMIT DROP AS
      SELECT e.targeting_key FROM events e WHERE e.seq > ${since} AND e.type = 'track' AND e.event = ANY(${names}::text[])
      UNION SELECT c.targeting_key FROM exposures c WHERE c.experiment_id = ${id} AND c.seq > ${since}
      ${afterCutoff}`.execute(trx);
    await sql`ANALYZE rollup_touched`.execute(trx);
    await sql`DELETE FROM result_rollups WHERE experiment_id = ${id} AND targeting_key IN (SELECT targeting_key FROM rollup_touched)`.execute(trx);
    users = sql`AND x.targeting_key IN (SELECT targeting_key FROM rollup_touched)`;
  }
  const recomputed = await recompute(trx, spec, names, users);
  await sql`
    INSERT INTO result_rollup_state (experiment_id, generation, cutoff, seq, refreshed_at) VALUES (${id}, ${generation}, ${spec.to}::timestamptz, ${high}, now())
    ON CONFLICT (experiment_id) DO UPDATE SET generation = excluded.generation, cutoff = excluded.cutoff, seq = excluded.seq, refreshed_at = excluded.refreshed_at`.execute(trx);
  // Fresh statistics, or the planner reads a million new rows through an index.
  if (rebuilt) await sql`ANALYZE result_rollups`.execute(trx);
  return { users: recomputed, rebuilt };
}

/** Inserts the rollup rows of the chosen exposed users (`users` narrows exposures `x`); returns how many users. */
async function recompute(trx: Transaction<Database>, spec: RollupSpec, names: string[], users: RawBuilder<unknown>): Promise<number> {
  const id = spec.experimentId;
  const columns = spec.metrics.flatMap((metric, k) => perUserQuantities(metric, CUPED_DAYS).map((q, i) => sql`${q} AS ${sql.ref(`${'mdp'[i]}${k}`)}`));
  const perMetric = spec.metrics.map((_, k) => sql`(${sql.lit(k)}, ${sql.join(['m', 'd', 'p'].map((q) => sql.ref(`u.${q}${k}`)))})`);
  const result = await sql<{ users: string | number }>`
    WITH x AS (SELECT x.targeting_key, x.variant, x.first_seen_at FROM exposures x WHERE x.experiment_id = ${id} ${users}),
    u AS (
      SELECT x.targeting_key, x.variant, x.first_seen_at ${columns.length > 0 ? sql`, ${sql.join(columns, sql`, `)}` : sql``}
      FROM x LEFT JOIN events e
        ON e.targeting_key = x.targeting_key AND e.type = 'track' AND e.event = ANY(${names}::text[])
        AND e.environment_id = (SELECT doc->>'environmentId' FROM experiments WHERE id = ${id})
        AND e.ts >= x.first_seen_at - make_interval(days => ${CUPED_DAYS}::int)
        ${spec.to ? sql`AND e.ts < ${spec.to}::timestamptz` : sql``}
      GROUP BY x.targeting_key, x.variant, x.first_seen_at
    ),
    inserted AS (
      INSERT INTO result_rollups (experiment_id, targeting_key, metric, variant, first_seen_at, day, m, d, p)
      SELECT ${id}, u.targeting_key, v.metric, u.variant, u.first_seen_at, (u.first_seen_at AT TIME ZONE 'UTC')::date, v.m, v.d, v.p
      FROM u CROSS JOIN LATERAL (VALUES (-1, 0::float8, 0::float8, 0::float8) ${perMetric.length > 0 ? sql`, ${sql.join(perMetric, sql`, `)}` : sql``}) AS v(metric, m, d, p)
      WHERE v.metric = -1 OR v.m <> 0 OR v.d <> 0 OR v.p <> 0
      RETURNING metric
    )
    SELECT count(*) AS users FROM inserted WHERE metric = -1`.execute(trx);
  return Number(result.rows[0].users);
}

type RollupRow = { metric: number; variant: string; bucket: string | null; users: string | number; sums: (string | number)[] };

/**
 * aggregate()'s rows from the rollups: users (metric -1) and each metric's eight sums per
 * variant and bucket. `bucket` and `attributes` are aggregate()'s, over rollups `x`.
 */
export async function readRollups(trx: Transaction<Database>, query: ResultsQuery, bucket: RawBuilder<unknown>, attributes: RawBuilder<unknown>): Promise<ResultsRow[]> {
  const range = [
    sql`x.experiment_id = ${query.experimentId}`,
    ...(query.from ? [sql`x.first_seen_at >= ${query.from}::timestamptz`] : []),
    ...(query.to ? [sql`x.first_seen_at < ${query.to}::timestamptz`] : []),
  ];
  const result = await sql<RollupRow>`
    SELECT x.metric, x.variant, (${bucket})::text AS bucket, count(*) AS users,
      ARRAY[sum(x.m), sum(x.m * x.m), sum(x.d), sum(x.d * x.d), sum(x.m * x.d), sum(x.p), sum(x.p * x.p), sum(x.m * x.p)]::float8[] AS sums
    FROM result_rollups x ${attributes}
    WHERE ${sql.join(range, sql` AND `)}
    GROUP BY 1, 2, 3
    ORDER BY 2, 3`.execute(trx);

  const rows = new Map<string, ResultsRow>();
  for (const row of result.rows) {
    const key = JSON.stringify([row.variant, row.bucket]);
    let target = rows.get(key);
    if (!target) rows.set(key, (target = { variant: row.variant, bucket: row.bucket, users: 0, metrics: query.metrics.map(() => toSums([0, 0, 0, 0, 0, 0, 0, 0])) }));
    if (row.metric < 0) target.users = Number(row.users);
    else if (row.metric < query.metrics.length) {
      const sums = toSums(row.sums.map(Number));
      target.metrics[row.metric] = query.preExposureDays > 0 ? sums : { ...sums, pre: 0, pre2: 0, mPre: 0 };
    }
  }
  return [...rows.values()];
}
