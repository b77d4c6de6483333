import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExperimentBodySchema } from '../../src/shared/contract/experiments';
import { systemActor } from '../../src/server/modules/audit/audit-service';
import { createExperiment, transitionExperiment } from '../../src/server/modules/experiments/experiments-service';
import { createSdkKey } from '../../src/server/modules/sdk-keys/sdk-keys-service';
import { readSettings } from '../../src/server/node/settings';
import { startServer } from '../../src/server/node/start-server';
import { openPgliteStore } from '../../src/server/store/sql/open';
import type { PgliteWorker } from '../../src/server/store/sql/pglite-worker-host';
import { startStallMonitor } from '../lib/stall-monitor';
import { seedParameters } from './seed';

// The soak's server, started as `npm start` starts it (startServer: PGlite on its worker thread in
// a fresh DATA_DIR, with the timers that write known users and exposures, the scheduler and the
// results rollups), seeded with PARAMETERS parameters, a client SDK key and one running experiment
// on param_000 (a string), so every new user is assigned and an exposure recorded.
const parameters = Number(process.env.PARAMETERS ?? 200);
const dir = await mkdtemp(join(tmpdir(), 'switchboard-soak-'));
const settings = readSettings({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, DATABASE_URL: '' });
// Opened here as startServer would open it, keeping the worker to ask it for its memory.
let worker: PgliteWorker | undefined;
const running = await startServer(settings, openPgliteStore(dir, { onWorker: (opened) => (worker = opened) }));
const services = running.app.services;
await seedParameters(running.app, parameters);
const key = (await createSdkKey(services, { name: 'soak client', kind: 'client', allowEvents: true }, systemActor)).secret;
const experiment = await createExperiment(services, createExperimentBodySchema.parse({
  key: 'soak-experiment',
  name: 'Soak experiment',
  variants: [
    { key: 'control', name: 'Control', weight: 50, overrides: {} },
    { key: 'treatment', name: 'Treatment', weight: 50, overrides: { param_000: 'Winter sale: 30% off everything' } },
  ],
  allocation: 100,
  audience: { kind: 'everyone' },
  layer: null,
}), systemActor);
await transitionExperiment(services, experiment.id, 'start', experiment.version, systemActor);

// Event-loop delay and GC pauses of this process, read by the bench per window on a port of its own.
// With them, the sizes of what the server remembers per user (exposed users, users written lately).
// And the PGlite worker's heap and WebAssembly memory, the last figures it sent (asked for each second).
let workerMemory = { heapUsed: Number.NaN, heapTotal: Number.NaN, wasm: Number.NaN };
setInterval(() => void worker?.memory().then((memory) => (workerMemory = memory), () => {}), 1000).unref();
const stallsPort = await startStallMonitor(() => {
  const exposures = services.exposures.remembered;
  const known = services.knownUsers.remembered;
  const mib = (bytes: number) => bytes / 2 ** 20;
  return {
    exposedUsers: exposures.users,
    exposedMiB: mib(exposures.bytes),
    knownUsers: known.users,
    knownMiB: mib(known.bytes),
    workerHeapTotalMiB: mib(workerMemory.heapTotal),
    workerWasmMiB: mib(workerMemory.wasm),
  };
});
process.stdout.write(`${JSON.stringify({ port: Number(new URL(running.url).port), key, pid: process.pid, stallsPort })}\n`);
process.on('SIGTERM', () => {
  void running.close()
    .then(() => rm(dir, { recursive: true, force: true }))
    .then(() => process.exit(0));
});
