import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createApp } from '../src/server/app';
import { experimentResults } from '../src/server/modules/results/results-service';
import { experimentDoc, metricDoc } from '../src/server/modules/results/results-fixtures';
import { nodePasswordHasher } from '../src/server/node/password-node';
import { openPgliteStore, openPostgresStore } from '../src/server/store/sql/open';
import type { SqlStore } from '../src/server/store/sql/sql-store';
import type { StoredEvent } from '../src/server/store/types';
import { experimentMetrics } from '../src/server/modules/results/result-rollups';

const USERS = 1_000_000;
const EVENTS = 5_000_000;
export const EXPERIMENT = 'bench-results';

const metrics = [
  metricDoc({ id: 'bench-purchase', name: 'Purchases', kind: 'conversion', event: 'purchase' }),
  metricDoc({ id: 'bench-revenue', name: 'Revenue per user', kind: 'sum', event: 'purchase', windowHours: 72 }),
  metricDoc({ id: 'bench-cart', name: 'Shoes added to cart', kind: 'count', event: 'add_to_cart', filters: [{ property: 'category', operator: 'equals', value: 'shoes' }] }),
];

/**
 * Set-based seed: 1,000,000 users exposed over 14 days (two variants), then 5,000,000 events
 * (half page views, which no metric reads; add to cart; purchases with a value), each from one
 * day before to six days after its user's exposure so CUPED has history to use.
 */
export async function seed(store: SqlStore, size = { users: USERS, events: EVENTS }) {
  const db = store.kysely;
  await store.experiments.insert(experimentDoc({ id: EXPERIMENT, key: EXPERIMENT, metrics: { primary: metrics[0].id, secondary: [metrics[1].id], guardrails: [metrics[2].id] } }));
  for (const metric of metrics) await store.metrics.insert(metric);
  const start = EXPERIMENT_START;
  await sql`
    INSERT INTO exposures (experiment_id, targeting_key, variant, first_seen_at)
    SELECT ${EXPERIMENT}, 'u' || i, CASE WHEN (i * 2654435761) % 100 < 50 THEN 'control' ELSE 'b' END,
      ${start}::timestamptz + make_interval(secs => i * 1.2096)
    FROM generate_series(1, ${size.users}::int) AS i`.execute(db);
  await sql`
    INSERT INTO events (id, type, targeting_key, event, value, ts, properties, received_at)
    SELECT 'e' || g, 'track', 'u' || u,
      CASE WHEN g % 10 < 5 THEN 'page_view' WHEN g % 10 < 8 THEN 'add_to_cart' ELSE 'purchase' END,
      CASE WHEN g % 10 >= 8 THEN 10 + (g % 90) ELSE NULL END,
      ${start}::timestamptz + make_interval(secs => u * 1.2096) + make_interval(hours => (g % 168) - 24),
      jsonb_build_object('category', CASE WHEN g % 3 = 0 THEN 'shoes' ELSE 'bags' END),
      now()
    FROM (SELECT g, 1 + (g::bigint * 7919) % ${size.users}::int AS u FROM generate_series(1, ${size.events}::int) AS g) AS s`.execute(db);
  await sql`ANALYZE`.execute(db);
}

const EXPERIMENT_START = '2026-01-01T00:00:00Z';
const ARRIVALS = 10_000;

/** The next few seconds of traffic: events from existing and new users, received now. */
function arrivals(start: string): StoredEvent[] {
  const at = (i: number) => new Date(Date.parse(start) + 15 * 86_400_000 + i).toISOString();
  return Array.from({ length: ARRIVALS }, (_, i) => ({
    id: `arrival-${i}`,
    type: 'track' as const,
    targetingKey: i % 10 === 0 ? `new-${i}` : `u${1 + ((i * 7919) % USERS)}`,
    event: i % 2 === 0 ? 'purchase' : 'add_to_cart',
    value: i % 2 === 0 ? 25 : null,
    timestamp: at(i),
    properties: { category: i % 3 === 0 ? 'shoes' : 'bags' },
    receivedAt: new Date().toISOString(),
  }));
}

function newExposures(start: string) {
  const at = new Date(Date.parse(start) + 15 * 86_400_000).toISOString();
  return Array.from({ length: ARRIVALS / 10 }, (_, n) => ({ experimentId: EXPERIMENT, targetingKey: `new-${n * 10}`, variant: n % 2 === 0 ? 'control' : 'b', firstSeenAt: at }));
}

async function seconds<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await run();
  return [(performance.now() - started) / 1000, value];
}

async function measure(kind: 'pglite' | 'postgres') {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-results-'));
  const store = kind === 'postgres' ? await openPostgresStore(process.env.DATABASE_URL!) : await openPgliteStore(dir);
  try {
    if (kind === 'postgres') await sql`TRUNCATE events, exposures, experiments, metrics`.execute(store.kysely);
    const [seedSeconds] = await seconds(() => seed(store));
    const app = createApp({ store, passwords: nodePasswordHasher, log: () => {} });
    const query = { engine: 'sequential' as const, correction: 'none' as const, cuped: 'on' as const };
    const [scan] = await seconds(() => sql`SELECT count(*) FROM events`.execute(store.kysely));
    // The floor of any exact answer: join the metrics' events to the exposed users, one group per user.
    const [floor] = await seconds(() =>
      store.kysely.transaction().execute(async (trx) => {
        await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
        return sql`SELECT count(*) FROM (SELECT x.targeting_key FROM exposures x JOIN events e ON e.targeting_key = x.targeting_key
          AND e.type = 'track' AND e.event IN ('purchase', 'add_to_cart') WHERE x.experiment_id = ${EXPERIMENT} GROUP BY x.targeting_key) AS users`.execute(trx);
      }),
    );
    // Rollups are built once per metric change and then follow the events (refreshRunningRollups
    // in the background, and a results request catches up first): the build is ingest-side work.
    const { found } = await experimentMetrics(store, (await store.experiments.getById(EXPERIMENT))!);
    const [build] = await seconds(() => store.results.refreshRollups({ experimentId: EXPERIMENT, metrics: found, to: null }));
    const [cold, results] = await seconds(() => experimentResults(app.services, EXPERIMENT, query));
    const [warm] = await seconds(() => experimentResults(app.services, EXPERIMENT, { ...query, engine: 'bayesian' }));
    // New data arrives through the real ingest path: the next request recomputes only its users.
    await store.events.insertBatch(arrivals(EXPERIMENT_START));
    await store.exposures.record(newExposures(EXPERIMENT_START));
    const [fresh, after] = await seconds(() => experimentResults(app.services, EXPERIMENT, query));
    // A chosen end date cannot use the rollups: it joins the events, as every request did before.
    const [exact] = await seconds(() => experimentResults(app.services, EXPERIMENT, { ...query, to: '2026-12-31' }));
    const users = results.variants.reduce((s, v) => s + v.users, 0);
    const added = after.variants.reduce((s, v) => s + v.users, 0) - users;
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const line = (label: string, value: number, extra = '') => console.log(`  ${kind.padEnd(8)} ${label.padEnd(50)} ${value.toFixed(2).padStart(6)} s${extra}`);
    console.log(`  ${kind.padEnd(8)} seeded in ${seedSeconds.toFixed(0)} s; ${users.toLocaleString('en')} users, ${results.metrics.length} metrics, ${new Set(results.exposures.map((e) => e.day)).size} days of exposures`);
    line('reference SELECT count(*) FROM events', scan);
    line('reference join + group by user', floor);
    line('rollup build, once per metric change (ingest side)', build);
    line('all results (rollups + statistics)', cold, `  (${(cold / scan).toFixed(1)}× the scan)${kind === 'postgres' ? `   target < 2 s: ${verdict(cold < 2)}` : ''}`);
    line('switching engine (cached aggregates)', warm);
    line(`fresh results after ${ARRIVALS.toLocaleString('en')} new events, ${added.toLocaleString('en')} new users`, fresh);
    line('results with a chosen end date (joins the events)', exact);
    console.log(`  ${kind.padEnd(8)} headline: ${results.headline.text}`);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** All results of an experiment with 1,000,000 exposed users, 5,000,000 events and 3 metrics. */
export async function resultsBench(): Promise<void> {
  console.log(`\nResults: ${USERS.toLocaleString('en')} exposed users, ${EVENTS.toLocaleString('en')} events, ${metrics.length} metrics (CUPED on, sequential)`);
  // RESULTS_BENCH_STORES=postgres (or pglite) runs one of them: seeding PGlite takes minutes.
  const available: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['postgres', 'pglite'] : ['pglite'];
  const wanted = process.env.RESULTS_BENCH_STORES?.split(',');
  const kinds = available.filter((kind) => !wanted || wanted.includes(kind));
  for (const kind of kinds) await measure(kind);
  if (!process.env.DATABASE_URL) console.log('  (PostgreSQL: run `scripts/with-postgres.sh npm run bench` to include it)');
}
