import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createExperimentBodySchema } from '../../src/shared/contract/experiments';
import { createApp } from '../../src/server/app';
import { systemActor } from '../../src/server/modules/audit/audit-service';
import { createExperiment, transitionExperiment } from '../../src/server/modules/experiments/experiments-service';
import { nodePasswordHasher } from '../../src/server/node/password-node';
import { openPgliteStore } from '../../src/server/store/sql/open';
import { seedParameters, valueFor } from './seed';

// The real app on PGlite with PARAMETERS parameters and EXPERIMENTS running experiments (0 for
// the reference). Experiment i overrides parameters 2i and 2i+1, so none collide; a quarter have
// an inline audience (country), a quarter share a mutual-exclusion layer, some run at partial
// allocation or with three variants: the paths evaluation takes for real experiments.
const parameters = Number(process.env.PARAMETERS ?? 200);
const experiments = Number(process.env.EXPERIMENTS ?? 20);

const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
const store = await openPgliteStore(dir);
// soleWriter: as `npm start` runs PGlite (src/server/node/start-server.ts).
const app = createApp({ store, passwords: nodePasswordHasher, log: () => {}, config: { soleWriter: true } });
const key = await seedParameters(app, parameters);
const param = (n: number) => `param_${String(n).padStart(3, '0')}`;
const overrides = (i: number, v: number) => (v === 0 ? {} : { [param(2 * i)]: valueFor(2 * i, v), [param(2 * i + 1)]: valueFor(2 * i + 1, v) });
for (let i = 0; i < experiments; i++) {
  const variantCount = i % 5 === 0 ? 3 : 2;
  const created = await createExperiment(app.services, createExperimentBodySchema.parse({
    key: `bench-experiment-${i}`,
    name: `Bench experiment ${i}`,
    variants: Array.from({ length: variantCount }, (_, v) => ({ key: v === 0 ? 'control' : `v${v}`, name: `V${v}`, weight: 100 / variantCount, overrides: overrides(i, v) })),
    allocation: i % 3 === 0 ? 50 : 100,
    audience: i % 4 === 1 ? { kind: 'condition', condition: { country: { $in: ['CA', 'US'] } } } : { kind: 'everyone' },
    layer: i % 4 === 2 ? { name: 'checkout', share: 20 } : null,
  }), systemActor);
  await transitionExperiment(app.services, created.id, 'start', created.version, systemActor);
}

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, key, pid: process.pid })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void app.services.exposures.flush()
    .then(() => store.close())
    .then(() => rm(dir, { recursive: true, force: true }))
    .then(() => process.exit(0));
});
