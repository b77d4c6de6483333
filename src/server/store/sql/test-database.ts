import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { DEFAULT_ENVIRONMENTS } from '../../../shared/contract/environments';
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
