/**
 * Loading the reach sample from PGlite on its worker thread: 100,000 of 150,000 known users with
 * 40 attributes (~1 KB) each: decoding cost follows the number of values, not only the bytes. Prints the wall time and the longest the main thread's event loop
 * was held, for the paged read (SqlKnownUsers.sample) and for the former single statement.
 * Run: npx tsx bench/reach-sample-bench.ts
 */
import { Kysely, sql } from 'kysely';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { REACH_SAMPLE_SIZE } from '../src/server/modules/audiences/reach-service';
import { migrate } from '../src/server/store/sql/migrations';
import { startPgliteWorker } from '../src/server/store/sql/pglite-worker-host';
import { PgliteWorkerDialect } from '../src/server/store/sql/pglite-worker-dialect';
import type { Database } from '../src/server/store/sql/schema';
import { SqlKnownUsers } from '../src/server/store/sql/sql-audiences';

const USERS = 150_000;

async function measure(label: string, read: () => Promise<number>) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const count = await read();
  const ms = performance.now() - started;
  delay.disable();
  console.log(`  ${label.padEnd(34)} ${count.toLocaleString('en')} users in ${ms.toFixed(0).padStart(5)} ms; event loop held at most ${(delay.max / 1e6).toFixed(0).padStart(5)} ms`);
}

const db = new Kysely<Database>({ dialect: new PgliteWorkerDialect(await startPgliteWorker(undefined)) });
await migrate(db);
const knownUsers = new SqlKnownUsers(db);
const lastSeenAt = new Date().toISOString();
for (let start = 0; start < USERS; start += 10_000) {
  await knownUsers.upsert('production', Array.from({ length: 10_000 }, (_, i) => ({ targetingKey: `user-${start + i}`, attributes: Object.fromEntries(Array.from({ length: 40 }, (_, j) => [`attribute${j}`, j % 2 ? i % 1000 : `value-${(start + i) % 997}`])), lastSeenAt })));
}
const since = new Date(Date.now() - 86_400_000);
console.log(`\nReach sample load: ${REACH_SAMPLE_SIZE.toLocaleString('en')} of ${USERS.toLocaleString('en')} known users, 40 attributes (~1 KB) each (PGlite worker)`);
for (let run = 0; run < 2; run++) {
  await measure('paged (5,000 per statement)', async () => (await knownUsers.sample('production', since.toISOString(), REACH_SAMPLE_SIZE)).users.length);
  await measure('one statement (before)', async () => {
    const rows = await db.selectFrom('known_users').selectAll().where('last_seen_at', '>=', since).orderBy(sql`random()`).limit(REACH_SAMPLE_SIZE).execute();
    return rows.map((row) => ({ targetingKey: row.targeting_key, attributes: row.attributes, lastSeenAt: new Date(row.last_seen_at).toISOString() })).length;
  });
}
await db.destroy();
