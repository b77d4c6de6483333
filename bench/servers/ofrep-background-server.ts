import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { createApp } from '../../src/server/app';
import { experimentMetrics } from '../../src/server/modules/results/result-rollups';
import { nodePasswordHasher } from '../../src/server/node/password-node';
import { openPgliteStore } from '../../src/server/store/sql/open';
import { EXPERIMENT, seed } from '../results-bench';
import { startStallMonitor } from '../lib/stall-monitor';
import { adminSession, seedParameters } from './seed';

// The real app on PGlite (its worker thread) with PARAMETERS parameters, a running experiment of
// USERS exposed users and EVENTS events (bench/results-bench.ts), KNOWN_USERS known users for
// reach, and an admin session for the bench to ask for results and reach as the dashboard does.
// A control port rebuilds the experiment's rollups from scratch on each POST: the work a metric
// change starts on the ingest side, which no HTTP route runs on demand.
const parameters = Number(process.env.PARAMETERS ?? 200);
const users = Number(process.env.USERS ?? 1_000_000);
const events = Number(process.env.EVENTS ?? 2_000_000);
const knownUsers = Number(process.env.KNOWN_USERS ?? 100_000);
const body = JSON.stringify({ context: { targetingKey: 'user-1', country: 'CA' } });

const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
const store = await openPgliteStore(dir);
// As `npm start` on PGlite runs it (src/server/node/start-server.ts): the only writer.
const app = createApp({ store, passwords: nodePasswordHasher, log: () => {}, config: { soleWriter: true } });
const key = await seedParameters(app, parameters);
await seed(store, { users, events });

const lastSeenAt = new Date().toISOString();
const countries = ['CA', 'US', 'FR', 'DE'];
const BATCH = 5000;
for (let from = 0; from < knownUsers; from += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, knownUsers - from) }, (_, j) => ({
    targetingKey: `u${from + j + 1}`,
    attributes: { country: countries[(from + j) % 4], platform: (from + j) % 3 ? 'ios' : 'android' },
    lastSeenAt,
  }));
  await store.knownUsers.upsert('production', batch);
}

const { cookie, csrf } = await adminSession(app);

async function rebuildRollups(): Promise<{ seconds: number; users: number }> {
  const started = performance.now();
  const experiment = (await store.experiments.getById(EXPERIMENT))!;
  const { found } = await experimentMetrics(store, experiment);
  await sql`DELETE FROM result_rollup_state WHERE experiment_id = ${EXPERIMENT}`.execute(store.kysely);
  const { users: rebuilt } = await store.results.refreshRollups({ experimentId: EXPERIMENT, metrics: found, to: null });
  return { seconds: (performance.now() - started) / 1000, users: rebuilt };
}
// The first build before the bench starts, so results requests read rollups as in production.
await rebuildRollups();

const control = createServer((request, response) => {
  if (request.method !== 'POST') return void response.writeHead(405).end();
  rebuildRollups().then(
    (result) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
    (error: unknown) => response.writeHead(500).end(String(error)),
  );
});
const controlPort = await new Promise<number>((resolve) => control.listen(0, '127.0.0.1', () => resolve((control.address() as { port: number }).port)));

const stallsPort = await startStallMonitor();
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, key, body, pid: process.pid, stallsPort, controlPort, cookie, csrf, experimentId: EXPERIMENT })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  control.close();
  void store.close().then(() => rm(dir, { recursive: true, force: true })).then(() => process.exit(0));
});
