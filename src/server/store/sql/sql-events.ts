import { sql, type Kysely, type Transaction } from 'kysely';
import type { EventCatalogEntry, EventPartitionChanges, EventStore, ExposureRecord, StoredEvent } from '../types';
import { GroupCommit, type Outcome } from './group-commit';
import { createPartitionsFor, isMissingPartition, maintainEventPartitions } from './sql-event-partitions';
import type { Database } from './schema';
import type { EventCopier } from './sql-events-copy';
import { SqlExposures } from './sql-experiments';
import { INGEST_LOCK_ID, inTransaction, withIngestLock } from './sql-rollups';
import { iso } from './sql-util';

type Db = Kysely<Database> | Transaction<Database>;

interface Batch {
  events: StoredEvent[];
  exposures: ExposureRecord[];
}

// Two writes in flight let one group commit while the next is inserted; more only queue inside
// PostgreSQL. A group stays under ~10 batches of 500, so no statement holds PGlite (which runs
// on the server's own thread) for long.
const WRITERS = 2;
const MAX_GROUP_ROWS = 5000;

export class SqlEvents implements EventStore {
  private readonly group: GroupCommit<Batch, number> | null;

  /** `copier`: PostgreSQL's pool, whose COPY writes a group cheaper than INSERT (PGlite has none). */
  constructor(private readonly db: Db, copier: EventCopier | null = null) {
    // Inside a caller's transaction the caller decides when it commits: write directly.
    this.group = db.isTransaction ? null : new GroupCommit((batches) => writeGroup(db as Kysely<Database>, copier, batches), { writers: WRITERS, maxGroupSize: MAX_GROUP_ROWS });
  }

  async insertBatch(events: StoredEvent[], exposures: ExposureRecord[] = []) {
    if (events.length === 0 && exposures.length === 0) return 0;
    if (!this.group) return withIngestLock(this.db, (trx) => writeBatch(trx, { events, exposures }));
    return this.group.submit({ events, exposures }, events.length + exposures.length);
  }

  maintain(now: Date, retentionDays: number | null): Promise<EventPartitionChanges> {
    return inTransaction(this.db, (trx) => maintainEventPartitions(trx, now, retentionDays));
  }

  async catalog(): Promise<EventCatalogEntry[]> {
    const rows = await sql<{ event: string; type: string; count: number; users: number; with_value: number; last_seen: Date; properties: string[] | null }>`
      SELECT e.event, e.type, count(*) AS count, count(DISTINCT e.targeting_key) AS users, count(e.value) AS with_value, max(e.ts) AS last_seen,
        (SELECT jsonb_agg(DISTINCT k ORDER BY k) FROM events p, jsonb_object_keys(coalesce(p.properties, '{}'::jsonb)) AS k
          WHERE p.event = e.event AND p.type = e.type) AS properties
      FROM events e GROUP BY e.event, e.type ORDER BY count(*) DESC, e.event`.execute(this.db);
    return rows.rows.map((row) => ({
      event: row.event,
      type: row.type as EventCatalogEntry['type'],
      count: Number(row.count),
      users: Number(row.users),
      withValue: Number(row.with_value),
      properties: row.properties ?? [],
      lastSeenAt: iso(row.last_seen),
    }));
  }
}

/**
 * Writes a group of batches. Usually none of their ids was stored before, so a plain COPY (on
 * PostgreSQL) or INSERT of every row (cheaper than ON CONFLICT) commits them all at once. If
 * anything fails (a retried batch hits a known id, or one batch holds a value the database
 * refuses), each batch is written again on its own, skipping known ids: a retry then counts
 * once, and a bad batch fails alone. An event on a day without a partition yet (far ahead, or
 * the scheduler has not run) adds that day's partition first.
 */
async function writeGroup(db: Kysely<Database>, copier: EventCopier | null, batches: Batch[]): Promise<Outcome<number>[]> {
  const events = batches.flatMap((b) => b.events);
  const exposures = batches.flatMap((b) => b.exposures);
  try {
    const writeAll = async (trx: Transaction<Database>, copy?: (events: StoredEvent[]) => Promise<void>) => {
      await sql`SELECT pg_advisory_xact_lock_shared(${INGEST_LOCK_ID}::bigint)`.execute(trx);
      await (copy ? copy(events) : insertEvents(trx, events, 'plain'));
      await new SqlExposures(trx).record(exposures);
    };
    await (copier ? copier.transaction(writeAll) : inTransaction(db, (trx) => writeAll(trx)));
    return batches.map((b) => ({ ok: true, value: b.events.length }));
  } catch (error) {
    if (isMissingPartition(error)) await createPartitionsFor(db, events).catch(() => {});
    const outcomes: Outcome<number>[] = [];
    for (const batch of batches) {
      try {
        outcomes.push({ ok: true, value: await withIngestLock(db, (trx) => writeBatch(trx, batch)) });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }
}

/** One batch, skipping ids stored before; returns how many events were new. */
async function writeBatch(db: Db, batch: Batch): Promise<number> {
  const inserted = await insertEvents(db, batch.events, 'skip-known');
  await new SqlExposures(db).record(batch.exposures);
  return inserted;
}

async function insertEvents(db: Db, events: StoredEvent[], mode: 'plain' | 'skip-known'): Promise<number> {
  if (events.length === 0) return 0;
  // The rows travel as one JSON parameter: serialising it is native and about three times cheaper
  // for the server than pg's escaping of eight arrays (unnest), and costs PostgreSQL no more.
  const result = await sql`
    INSERT INTO events (id, environment_id, type, targeting_key, event, value, ts, properties, received_at)
    SELECT id, coalesce("environmentId", 'production'), type, "targetingKey", event, value, "timestamp", properties, "receivedAt"
    FROM json_to_recordset(${JSON.stringify(events)}::json)
      AS e(id text, "environmentId" text, type text, "targetingKey" text, event text, value float8, "timestamp" timestamptz, properties jsonb, "receivedAt" timestamptz)
    ${mode === 'skip-known' ? sql`ON CONFLICT DO NOTHING` : sql``}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
