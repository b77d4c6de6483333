import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { nodePasswordHasher } from '../../src/server/node/password-node';
import { openPgliteStore } from '../../src/server/store/sql/open';
import { startStallMonitor } from '../lib/stall-monitor';
import { seedEnvironmentKeys, seedParameters } from './seed';

// One benchmark server per process, so the load generator never shares its event loop.
// MODE=switchboard: the real app on PGlite with PARAMETERS parameters.
// MODE=bare: a plain Hono endpoint answering the same body, computed once in advance (as bytes,
// so the reference does no per-request work Switchboard could avoid: it is the ceiling).
// ENVIRONMENTS=3: a key for each of Production, Staging and Development, each environment with a
// value of its own; bare answers each key its precomputed body (one map lookup).
const mode = process.env.MODE ?? 'switchboard';
const count = Number(process.env.PARAMETERS ?? 200);
const body = JSON.stringify({ context: { targetingKey: 'user-1', country: 'CA' } });

const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
const store = await openPgliteStore(dir);
// soleWriter: as `npm start` runs PGlite (src/server/node/start-server.ts).
const app = createApp({ store, passwords: nodePasswordHasher, log: () => {}, config: { soleWriter: true } });
const key = await seedParameters(app, count);
const keys = Number(process.env.ENVIRONMENTS ?? 1) > 1 ? [key, ...(await seedEnvironmentKeys(app))] : [key];

let fetchHandler = app.fetch;
if (mode === 'bare') {
  const answers = new Map<string, { bytes: Uint8Array<ArrayBuffer>; headers: Record<string, string> }>();
  for (const secret of keys) {
    const response = await app.request('/ofrep/v1/evaluate/flags', { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body });
    // The same headers Switchboard sends (content type, ETag, CORS), as a plain object: the cheapest
    // way to answer on @hono/node-server (c.body with two or more headers builds a Headers object).
    answers.set(`Bearer ${secret}`, { bytes: new Uint8Array(await response.arrayBuffer()), headers: Object.fromEntries(response.headers) });
  }
  const bare = new Hono();
  bare.post('/ofrep/v1/evaluate/flags', (c) => {
    const answer = answers.get(c.req.header('authorization') ?? '')!;
    return new Response(answer.bytes, { status: 200, headers: answer.headers });
  });
  fetchHandler = bare.fetch;
}

// Event-loop delay and GC pauses of this process, read by the bench per round on a port of its own.
const stallsPort = await startStallMonitor();
const server = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, key, keys, body, pid: process.pid, stallsPort })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void store.close().then(() => rm(dir, { recursive: true, force: true })).then(() => process.exit(0));
});
