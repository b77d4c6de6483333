import { expect, it } from 'vitest';
import type { Experiment } from '../../shared/contract/experiments';
import { UniqueViolation } from '../lib/errors';
import type { Store } from './types';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

function experiment(overrides: Partial<Experiment> = {}): Experiment {
  return {
    id: crypto.randomUUID(), environmentId: 'production', key: `exp-${crypto.randomUUID().slice(0, 8)}`, name: 'Checkout', hypothesis: '', owner: '', tags: [],
    status: 'draft', audience: { kind: 'everyone' }, stickyMembership: true, allocation: 100, seed: 'seed',
    variants: [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'b', name: 'B', weight: 50, overrides: { headline: 'Hi' } },
    ],
    metrics: { primary: null, secondary: [], guardrails: [] }, startAt: null, endAt: null, layer: null, layerRange: null, testUsers: [],
    startedAt: null, endedAt: null, promotion: null, version: 1, createdAt: at(0), updatedAt: at(0), updatedBy: null,
    ...overrides,
  };
}

/** Experiments, exposures and the job lock: part of the store contract (memory, PGlite, PostgreSQL). */
export function experimentStoreContract(current: () => Store) {
  it('stores experiments by id and key, lists by status newest first, and compares-and-sets versions', async () => {
    const store = current();
    const older = experiment({ key: 'older', createdAt: at(1) });
    const newer = experiment({ key: 'newer', createdAt: at(2), status: 'running' });
    await store.experiments.insert(older);
    await store.experiments.insert(newer);
    await expect(store.experiments.insert(experiment({ key: 'older' }))).rejects.toBeInstanceOf(UniqueViolation);
    expect((await store.experiments.list()).map((e) => e.key)).toEqual(['newer', 'older']);
    expect((await store.experiments.list(['running'])).map((e) => e.key)).toEqual(['newer']);
    expect(await store.experiments.list([])).toEqual([]);
    expect(await store.experiments.getByKey('older')).toEqual(older);
    expect(await store.experiments.getById(newer.id)).toEqual(newer);
    const paused = { ...newer, status: 'paused' as const, version: 2 };
    expect(await store.experiments.update(paused, 1)).toEqual(paused);
    expect(await store.experiments.update({ ...paused, version: 3 }, 1)).toBeNull();
    expect((await store.experiments.list(['paused'])).map((e) => e.key)).toEqual(['newer']);
  });

  it('records each exposure once, keeping the first variant and the earliest time', async () => {
    const store = current();
    await store.exposures.record([
      { experimentId: 'e1', targetingKey: 'u1', variant: 'b', firstSeenAt: at(5) },
      { experimentId: 'e1', targetingKey: 'u2', variant: 'control', firstSeenAt: at(5) },
      { experimentId: 'e1', targetingKey: 'u2', variant: 'control', firstSeenAt: at(4) },
      { experimentId: 'e2', targetingKey: 'u1', variant: 'control', firstSeenAt: at(5) },
    ]);
    await store.exposures.record([{ experimentId: 'e1', targetingKey: 'u1', variant: 'control', firstSeenAt: at(3) }]);
    expect(await store.exposures.variantsOf('e1')).toEqual(new Map([['u1', 'b'], ['u2', 'control']]));
    expect(await store.exposures.counts('e1')).toEqual([{ variant: 'b', users: 1 }, { variant: 'control', users: 1 }]);
    expect(await store.exposures.counts('none')).toEqual([]);
  });

  it('pages through the users exposed to an experiment in targetingKey order', async () => {
    const store = current();
    const keys = Array.from({ length: 25 }, (_, i) => `user-${String(i).padStart(2, '0')}`);
    await store.exposures.record(keys.map((targetingKey) => ({ experimentId: 'e1', targetingKey, variant: 'b', firstSeenAt: at(1) })));
    await store.exposures.record([{ experimentId: 'e2', targetingKey: 'other', variant: 'b', firstSeenAt: at(1) }]);
    const pages: string[][] = [];
    for (let after: string | null = null; ; ) {
      const page = await store.exposures.exposedUsersAfter('e1', after, 10);
      if (page.length === 0) break;
      pages.push(page);
      after = page[page.length - 1];
    }
    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(keys);
    expect(await store.exposures.exposedUsersAfter('none', null, 10)).toEqual([]);
  });

  it('runs a job under its lock in a transaction, and lets only one of two concurrent runs in', async () => {
    const store = current();
    const seen: string[] = [];
    const job = (name: string) =>
      store.withJobLock('contract-test', async (inside) => {
        // The job's effect is guarded by state, as the scheduler's transitions are.
        if ((await inside.experiments.getByKey('lock-test')) === null) {
          await inside.experiments.insert(experiment({ key: 'lock-test' }));
          seen.push(name);
        }
        return name;
      });
    const results = await Promise.all([job('a'), job('b')]);
    expect(seen).toHaveLength(1);
    // PostgreSQL: the second run finds the lock taken (null). PGlite and memory serialise transactions instead.
    if (store.kind === 'postgres') expect(results.filter((r) => r === null).length).toBeLessThanOrEqual(1);
    await expect(store.withJobLock('contract-test', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await store.withJobLock('contract-test', async () => 'free again')).toBe('free again');
  });
}
