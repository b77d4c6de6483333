import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { DEFAULT_ENVIRONMENTS } from '../../../shared/contract/environments';
import { MemoryStore } from '../memory/memory-store';
import type { Store } from '../types';
import { openPgliteStoreOn, openPostgresStore } from './open';
import type { SqlStore } from './sql-store';

// Creating a PGlite database costs seconds, so each test worker opens one and empties it between tests.
// One variable each: a file testing both stores must get PostgreSQL from postgresStore, not the
// PGlite store it opened first.
let sharedPglite: Promise<SqlStore> | undefined;
let sharedPostgres: Promise<SqlStore> | undefined;

export function sharedPgliteStore(): Promise<SqlStore> {
  sharedPglite ??= PGlite.create().then(openPgliteStoreOn);
  return sharedPglite;
}

export function postgresStore(url: string): Promise<SqlStore> {
  sharedPostgres ??= openPostgresStore(url, { poolSize: 4 });
  return sharedPostgres;
}

/**
 * The stores a behaviour test runs on, by name: memory, this worker's PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set (scripts/with-postgres.sh). Each opener hands out an emptied store.
 */
export function storesUnderTest(): [string, () => Promise<Store>][] {
  const emptied = async (open: () => Promise<SqlStore>) => {
    const store = await open();
    await truncateAll(store);
    return store;
  };
  const stores: [string, () => Promise<Store>][] = [
    ['memory', async () => new MemoryStore()],
    ['PGlite', () => emptied(sharedPgliteStore)],
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) stores.push(['PostgreSQL', () => emptied(() => postgresStore(url))]);
  return stores;
}

/**
 * Two replicas' stores on one emptied database, by name: on PGlite both apps share the one
 * database (it has one connection); on PostgreSQL (TEST_DATABASE_URL) the second has its own
 * pool, so only the database's locks keep the replicas apart. Close with closeStoresUnderTest.
 */
export function replicaStoresUnderTest(): [string, () => Promise<[SqlStore, SqlStore]>][] {
  const databases: [string, () => Promise<[SqlStore, SqlStore]>][] = [
    ['PGlite', async () => {
      const store = await sharedPgliteStore();
      await truncateAll(store);
      return [store, store];
    }],
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    databases.push(['PostgreSQL', async () => {
      const first = await postgresStore(url);
      await truncateAll(first);
      const second = openPostgresStore(url, { poolSize: 4 });
      secondReplicaStores.push(second);
      return [first, await second];
    }]);
  }
  return databases;
}
const secondReplicaStores: Promise<SqlStore>[] = [];

/** Closes the SQL stores of storesUnderTest (call from afterAll). */
export async function closeStoresUnderTest(): Promise<void> {
  await Promise.all([sharedPglite, sharedPostgres, ...secondReplicaStores.splice(0)].map(async (store) => (await store)?.close()));
}

/** Empties every table but the migration history. */
export async function truncateAll(store: SqlStore): Promise<void> {
  const tables = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`.execute(store.kysely);
  if (tables.rows.length === 0) return;
  const list = tables.rows.map((row) => `"${row.tablename}"`).join(', ');
  await sql.raw(`TRUNCATE ${list} CASCADE`).execute(store.kysely);
  await seedDefaultEnvironments(store);
}

/** The environments that migration 10 creates, back after a truncate. */
async function seedDefaultEnvironments(store: SqlStore): Promise<void> {
  const now = new Date().toISOString();
  await store.kysely
    .insertInto('environments')
    .values(DEFAULT_ENVIRONMENTS.map((e, position) => ({ ...e, position, version: 1, archived_at: null, created_at: now, updated_at: now })))
    .execute();
}
