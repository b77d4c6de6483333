import { sql, type Kysely, type Transaction } from 'kysely';
import type { LoginAttemptStore } from '../types';
import type { Database } from './schema';
import { iso } from './sql-util';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * One INSERT ... ON CONFLICT DO UPDATE per attempt: PostgreSQL locks the key's row for the
 * update, so concurrent attempts (from any replica) each get their own count.
 */
export class SqlLoginAttempts implements LoginAttemptStore {
  constructor(private readonly db: Db) {}

  async hit(key: string, now: string, windowMs: number) {
    const windowOver = sql<boolean>`login_attempts.window_started_at <= ${new Date(Date.parse(now) - windowMs).toISOString()}::timestamptz`;
    const row = await this.db
      .insertInto('login_attempts')
      .values({ key, count: 1, window_started_at: now })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          // Both expressions read the row as it was before this update.
          count: sql<number>`CASE WHEN ${windowOver} THEN 1 ELSE login_attempts.count + 1 END`,
          window_started_at: sql<string>`CASE WHEN ${windowOver} THEN excluded.window_started_at ELSE login_attempts.window_started_at END`,
        }),
      )
      .returning(['count', 'window_started_at'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), windowStartedAt: iso(row.window_started_at) };
  }

  async clear(key: string) {
    await this.db.deleteFrom('login_attempts').where('key', '=', key).execute();
  }

  async deleteStartedBefore(before: string) {
    const result = await this.db.deleteFrom('login_attempts').where('window_started_at', '<', new Date(before)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
