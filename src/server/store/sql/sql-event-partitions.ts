import { sql, type Kysely, type Transaction } from 'kysely';
import type { EventPartitionChanges, StoredEvent } from '../types';
import type { Database } from './schema';

// The events table is partitioned by event time, a partition per UTC day (migration 9):
// events_YYYYMMDD, and events_before_YYYYMMDD for every time before that day.

/** Days kept ready ahead of today: events may be up to a day in the future (MAX_FUTURE_SKEW_MS). */
export const PARTITION_DAYS_AHEAD = 7;
const DAY_MS = 86_400_000;

/** PostgreSQL's answer to a row whose time no partition covers (SQLSTATE 23514). */
export function isMissingPartition(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23514' && /no partition/.test(String((error as { message?: unknown }).message));
}

/** Adds the partitions of the days of `events` that none covers (a write met one missing). */
export async function createPartitionsFor(db: Kysely<Database>, events: StoredEvent[]): Promise<void> {
  const times = [...new Set(events.map((e) => e.timestamp))];
  await sql`SELECT events_create_partition(day) FROM (
    SELECT DISTINCT (t::timestamptz AT TIME ZONE 'UTC')::date AS day FROM json_array_elements_text(${JSON.stringify(times)}::json) AS t) AS days`.execute(db);
}

const dayName = (day: number) => new Date(day).toISOString().slice(0, 10).replaceAll('-', '');
const dayOf = (name: string) => Date.parse(`${name.slice(0, 4)}-${name.slice(4, 6)}-${name.slice(6, 8)}T00:00:00Z`);

/**
 * Creates the partitions of today and the next PARTITION_DAYS_AHEAD days, and with a retention
 * drops every partition whose whole range is older than `retentionDays` before today (UTC):
 * the days, and events_before_* once its bound has passed (replaced by one ending at the
 * cutoff, so old events arriving late still have a home until the next run drops them).
 * Dropping waits at most a few seconds for the table's lock (a long results query holds it):
 * rather than stall ingestion behind that query, the next run tries again.
 */
export async function maintainEventPartitions(trx: Transaction<Database>, now: Date, retentionDays: number | null): Promise<EventPartitionChanges> {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const found = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass`.execute(trx);
  const names = new Set(found.rows.map((row) => row.name));
  const changes: EventPartitionChanges = { created: [], dropped: [] };
  await sql`SET LOCAL lock_timeout = '5s'`.execute(trx);

  if (retentionDays !== null) {
    const cutoff = today - retentionDays * DAY_MS;
    for (const name of [...names].sort()) {
      const before = /^events_before_(\d{8})$/.exec(name);
      const day = /^events_(\d{8})$/.exec(name);
      const end = before ? dayOf(before[1]) : day ? dayOf(day[1]) + DAY_MS : Infinity;
      if (end > cutoff) continue;
      await sql`DROP TABLE ${sql.id(name)}`.execute(trx);
      names.delete(name);
      changes.dropped.push(name);
      if (before) {
        // Every remaining day starts at or after the cutoff, so the new range overlaps none.
        const replacement = `events_before_${dayName(cutoff)}`;
        await sql.raw(`CREATE TABLE ${replacement} PARTITION OF events FOR VALUES FROM (MINVALUE) TO ('${new Date(cutoff).toISOString()}')`).execute(trx);
        names.add(replacement);
        changes.created.push(replacement);
      }
    }
  }
  // Dropping a partition fires no trigger on events: move the results data version (migration 6) here.
  if (changes.dropped.length > 0) await sql`SELECT nextval('results_data_version')`.execute(trx);
  for (let day = today; day <= today + PARTITION_DAYS_AHEAD * DAY_MS; day += DAY_MS) {
    if (names.has(`events_${dayName(day)}`)) continue;
    const created = await sql<{ created: boolean }>`SELECT events_create_partition(${new Date(day).toISOString().slice(0, 10)}::date) AS created`.execute(trx);
    if (created.rows[0].created) changes.created.push(`events_${dayName(day)}`);
  }
  return changes;
}
