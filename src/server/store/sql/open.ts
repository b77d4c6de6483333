import { Kysely, PostgresDialect } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { migrate } from './migrations';
import { startPgliteWorker, type PgliteWorker } from './pglite-worker-host';
import { PgliteWorkerDialect } from './pglite-worker-dialect';
import type { Database } from './schema';
import { EventCopier } from './sql-events-copy';
import { SqlStore } from './sql-store';

// pg returns bigint (int8) as strings by default; counts fit comfortably in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** PostgreSQL at `url` (several replicas may share it). Runs pending migrations first. */
export async function openPostgresStore(url: string, options: { poolSize?: number } = {}): Promise<SqlStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqlStore('postgres', db, () => db.destroy(), new EventCopier(pool));
}

/**
 * PGlite in `dataDir` (or in memory when dataDir is undefined), on a worker thread of its own so
 * its statements never block this event loop (OFREP keeps answering during a rollup build or a
 * results query). Runs pending migrations first; closing the store closes PGlite and the thread.
 */
export async function openPgliteStore(dataDir: string | undefined, options: { onWorker?: (worker: PgliteWorker) => void } = {}): Promise<SqlStore> {
  const worker = await startPgliteWorker(dataDir);
  options.onWorker?.(worker);
  const db = new Kysely<Database>({ dialect: new PgliteWorkerDialect(worker) });
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqlStore('pglite', db, () => db.destroy());
}

/** Wraps an open PGlite instance in this thread (tests share one per worker). Closing the store closes it. */
export async function openPgliteStoreOn(pglite: PGlite): Promise<SqlStore> {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  await migrate(db);
  // Kysely's destroy() closes the PGlite instance through the dialect.
  return new SqlStore('pglite', db, () => db.destroy());
}
