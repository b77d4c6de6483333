import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/app';
import { nodePasswordHasher } from '../../src/server/node/password-node';
import { openPgliteStore, openPostgresStore } from '../../src/server/store/sql/open';
import { startStallMonitor } from '../lib/stall-monitor';
import { ATTRIBUTE_SEGMENTS, BEHAVIOUR_SEGMENTS, eventBatches, seedBehaviourSegments } from './behaviour-seed';
import { seedParameters } from './seed';

// The behavioural benches' server, one per process: the real app (PGlite, or PostgreSQL at
// DATABASE_URL with STORE=postgres) with PARAMETERS parameters and, with SEGMENTS=behaviour, the
// ten behavioural segments targeted by rules (behaviour-seed.ts); SEGMENTS=none is the reference,
// SEGMENTS=attribute the same rules on attribute segments (answers that vary per user, no behaviour).
// PRELOAD_USERS=N first stores the events of N users in-process (the store's insertBatch, as
// ingestion does, without HTTP), then measures the memory around the state's load from them.
// A control port answers GET /memory (after a full GC, with the state's memoryStats) and GET /sync.
const storeKind = process.env.STORE ?? 'pglite';
const segments = { behaviour: BEHAVIOUR_SEGMENTS, attribute: ATTRIBUTE_SEGMENTS }[process.env.SEGMENTS ?? 'none'] ?? null;
const parameters = Number(process.env.PARAMETERS ?? 200);
const preloadUsers = Number(process.env.PRELOAD_USERS ?? 0);

const gc = (globalThis as { gc?: () => void }).gc;
function memory() {
  // Twice: the first full collection can leave finalised objects for the second.
  gc?.();
  gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, external, arrayBuffers, gcForced: gc !== undefined };
}

const dir = await mkdtemp(join(tmpdir(), 'switchboard-behaviour-'));
const store = storeKind === 'postgres' ? await openPostgresStore(process.env.DATABASE_URL!) : await openPgliteStore(dir);
const app = createApp({ store, passwords: nodePasswordHasher, log: (m, d) => console.error(m, d) });
const state = app.services.behaviour;
const key = await seedParameters(app, parameters);

let preload: Record<string, unknown> | null = null;
if (preloadUsers > 0) {
  const now = Date.now();
  let events = 0;
  let started = performance.now();
  // A few batches in flight, as concurrent ingestion would: the store groups them into commits.
  const inFlight = new Set<Promise<unknown>>();
  for (const batch of eventBatches(0, preloadUsers, 5000, now)) {
    events += batch.length;
    const write = store.events.insertBatch(batch).finally(() => inFlight.delete(write));
    inFlight.add(write);
    if (inFlight.size >= 4) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const insertSeconds = (performance.now() - started) / 1000;
  await state.sync();
  const before = memory();
  if (segments) await seedBehaviourSegments(app, segments);
  // The first sync after the segments came into use loads every spec from the events table.
  started = performance.now();
  await state.sync();
  const loadSeconds = (performance.now() - started) / 1000;
  const after = memory();
  preload = { users: preloadUsers, events, insertSeconds, loadSeconds, before, after, stats: state.memoryStats() };
} else if (segments) {
  await seedBehaviourSegments(app, segments);
  await state.sync();
}
// Every second, as the Node entry runs it (src/server/node/start-server.ts).
state.start();

const controlPort = await new Promise<number>((resolve) => {
  const control = createServer((req, res) => {
    const answer = async () => {
      if (req.url === '/sync') {
        const started = performance.now();
        await state.sync();
        return { ms: performance.now() - started };
      }
      return { ...memory(), stats: state.memoryStats() };
    };
    answer().then(
      (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
  control.listen(0, '127.0.0.1', () => resolve((control.address() as { port: number }).port));
  control.unref();
});
const stallsPort = await startStallMonitor();
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, key, pid: process.pid, stallsPort, controlPort, preload })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void state
    .stop()
    .then(() => store.close())
    .then(() => rm(dir, { recursive: true, force: true }))
    .then(() => process.exit(0));
});
