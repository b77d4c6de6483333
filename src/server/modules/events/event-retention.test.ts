import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory/memory-store';
import { postgresStore, sharedPgliteStore, truncateAll } from '../../store/sql/test-database';
import type { SqlStore } from '../../store/sql/sql-store';
import type { Store, StoredEvent } from '../../store/types';

// Retention on a fake clock: EventStore.maintain drops whole days older than the retention (SQL:
// partitions of the events table, migration 9), keeps the rest, and prepares the days ahead.
// A clock years ahead of the real one, so every partition the test touches is its own.

const event = (id: string, timestamp: string, targetingKey = 'u1'): StoredEvent => ({
  id, type: 'track', targetingKey, event: 'purchase', value: 1, timestamp, properties: null, receivedAt: timestamp,
});
const count = async (store: Store) => (await store.events.catalog()).reduce((sum, entry) => sum + entry.count, 0);
const partitions = async (store: SqlStore) =>
  (await sql<{ name: string }>`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass ORDER BY 1`.execute(store.kysely)).rows.map((row) => row.name);

const stores: [string, () => Promise<Store>][] = [
  ['memory', async () => new MemoryStore()],
  ['PGlite', async () => { const store = await sharedPgliteStore(); await truncateAll(store); return store; }],
];
const url = process.env.TEST_DATABASE_URL;
if (url) stores.push(['PostgreSQL', async () => { const store = await postgresStore(url); await truncateAll(store); return store; }]);

describe.each(stores)('event retention: %s', (_name, open) => {
  it('drops the days older than the retention, keeps the others, and keeps a week ready ahead', { timeout: 120_000 }, async () => {
    const store = await open();
    const sqlStore = store.kind === 'memory' ? null : (store as SqlStore);
    const ready = await store.events.maintain(new Date('2031-03-10T12:00:00Z'), null);
    if (sqlStore) expect(ready.created).toEqual(['20310310', '20310311', '20310312', '20310313', '20310314', '20310315', '20310316', '20310317'].map((d) => `events_${d}`));

    // 2031-03-05 and 2031-04-30 have no partition yet: the write adds them. The first is the
    // time before every day partition (events_before_*), as are events stored before migration 9.
    const stored = await store.events.insertBatch([
      event('old', '2020-01-01T00:00:00.000Z'),
      event('d05', '2031-03-05T10:00:00.000Z'),
      event('d08', '2031-03-08T23:59:59.999Z'),
      event('d09', '2031-03-09T00:00:00.000Z'),
      event('d10', '2031-03-10T12:00:00.000Z', 'u2'),
      event('ahead', '2031-04-30T00:00:00.000Z'),
    ]);
    expect(stored).toBe(6);
    if (sqlStore) expect(await partitions(sqlStore)).toEqual(expect.arrayContaining(['events_20310305', 'events_20310430']));
    // A retry counts once, in whichever partition its time falls.
    expect(await store.events.insertBatch([event('d05', '2031-03-05T10:00:00.000Z'), event('ahead', '2031-04-30T00:00:00.000Z')])).toBe(0);

    // Keeping everything drops nothing, however late it is.
    expect((await store.events.maintain(new Date('2031-06-01T00:00:00Z'), null)).dropped).toEqual([]);
    expect(await count(store)).toBe(6);

    // Two days later, keeping 3 days: everything before 2031-03-09 goes, as whole partitions.
    const dataVersion = await store.results.dataVersion();
    const changes = await store.events.maintain(new Date('2031-03-12T01:00:00Z'), 3);
    expect(await count(store)).toBe(3);
    expect(await store.results.dataVersion()).not.toBe(dataVersion);
    if (sqlStore) {
      expect(changes.dropped).toEqual(expect.arrayContaining(['events_20310305']));
      expect(changes.dropped.some((name) => name.startsWith('events_before_'))).toBe(true);
      expect(changes.dropped.filter((name) => /^events_\d{8}$/.test(name) && name >= 'events_20310309')).toEqual([]);
      const now = await partitions(sqlStore);
      expect(now).toEqual(expect.arrayContaining(['events_before_20310309', 'events_20310309', 'events_20310319', 'events_20310430']));
      expect(now.filter((name) => /^events_\d{8}$/.test(name) && name < 'events_20310309')).toEqual([]);
    }

    // An event older than the retention arriving late is still accepted, and goes at the next run.
    expect(await store.events.insertBatch([event('late', '2031-03-01T00:00:00.000Z')])).toBe(1);
    expect(await count(store)).toBe(4);
    await store.events.maintain(new Date('2031-03-13T01:00:00Z'), 3);
    expect(await count(store)).toBe(2);
    expect((await store.events.catalog())[0].users).toBe(2);
  });
});
