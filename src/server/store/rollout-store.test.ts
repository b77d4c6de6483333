import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROLLOUT_STEPS, type Rollout } from '../../shared/contract/rollouts';
import { closeStoresUnderTest, storesUnderTest } from './sql/test-database';

// The rollout store on memory, PGlite and PostgreSQL (TEST_DATABASE_URL): documents whole,
// filtered lists newest first, compare-and-set, and the due list the monitor reads.

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

function rollout(overrides: Partial<Rollout> = {}): Rollout {
  return {
    id: 'r1', environmentId: 'production', name: 'Warmer headline', status: 'running',
    source: { kind: 'promotion', experimentId: 'e1', experimentName: 'Headline', variant: 'b' },
    audience: { kind: 'segment', segmentId: 's1' },
    changes: [{ parameterKey: 'headline', parameterName: 'Headline', before: 'Hello', after: { text: 'Hi', emoji: ['👋'] } }],
    steps: DEFAULT_ROLLOUT_STEPS, stepIndex: 1, stepStartedAt: at(1),
    guardrails: ['m1'], rules: { harmAlpha: 0.05, rollBackOnSrm: true, checkEveryMinutes: 5 },
    experimentId: 'e2',
    lastCheck: {
      at: at(2), stepIndex: 1, stepUsers: { old: 900, new: 100 }, srmPValue: 0.4, decision: 'hold', summary: 'Step 2 held',
      guardrails: [{ metricId: 'm1', metricName: 'Errors', higherIsBetter: false, oldUsers: 900, newUsers: 100, oldMean: 0.1, newMean: 0.12, lift: 0.2, interval: [-0.1, 0.5], harmful: false }],
    },
    nextCheckAt: at(10),
    log: [{ at: at(1), kind: 'started', stepIndex: 0, message: 'Started', by: 'Ada' }],
    version: 1, createdAt: at(1), createdBy: 'Ada', updatedAt: at(1), endedAt: null,
    ...overrides,
  };
}

const stores = storesUnderTest();
afterAll(closeStoresUnderTest);

describe.each(stores)('rollout store: %s', { timeout: 60_000 }, (_name, open) => {
  it('stores a rollout whole, lists it newest first by environment and status, and compares-and-sets', async () => {
    const store = await open();
    const first = rollout();
    const second = rollout({ id: 'r2', environmentId: 'staging', createdAt: at(5) });
    const third = rollout({ id: 'r3', status: 'rolled_back', nextCheckAt: null, createdAt: at(9) });
    for (const r of [first, second, third]) await store.rollouts.insert(r);

    expect(await store.rollouts.getById('r1')).toEqual(first);
    expect(await store.rollouts.getById('missing')).toBeNull();
    expect((await store.rollouts.list({})).map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
    expect((await store.rollouts.list({ environmentId: 'production' })).map((r) => r.id)).toEqual(['r3', 'r1']);
    expect((await store.rollouts.list({ status: 'running' })).map((r) => r.id)).toEqual(['r2', 'r1']);

    const paused = { ...first, status: 'paused' as const, nextCheckAt: null, version: 2 };
    expect(await store.rollouts.update(paused, 1)).toEqual(paused);
    expect(await store.rollouts.getById('r1')).toEqual(paused);
    // The stored version is 2 now: a writer that read version 1 loses and changes nothing.
    expect(await store.rollouts.update({ ...first, name: 'Lost', version: 2 }, 1)).toBeNull();
    expect((await store.rollouts.getById('r1'))?.name).toBe('Warmer headline');
    expect((await store.rollouts.list({ status: 'paused' })).map((r) => r.id)).toEqual(['r1']);
  });

  it('lists the running rollouts whose check is due, the longest due first', async () => {
    const store = await open();
    await store.rollouts.insert(rollout({ id: 'later', nextCheckAt: at(30) }));
    await store.rollouts.insert(rollout({ id: 'exact', nextCheckAt: at(20) }));
    await store.rollouts.insert(rollout({ id: 'early', nextCheckAt: at(10) }));
    await store.rollouts.insert(rollout({ id: 'paused', status: 'paused', nextCheckAt: at(0) }));
    await store.rollouts.insert(rollout({ id: 'done', status: 'completed', nextCheckAt: null }));
    expect((await store.rollouts.listDue(at(20))).map((r) => r.id)).toEqual(['early', 'exact']);
    expect(await store.rollouts.listDue(at(5))).toEqual([]);
  });
});
