import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { DAY_MS, type BehaviourSpec } from '../../../shared/behaviour/behaviour-rule';
import type { EventProperties } from '../../../shared/behaviour/property-filter';
import { BEHAVIOUR_PAGE_ROWS, type BehaviourEvent, type BehaviourSeenRow, type BehaviourStore, type BehaviourTallyRow } from '../../modules/behaviour/behaviour-store';
import type { Database } from './schema';
import { filterSql } from './sql-metric-quantities';
import { highWaterMark, inTransaction, tuneForPerUserGroups } from './sql-rollups';

type Db = Kysely<Database> | Transaction<Database>;
type Num = string | number;

const dayOfTs = (column: RawBuilder<unknown>) => sql`((${column} AT TIME ZONE 'UTC')::date - DATE '1970-01-01')`;

/**
 * The behaviour state's reads over the events table, for PGlite and PostgreSQL alike. Loads are
 * one aggregate each, read through a cursor in pages: a million users never travel as one
 * message (PGlite's worker) or one array.
 */
export class SqlBehaviour implements BehaviourStore {
  constructor(private readonly db: Db) {}

  watermark() {
    return highWaterMark(this.db);
  }

  async loadTallies(spec: BehaviourSpec, environmentId: string | undefined, fromDay: number, throughSeq: number, onPage: (rows: BehaviourTallyRow[]) => void | Promise<void>) {
    // The summed number: the property when it is a JSON number, else the event's value.
    const summed = spec.property === null ? sql`e.value` : sql`CASE WHEN jsonb_typeof(e.properties -> ${spec.property}::text) = 'number' THEN (e.properties ->> ${spec.property}::text)::float8 END`;
    const where = [
      sql`e.type = 'track'`,
      sql`e.event = ${spec.event ?? ''}::text`,
      sql`e.ts >= ${new Date(fromDay * DAY_MS).toISOString()}::timestamptz`,
      sql`e.seq <= ${throughSeq}::bigint`,
      ...(environmentId === undefined ? [] : [sql`e.environment_id = ${environmentId}::text`]),
      ...spec.filters.map(filterSql),
    ];
    const query = sql`
      SELECT e.environment_id, e.targeting_key, ${dayOfTs(sql`e.ts`)} AS day, count(*) AS count, coalesce(sum(x.n), 0)::float8 AS sum, count(x.n) AS valued
      FROM events e CROSS JOIN LATERAL (SELECT ${summed} AS n) x
      WHERE ${sql.join(where, sql` AND `)}
      GROUP BY 1, 2, 3`;
    await readInPages<{ environment_id: string; targeting_key: string; day: Num; count: Num; sum: Num; valued: Num }>(this.db, query, (rows) =>
      onPage(rows.map((r) => ({ environmentId: r.environment_id, targetingKey: r.targeting_key, day: Number(r.day), count: Number(r.count), sum: Number(r.sum), valued: Number(r.valued) }))),
    );
  }

  async loadSeen(environmentId: string | undefined, throughSeq: number, onPage: (rows: BehaviourSeenRow[]) => void | Promise<void>) {
    const query = sql`
      SELECT e.environment_id, e.targeting_key, ${dayOfTs(sql`min(e.ts)`)} AS first_day, ${dayOfTs(sql`max(e.ts)`)} AS last_day
      FROM events e
      WHERE e.seq <= ${throughSeq}::bigint ${environmentId === undefined ? sql`` : sql`AND e.environment_id = ${environmentId}::text`}
      GROUP BY 1, 2`;
    await readInPages<{ environment_id: string; targeting_key: string; first_day: Num; last_day: Num }>(this.db, query, (rows) =>
      onPage(rows.map((r) => ({ environmentId: r.environment_id, targetingKey: r.targeting_key, firstDay: Number(r.first_day), lastDay: Number(r.last_day) }))),
    );
  }

  async eventsSince(afterSeq: number, throughSeq: number, names: readonly string[] | null, limit: number): Promise<BehaviourEvent[]> {
    if (names !== null && names.length === 0) return [];
    const result = await sql<{ seq: Num; environment_id: string; type: string; targeting_key: string; event: string; ts: Date | string; value: number | null; properties: EventProperties }>`
      SELECT e.seq, e.environment_id, e.type, e.targeting_key, e.event, e.ts, e.value, e.properties
      FROM events e
      WHERE e.seq > ${afterSeq}::bigint AND e.seq <= ${throughSeq}::bigint
        ${names === null ? sql`` : sql`AND e.type = 'track' AND e.event = ANY(${[...names]}::text[])`}
      ORDER BY e.seq
      LIMIT ${limit}::int`.execute(this.db);
    return result.rows.map((r) => ({
      seq: Number(r.seq),
      environmentId: r.environment_id,
      type: r.type as BehaviourEvent['type'],
      targetingKey: r.targeting_key,
      event: r.event,
      ts: new Date(r.ts).getTime(),
      value: r.value === null ? null : Number(r.value),
      properties: r.properties,
    }));
  }
}

/**
 * Runs the query through a cursor and hands its rows over BEHAVIOUR_PAGE_ROWS at a time. On
 * PGlite the transaction holds the one connection, so other statements wait between pages only
 * as long as `onPage` takes (it only files rows away).
 */
async function readInPages<Row>(db: Db, query: RawBuilder<unknown>, onPage: (rows: Row[]) => void | Promise<void>) {
  await inTransaction(db, async (trx) => {
    await tuneForPerUserGroups(trx);
    await sql`DECLARE behaviour_load NO SCROLL CURSOR FOR ${query}`.execute(trx);
    for (;;) {
      const page = await sql.raw<Row>(`FETCH ${BEHAVIOUR_PAGE_ROWS} FROM behaviour_load`).execute(trx);
      if (page.rows.length > 0) await onPage(page.rows);
      if (page.rows.length < BEHAVIOUR_PAGE_ROWS) break;
    }
    await sql`CLOSE behaviour_load`.execute(trx);
  });
}
