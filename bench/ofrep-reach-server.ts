import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app';
import { nodePasswordHasher } from '../src/server/node/password-node';
import { openPgliteStore } from '../src/server/store/sql/open';
import { CONTEXT_LIMITS } from '../src/server/http/limits';
import { startStallMonitor } from './lib/stall-monitor';
import { adminSession, seedParameters } from './servers/seed';

// The real app on PGlite with PARAMETERS parameters and KNOWN_USERS known users, each with a
// `ua` as long as a context may send (1,000 chars: the longest value a hostile pattern can be
// made to chew on), and an admin session for the bench to ask for reach as a viewer would.
const count = Number(process.env.PARAMETERS ?? 200);
const knownUsers = Number(process.env.KNOWN_USERS ?? 100_000);
const body = JSON.stringify({ context: { targetingKey: 'user-1', country: 'CA' } });

const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
const store = await openPgliteStore(dir);
// soleWriter: as `npm start` runs PGlite (src/server/node/start-server.ts).
const app = createApp({ store, passwords: nodePasswordHasher, log: () => {}, config: { soleWriter: true } });
const key = await seedParameters(app, count);

const lastSeenAt = new Date().toISOString();
const countries = ['CA', 'US', 'FR', 'DE'];
const BATCH = 2000;
for (let from = 0; from < knownUsers; from += BATCH) {
  const users = Array.from({ length: Math.min(BATCH, knownUsers - from) }, (_, j) => {
    const i = from + j;
    // Only a's and b's (the pattern's alphabet, so nothing ends a match early), the user's number
    // in binary at the end: varied, so the engine's state cache is not simply replayed.
    const tail = i.toString(2).replace(/0/g, 'a').replace(/1/g, 'b');
    const ua = 'ab'.repeat(CONTEXT_LIMITS.maxStringLength / 2).slice(0, CONTEXT_LIMITS.maxStringLength - tail.length) + tail;
    return { targetingKey: `user-${i}`, attributes: { country: countries[i % 4], ua }, lastSeenAt };
  });
  await store.knownUsers.upsert('production', users);
}

const { cookie, csrf } = await adminSession(app);

const stallsPort = await startStallMonitor();
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, key, body, pid: process.pid, stallsPort, cookie, csrf })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void store.close().then(() => rm(dir, { recursive: true, force: true })).then(() => process.exit(0));
});
