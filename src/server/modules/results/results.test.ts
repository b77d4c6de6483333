import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentResults } from '../../../shared/contract/results';
import { createTestApp, type Caller, type RawJson, type FieldProblem } from '../../test/harness';
import { experimentDoc, metricDoc, simulate } from './results-fixtures';

// Results API over the memory store with simulated traffic written through the store.

const purchase = metricDoc({ id: 'm-purchase', key: 'purchase', name: 'Purchases', kind: 'conversion', event: 'purchase' });
const revenue = metricDoc({ id: 'm-revenue', key: 'revenue', name: 'Revenue per user', kind: 'sum', event: 'purchase' });
const errors = metricDoc({ id: 'm-errors', key: 'errors', name: 'Errors', kind: 'conversion', event: 'app_error', direction: 'lower' });
const signups = metricDoc({ id: 'm-signup', key: 'signup', name: 'Sign-ups', kind: 'conversion', event: 'signup' });

async function world() {
  const t = createTestApp();
  const admin = await t.setupAdmin();
  for (const metric of [purchase, revenue, errors, signups]) await t.store.metrics.insert(metric);
  const get = async <T = RawJson>(path: string, caller: Caller = admin) => t.call<T>('GET', path, undefined, caller);
  return { ...t, admin, get };
}

const results = (response: { status: number; json: unknown }) => {
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json as ExperimentResults;
};

describe('results API', () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
    const metrics = { primary: purchase.id, secondary: [revenue.id], guardrails: [errors.id] };
    await w.store.experiments.insert(experimentDoc({ id: 'aa', key: 'aa', name: 'A/A', metrics }));
    await simulate(w.store, { experimentId: 'aa', users: 10_000, days: 7, seed: 11, prefix: 'aa', arms: [{ key: 'control', share: 0.5, purchaseRate: 0.2 }, { key: 'b', share: 0.5, purchaseRate: 0.2 }] });
    await w.store.experiments.insert(experimentDoc({ id: 'lift', key: 'lift', name: 'Lift', metrics }));
    await simulate(w.store, {
      experimentId: 'lift', users: 50_000, days: 14, seed: 12, prefix: 'lift',
      arms: [{ key: 'control', share: 0.5, purchaseRate: 0.2, errorRate: 0.05 }, { key: 'b', share: 0.5, purchaseRate: 0.22, errorRate: 0.07 }],
    });
    await w.store.experiments.insert(experimentDoc({ id: 'skew', key: 'skew', name: 'Skewed', metrics }));
    await simulate(w.store, { experimentId: 'skew', users: 10_000, days: 5, seed: 13, prefix: 'skew', arms: [{ key: 'control', share: 0.55, purchaseRate: 0.2 }, { key: 'b', share: 0.45, purchaseRate: 0.2 }] });
  }, 120_000);

  it('says "no difference" on an A/A test', async () => {
    const r = results(await w.get('/api/experiments/aa/results'));
    expect(r.query.engine).toBe('sequential');
    expect(['keep-running', 'no-difference']).toContain(r.headline.tone);
    expect(r.headline.text).not.toMatch(/ahead/);
    expect(r.metrics.slice(0, 2).map((m) => m.arms[1].comparison?.verdict)).toEqual(['no-difference', 'no-difference']);
    expect(r.srm.mismatch).toBe(false);
    // Nobody in this experiment hit an error: the guardrail has nothing to compare, and says so.
    expect(r.metrics[2].arms[1].comparison?.verdict).toBe('not-enough-data');
    expect(r.health.map((h) => [h.code, h.metricId])).toEqual([['event-not-after-exposure', 'm-errors']]);
    expect(r.variants.reduce((s, v) => s + v.users, 0)).toBe(10_000);
  });

  it('names the winner of a +10% lift on 50,000 users, and the guardrail it breaks', async () => {
    const r = results(await w.get('/api/experiments/lift/results'));
    expect(r.headline.tone).toBe('winner');
    expect(r.headline.variant).toBe('b');
    expect(r.headline.text).toMatch(/^Do not ship Variant B yet: it wins on Purchases \+\d+\.\d% \(\+\d+\.\d% to \+\d+\.\d%\), expected impact \+\d\.\d percentage points of users convert \(\d+\.\d% → \d+\.\d%\)\. But it makes Errors worse/);
    const [control, b] = r.metrics[0].arms;
    expect(control.users + b.users).toBe(50_000);
    expect(control.total / control.users).toBeCloseTo(0.2, 1);
    expect(b.comparison!.relative.expected).toBeGreaterThan(0.05);
    expect(b.comparison!.relative.ci[0]).toBeGreaterThan(0);
    expect(b.comparison!.pValue).toBeLessThan(0.05);
    expect(r.health.find((h) => h.code === 'guardrail-worse')).toMatchObject({ severity: 'error', metricId: 'm-errors' });
    // Series: one point per day and variant, cumulative up to every user.
    const days = new Set(r.exposures.map((e) => e.day));
    expect(days.size).toBe(14);
    expect(r.exposures.reduce((s, e) => s + e.users, 0)).toBe(50_000);
    const series = r.metrics[0].series;
    expect(series).toHaveLength(14 * 2);
    expect(series.at(-1)).toMatchObject({ variant: 'b', users: b.users });
    expect(series.at(-1)!.mean).toBeCloseTo(b.mean, 10);
    expect(series.at(-1)!.lift!.relative.expected).toBeCloseTo(b.comparison!.relative.expected, 10);
  });

  it('answers every engine and correction; Bayesian gives the chance to win', async () => {
    const bayes = results(await w.get('/api/experiments/lift/results?engine=bayesian'));
    const b = bayes.metrics[0].arms[1].comparison!;
    expect(b.chanceToWin).toBeGreaterThan(0.95);
    expect(b.pValue).toBeNull();
    expect(bayes.headline.text).toMatch(/% chance to beat control/);
    const errorsB = bayes.metrics[2].arms[1].comparison!;
    expect(errorsB.chanceToWin).toBeLessThan(0.05); // more errors: lower is better

    const raw = results(await w.get('/api/experiments/aa/results?engine=frequentist'));
    const holm = results(await w.get('/api/experiments/aa/results?engine=frequentist&correction=holm'));
    const rawP = raw.metrics.slice(0, 2).map((m) => m.arms[1].comparison!.pValue!);
    const holmP = holm.metrics.slice(0, 2).map((m) => m.arms[1].comparison!.adjustedPValue!);
    holmP.forEach((p, i) => expect(p).toBeGreaterThanOrEqual(rawP[i]));
    expect(Math.min(...holmP)).toBeCloseTo(Math.min(1, Math.min(...rawP) * 2), 10);
  });

  it('flags a skewed split as a sample ratio mismatch', async () => {
    const r = results(await w.get('/api/experiments/skew/results'));
    expect(r.srm.mismatch).toBe(true);
    expect(r.srm.pValue).toBeLessThan(0.001);
    expect(r.headline.tone).toBe('problem');
    const srm = r.health.find((h) => h.code === 'srm')!;
    expect(srm.explanation).toMatch(/Control 5,\d{3} \(expected 5,000\)/);
    expect(srm.fix).toMatch(/restart the experiment/);
  });

  it('breaks results down by a known-user attribute', async () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `lift-${i}`);
    await w.store.knownUsers.upsert('production', keys.map((targetingKey, i) => ({ targetingKey, attributes: { platform: i % 2 ? 'ios' : 'android' }, lastSeenAt: '2026-01-01T00:00:00.000Z' })));
    const r = results(await w.get('/api/experiments/lift/results?breakdown=platform'));
    expect(r.breakdown!.attribute).toBe('platform');
    expect(r.breakdown!.segments.map((s) => [s.label, s.users])).toEqual([['(not set)', 48_000], ['android', 1000], ['ios', 1000]]);
    expect(r.breakdown!.segments[1].metrics[0].arms).toHaveLength(2);
  });

  it('reuses the aggregates until events or exposures change', async () => {
    const aggregate = w.store.results.aggregate.bind(w.store.results);
    let calls = 0;
    w.store.results.aggregate = (query) => {
      calls++;
      return aggregate(query);
    };
    try {
      await w.get('/api/experiments/aa/results?engine=frequentist&from=2026-01-02');
      await w.get('/api/experiments/aa/results?engine=bayesian&from=2026-01-02&correction=bh');
      expect(calls).toBe(1);
      await w.store.events.insertBatch([{ id: 'late-1', type: 'track', targetingKey: 'aa-1', event: 'purchase', value: 10, timestamp: '2026-01-02T00:00:00.000Z', properties: null, receivedAt: '2026-01-02T00:00:00.000Z' }]);
      await w.get('/api/experiments/aa/results?engine=frequentist&from=2026-01-02');
      expect(calls).toBe(2);
    } finally {
      w.store.results.aggregate = aggregate;
    }
  });
});

describe('results API: bad input gives explanations, not errors', () => {
  it('explains an experiment with no metrics, and still counts exposures', async () => {
    const w = await world();
    await w.store.experiments.insert(experimentDoc({ id: 'bare', metrics: { primary: null, secondary: [], guardrails: [] } }));
    await simulate(w.store, { experimentId: 'bare', users: 500, days: 2, arms: [{ key: 'control', share: 0.5, purchaseRate: 0.1 }, { key: 'b', share: 0.5, purchaseRate: 0.1 }] });
    const r = results(await w.get('/api/experiments/bare/results'));
    expect(r.metrics).toEqual([]);
    expect(r.headline).toMatchObject({ tone: 'problem', text: 'Add a metric to this experiment to see which variant wins.' });
    expect(r.health.find((h) => h.code === 'no-metrics')?.fix).toMatch(/choose a primary metric/);
    expect(r.exposures.reduce((s, e) => s + e.users, 0)).toBe(500);
  });

  it('explains a metric whose event was never sent, and a date range with no data', async () => {
    const w = await world();
    await w.store.experiments.insert(experimentDoc({ id: 'nosignup', metrics: { primary: signups.id, secondary: [purchase.id], guardrails: [] } }));
    await simulate(w.store, { experimentId: 'nosignup', users: 400, days: 2, arms: [{ key: 'control', share: 0.5, purchaseRate: 0.1 }, { key: 'b', share: 0.5, purchaseRate: 0.1 }] });
    const r = results(await w.get('/api/experiments/nosignup/results'));
    expect(r.metrics[0]).toMatchObject({ id: 'm-signup', eventSent: false });
    expect(r.metrics[1]).toMatchObject({ id: 'm-purchase', eventSent: true });
    expect(r.headline.text).toBe('Sign-ups needs the "signup" event, which no app has sent yet.');
    expect(r.health.find((h) => h.code === 'event-never-sent')).toMatchObject({ metricId: 'm-signup', fix: expect.stringMatching(/POST \/sdk\/v1\/events/) });

    const empty = results(await w.get('/api/experiments/nosignup/results?from=2030-01-01&to=2030-01-31'));
    expect(empty.health.map((h) => h.code)).toEqual(['no-data-in-range']);
    expect(empty.health[0].explanation).toBe('400 users have been exposed, but none first between 2030-01-01 and 2030-01-31.');
    expect(empty.headline.tone).toBe('not-enough-data');
    expect(empty.metrics[0].arms.map((a) => a.users)).toEqual([0, 0]);
  });

  it('explains an experiment nobody has seen yet', async () => {
    const w = await world();
    await w.store.experiments.insert(experimentDoc({ id: 'draft', status: 'draft', startedAt: null }));
    const r = results(await w.get('/api/experiments/draft/results'));
    expect(r.health.map((h) => h.code)).toEqual(['no-exposures']);
    expect(r.health[0].fix).toMatch(/Start the experiment/);
    expect(r.headline.tone).toBe('not-enough-data');
  });

  it('refuses malformed queries with field errors, 404s an unknown experiment, and lets viewers read', async () => {
    const w = await world();
    await w.store.experiments.insert(experimentDoc({ id: 'x' }));
    const bad = await w.get<FieldProblem>('/api/experiments/x/results?engine=magic&breakdown=a%20b&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.breakdown', 'query.colour', 'query.engine']);
    const backwards = await w.get('/api/experiments/x/results?from=2026-02-01&to=2026-01-01');
    expect(backwards.json.errors).toEqual([expect.objectContaining({ path: 'query.to', message: 'End on or after the start' })]);
    expect((await w.get('/api/experiments/nope/results')).status).toBe(404);
    expect((await w.get('/api/experiments/x/results', {})).status).toBe(401);
    const viewer = await w.userWithRole(w.admin, 'viewer');
    expect((await w.get('/api/experiments/x/results', viewer)).status).toBe(200);
  });
});
