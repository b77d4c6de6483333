import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract, user } from '../store-contract';
import { openPgliteStore } from './open';
import { startPgliteWorker } from './pglite-worker-host';
import type { SqlStore } from './sql-store';
import { truncateAll } from './test-database';

// The embedded default as `npm start` opens it: PGlite on a worker thread of its own.
let opened: Promise<SqlStore> | undefined;
const workerStore = () => (opened ??= openPgliteStore(undefined));
afterAll(async () => {
  await (await opened)?.close();
});

storeContract('PGlite on a worker thread', async () => {
  const store = await workerStore();
  await truncateAll(store);
  return store;
});

describe('PGlite on a worker thread', () => {
  it('rolls back a failed transaction and keeps serving on the same session', async () => {
    const store = await workerStore();
    await truncateAll(store);
    const failed = store.transaction(async (tx) => {
      await tx.users.insert(user({ email: 'rolled-back@example.com' }));
      throw new Error('roll back');
    });
    await expect(failed).rejects.toThrow('roll back');
    expect(await store.users.getByEmail('rolled-back@example.com')).toBeNull();
    // The database error crosses the thread with its SQLSTATE (the store maps 23505 to UniqueViolation).
    await expect(sql`SELECT 1/0`.execute(store.kysely)).rejects.toMatchObject({ code: '22012' });
    await store.users.insert(user({ email: 'kept@example.com' }));
    expect(await store.users.count()).toBe(1);
  });

  it('keeps this event loop turning while a heavy statement runs on the worker', async () => {
    const store = await workerStore();
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks++;
      if (running) setImmediate(tick);
    };
    tick();
    const before = ticks;
    await sql`SELECT count(*) FROM generate_series(1, 2000000)`.execute(store.kysely);
    running = false;
    // PGlite in this thread would hold it for the whole statement: not one tick in between.
    expect(ticks - before).toBeGreaterThan(100);
  });

  it.runIf(platform() === 'linux')('runs the database at a lower priority than this thread, which answers apps', async () => {
    await workerStore();
    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value.
    const nice = (tid: string) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const values = readdirSync('/proc/self/task').map(nice);
    expect(nice(String(process.pid))).toBe(0);
    expect(values).toContain(10);
  });

  it('fails to open, without hanging, when PGlite cannot start in the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-not-a-folder-'));
    try {
      const file = join(dir, 'file');
      await writeFile(file, 'not a database folder');
      await expect(openPgliteStore(file)).rejects.toThrow(`PGlite could not open ${file}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  // Last: it closes the shared store (afterAll's second close is a no-op).
  it('stops the thread at close and refuses statements after it', async () => {
    const store = await workerStore();
    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed|destroyed/);
  });
});

describe('PGlite worker thread', () => {
  it('tells its own heap and the WebAssembly memory PGlite holds, until closed', async () => {
    const worker = await startPgliteWorker(undefined);
    const memory = await worker.memory();
    expect(memory.heapUsed).toBeGreaterThan(0);
    expect(memory.heapTotal).toBeGreaterThanOrEqual(memory.heapUsed);
    // PGlite's WebAssembly memory starts at tens of MiB.
    expect(memory.wasm).toBeGreaterThan(16 * 2 ** 20);
    await worker.close();
    await expect(worker.memory()).rejects.toThrow(/closed/);
    // Starting a second PGlite takes a while on a busy machine.
  }, 120_000);
});
