import { sql, type Kysely, type Transaction } from 'kysely';
import type { EventCatalogEntry, EventStore, StoredEvent } from '../types';
import type { Database } from './schema';
import { iso } from './sql-util';

type Db = Kysely<Database> | Transaction<Database>;

export class SqlEvents implements EventStore {
  constructor(private readonly db: Db) {}

  async insertBatch(events: StoredEvent[]) {
    if (events.length === 0) return 0;
    // One statement, so the batch commits whole or not at all; known ids are skipped (retries).
    // Columns travel as eight arrays (unnest) rather than 4,000 bind parameters: far less to
    // parse and plan per batch.
    const column = <T>(pick: (e: StoredEvent) => T) => events.map(pick);
    const result = await sql`
      INSERT INTO events (id, type, targeting_key, event, value, ts, properties, received_at)
      SELECT * FROM unnest(
        ${column((e) => e.id)}::text[], ${column((e) => e.type)}::text[], ${column((e) => e.targetingKey)}::text[],
        ${column((e) => e.event)}::text[], ${column((e) => e.value)}::float8[], ${column((e) => e.timestamp)}::timestamptz[],
        ${column((e) => (e.properties === null ? null : JSON.stringify(e.properties)))}::jsonb[], ${column((e) => e.receivedAt)}::timestamptz[]
      )
      ON CONFLICT (id) DO NOTHING`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
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
