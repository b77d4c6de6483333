import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { createApp } from '../../src/server/app';
import { systemActor } from '../../src/server/modules/audit/audit-service';
import { createSdkKey } from '../../src/server/modules/sdk-keys/sdk-keys-service';
import { nodePasswordHasher } from '../../src/server/node/password-node';
import { openPgliteStore, openPostgresStore } from '../../src/server/store/sql/open';

// MODE=switchboard: POST /sdk/v1/events on the real app (STORE=pglite | postgres via DATABASE_URL).
// MODE=bare: a Hono endpoint that reads and parses the same JSON and answers without storing.
const mode = process.env.MODE ?? 'switchboard';
const dir = await mkdtemp(join(tmpdir(), 'switchboard-events-'));
const store = process.env.STORE === 'postgres' ? await openPostgresStore(process.env.DATABASE_URL!) : await openPgliteStore(dir);
if (store.kind === 'postgres') await sql`TRUNCATE events`.execute(store.kysely);
const app = createApp({ store, passwords: nodePasswordHasher, log: (m, d) => console.error(m, d) });
const key = (await createSdkKey(app.services, { name: 'bench', kind: 'server', allowEvents: true }, systemActor)).secret;

let fetchHandler = app.fetch;
if (mode === 'bare') {
  const bare = new Hono();
  bare.post('/sdk/v1/events', async (c) => {
    const body = (await c.req.json()) as { events: unknown[] };
    return c.json({ accepted: body.events.length, duplicates: 0 });
  });
  fetchHandler = bare.fetch;
}

// Counted so that shutdown waits for batches still being written, even if the client gave up.
let inFlight = 0;
let lastActivity = Date.now();
const counted = async (...args: Parameters<typeof fetchHandler>) => {
  inFlight++;
  lastActivity = Date.now();
  try {
    return await fetchHandler(...args);
  } finally {
    inFlight--;
    lastActivity = Date.now();
  }
};

const server = serve({ fetch: counted, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, key, pid: process.pid })}\n`);
});
process.on('SIGTERM', async () => {
  // Requests the load generator wrote before it stopped may still sit in sockets: handle them,
  // and wait until nothing has run for a moment, so every batch commits before the store closes.
  server.close();
  const started = Date.now();
  while ((inFlight > 0 || Date.now() - lastActivity < 300) && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 50));
  if (mode === 'switchboard') {
    const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM events`.execute(store.kysely);
    console.error(`stored events: ${row.rows[0].n}`);
  }
  await store.close();
  await rm(dir, { recursive: true, force: true });
  process.exit(0);
});
