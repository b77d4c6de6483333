import type { Kysely, Transaction } from 'kysely';
import { UniqueViolation } from '../../lib/errors';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Runs fn in the caller's transaction, or in a new one (rolled back whole if fn throws). */
export function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : (db as Kysely<Database>).transaction().execute(fn);
}

/**
 * Rows for a bulk write, as ONE bind parameter (read with json_to_recordset or
 * json_array_elements_text). Never one parameter per value: PostgreSQL refuses a statement with
 * more than 65,535, and PGlite, past 32,767, answers no rows to that statement and to every
 * later one on the connection until restart. Serialising is native and cheap.
 */
export const jsonRows = (rows: readonly unknown[]): string => JSON.stringify(rows, wellFormed);

// A lone UTF-16 surrogate becomes U+FFFD, as pg's UTF-8 encoding of a text parameter makes it:
// JSON.stringify would write it as a \uD800 escape, which PostgreSQL's JSON input refuses.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (_key: string, value: unknown) => (typeof value === 'string' ? value.replace(LONE_SURROGATE, '\uFFFD') : value);

export const iso = (value: Date | string) => new Date(value).toISOString();
export const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** Maps Postgres unique violations (SQLSTATE 23505) to UniqueViolation naming the field. */
export async function guardUnique<T>(field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505') {
      throw new UniqueViolation(field);
    }
    throw error;
  }
}
