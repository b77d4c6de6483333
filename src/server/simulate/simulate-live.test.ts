import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Experiment } from '../../shared/contract/experiments';
import { systemClock } from '../lib/clock';
import { sharedPgliteStore, truncateAll } from '../store/sql/test-database';
import { createTestApp, type Caller } from '../test/harness';
import { systemActor } from '../modules/audit/audit-service';
import { transitionExperiment } from '../modules/experiments/experiments-service';
import { parseSimulationArgs } from './simulate-options';
import { runSimulation, type SimulationProgress } from './simulator';

// The simulator against a real server over HTTP (PGlite store, real clock so back-dated events
// are in the past): the server assigns variants, exposures and events arrive, the split follows
// the weights, a rerun counts once, and --skew provokes a sample ratio mismatch.

const USERS = 1500;
let t: ReturnType<typeof createTestApp>;
let server: ServerType;
let url: string;
let token: Caller;
let experimentId: string;

beforeAll(async () => {
  const store = await sharedPgliteStore();
  await truncateAll(store);
  t = createTestApp({ store, clock: systemClock });
  server = await new Promise((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const admin = await t.setupAdmin();
  token = await t.tokenWithRole(admin, 'admin');
  await t.call('POST', '/api/parameters', { key: 'cta', name: 'Call to action', spec: { type: 'string' }, defaultValue: 'Buy' }, admin);
  const metric = await t.call('POST', '/api/metrics', { key: 'shoe-purchase', name: 'Shoe purchase', kind: 'conversion', event: 'purchase', filters: [{ property: 'category', operator: 'equals', value: 'shoes' }] }, admin);
  const created = await t.call<Experiment>('POST', '/api/experiments', {
    key: 'cta-test', name: 'CTA test',
    variants: [{ key: 'control', name: 'Control', weight: 30, overrides: {} }, { key: 'b', name: 'B', weight: 70, overrides: { cta: 'Buy now' } }],
    metrics: { primary: metric.json.id, secondary: [], guardrails: [] },
  }, admin);
  experimentId = created.json.id;
  // Started five days ago, as far back as the simulated traffic goes: results count nothing
  // before the start, and the simulator never sends anything earlier.
  const fiveDaysAgo = { ...t.app.services, clock: { now: () => new Date(Date.now() - 5 * 86_400_000) } };
  const started = await transitionExperiment(fiveDaysAgo, experimentId, 'start', created.json.version, systemActor);
  expect(started.status).toBe('running');
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

// One end for every run: a rerun with the same seed and end sends the very same events.
let end: string | undefined;
const args = (extra: string[] = []) => {
  end ??= new Date().toISOString();
  return parseSimulationArgs(['--url', url, '--experiment', 'cta-test', '--users', String(USERS), '--days', '5', '--token', token.bearer!, '--rates', 'control=0.2,b=0.4', '--seed', 'live', '--end', end, '--batch', '200', ...extra]);
};

describe('simulator against a live server', () => {
  it('sends exposures and metric events that the server stores, with the split of the weights', async () => {
    const progress: SimulationProgress[] = [];
    const summary = await runSimulation(args(), (p) => progress.push(p));
    const enrolled = summary.enrolled.control + summary.enrolled.b;
    expect(enrolled).toBe(USERS);
    // 30/70 by the server's own hash: within 4 standard deviations (about 3.5 points at 1,500 users).
    expect(Math.abs(summary.enrolled.control / USERS - 0.3)).toBeLessThan(0.035);
    expect(summary.events).toEqual(['purchase']);
    expect(summary.accepted).toBe(summary.eventsSent);
    expect(progress.at(-1)).toMatchObject({ usersDone: USERS, users: USERS, eventsSent: summary.eventsSent });

    await t.app.services.exposures.flush();
    const counts = Object.fromEntries((await t.app.services.store.exposures.counts(experimentId)).map((c) => [c.variant, c.users]));
    expect(counts).toEqual({ control: summary.enrolled.control, b: summary.enrolled.b });
    const catalog = await t.app.services.store.events.catalog();
    const purchase = catalog.find((e) => e.event === 'purchase' && e.type === 'track')!;
    expect(purchase.properties).toContain('category');
    const exposure = catalog.find((e) => e.type === 'exposure')!;
    expect(exposure.count).toBe(USERS);
    expect(purchase.count + exposure.count).toBe(summary.eventsSent);
    // Users convert at about the true rates, and the exposures are back-dated over the 5 days.
    const rows = await t.app.services.store.results.aggregate({ experimentId, metrics: await t.app.services.store.metrics.list(false), from: null, to: null, groupBy: { kind: 'day' }, preExposureDays: 0 });
    const total = (variant: string) => rows.filter((r) => r.variant === variant).reduce((sum, r) => ({ users: sum.users + r.users, m: sum.m + r.metrics[0].m }), { users: 0, m: 0 });
    expect(total('control').m / total('control').users).toBeCloseTo(0.2, 1);
    expect(total('b').m / total('b').users).toBeCloseTo(0.4, 1);
    expect(new Set(rows.map((r) => r.bucket)).size).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('counts a rerun with the same seed once, and drops a share of one variant with --skew', async () => {
    const rerun = await runSimulation(args());
    expect(rerun.accepted).toBe(0);
    expect(rerun.duplicates).toBe(rerun.eventsSent);

    const skewed = await runSimulation(args(['--seed', 'skewed', '--skew', 'b=0.5']));
    expect(skewed.dropped.b).toBeGreaterThan(0);
    expect(skewed.dropped.control).toBeUndefined();
    // Half of B's users never arrive: B falls from about 70% to about 54% of those exposed.
    const share = skewed.enrolled.b / (skewed.enrolled.b + skewed.enrolled.control);
    expect(share).toBeGreaterThan(0.49);
    expect(share).toBeLessThan(0.59);
  }, 120_000);
});
