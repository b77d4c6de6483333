import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrations';
import type { Database } from './schema';

// Migration 9 turns the events table into one partitioned by day: every row is kept (with its
// ingest_seq number), each in the partition of its time, and a retry of a stored event still
// counts once.

type Open = () => Promise<{ db: Kysely<Database>; close: () => Promise<void> }>;
const databases: [string, Open][] = [
  ['PGlite', async () => {
    const db = new Kysely<Database>({ dialect: new PGliteDialect(await PGlite.create()) });
    return { db, close: () => db.destroy() };
  }],
];
const url = process.env.TEST_DATABASE_URL;
if (url) {
  databases.push(['PostgreSQL', async () => {
    // A database of its own: the shared one is already at the latest version.
    const name = `migration_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.toString(), max: 1 }) }) });
    return {
      db,
      close: async () => {
        await db.destroy();
        await admin.query(`DROP DATABASE ${name}`);
        await admin.end();
      },
    };
  }]);
}

describe.each(databases)('events partitioning migration: %s', { timeout: 180_000 }, (_name, open) => {
  it('keeps every event, with its number, in the partition of its time', async () => {
    const { db, close } = await open();
    try {
      await migrate(db, 8);
      const today = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
      const at = (days: number, hours = 0) => new Date(today.getTime() + days * 86_400_000 + hours * 3_600_000).toISOString();
      const times = [at(-400), at(-1, 23), at(0, 1), at(1, 2), at(30)];
      await sql`INSERT INTO events (id, type, targeting_key, event, value, ts, properties, received_at)
        SELECT 'e' || i, 'track', 'u' || i, 'purchase', i, t::timestamptz, '{"k":1}'::jsonb, now()
        FROM unnest(${times}::text[]) WITH ORDINALITY AS x(t, i)`.execute(db);
      const before = await sql<{ id: string; seq: string }>`SELECT id, seq::text FROM events ORDER BY id`.execute(db);

      await migrate(db);
      const after = await sql<{ id: string; seq: string; partition: string }>`SELECT id, seq::text, tableoid::regclass::text AS partition FROM events ORDER BY id`.execute(db);
      expect(after.rows.map(({ id, seq }) => ({ id, seq }))).toEqual(before.rows);
      const day = (d: number) => at(d).slice(0, 10).replaceAll('-', '');
      expect(after.rows.map((row) => row.partition)).toEqual([`events_before_${day(0)}`, `events_before_${day(0)}`, `events_${day(0)}`, `events_${day(1)}`, `events_${day(30)}`]);

      // The key holds across partitions: a retry of a kept event is known, a new one is not.
      const retried = await sql`INSERT INTO events (id, type, targeting_key, event, value, ts, properties, received_at)
        VALUES ('e1', 'track', 'u1', 'purchase', 1, ${times[0]}::timestamptz, NULL, now()), ('e3', 'track', 'u3', 'purchase', 3, ${times[2]}::timestamptz, NULL, now()),
          ('e6', 'track', 'u6', 'purchase', 6, ${at(0, 5)}::timestamptz, NULL, now())
        ON CONFLICT DO NOTHING`.execute(db);
      expect(Number(retried.numAffectedRows)).toBe(1);
      // New events still draw ingest numbers after the kept ones.
      const next = await sql<{ seq: string }>`SELECT seq::text FROM events WHERE id = 'e6'`.execute(db);
      expect(Number(next.rows[0].seq)).toBeGreaterThan(Math.max(...before.rows.map((row) => Number(row.seq))));
    } finally {
      await close();
    }
  });
});
