import { sql, type Kysely, type Transaction } from 'kysely';
import type { EventCatalogEntry, EventStore, StoredEvent } from '../types';
import type { Database } from './schema';
import { iso } from './sql-util';

type Db = Kysely<Database> | Transaction<Database>;

export class SqlEvents implements EventStore {
  constructor(private readonly db: Db) {}

  async insertBatch(events: StoredEvent[]) {
    if (events.length === 0) return 0;
    // One statement: the batch commits whole or not at all; known ids are skipped (retries).
    const result = await this.db
      .insertInto('events')
      .values(
        events.map((e) => ({
          id: e.id,
          type: e.type,
          targeting_key: e.targetingKey,
          event: e.event,
          value: e.value,
          ts: e.timestamp,
          properties: e.properties === null ? null : JSON.stringify(e.properties),
          received_at: e.receivedAt,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
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
