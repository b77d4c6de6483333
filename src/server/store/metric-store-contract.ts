import { expect, it } from 'vitest';
import type { Metric } from '../../shared/contract/metrics';
import { UniqueViolation } from '../lib/errors';
import type { Store } from './types';

// The MetricStore part of the store contract (store-contract.ts calls it inside its describe).

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

function metric(overrides: Partial<Metric> = {}): Metric {
  return {
    id: crypto.randomUUID(),
    key: `m_${crypto.randomUUID().slice(0, 8)}`,
    name: 'Purchases',
    description: '',
    kind: 'conversion',
    event: 'purchase',
    filters: [{ property: 'category', operator: 'in', value: ['shoes', 'boots'] }],
    denominator: null,
    numeratorUsesValue: false,
    direction: 'higher',
    windowHours: 168,
    archivedAt: null,
    version: 1,
    createdAt: at(0),
    updatedAt: at(0),
    updatedBy: 'Ada',
    ...overrides,
  };
}

export function metricStoreContract(store: () => Store) {
  it('stores metrics by name, archived apart, in the order asked for, and refuses a duplicate key', async () => {
    const revenue = metric({ key: 'revenue', name: 'Revenue', kind: 'sum', filters: [], windowHours: null, direction: 'higher' });
    const ratio = metric({ key: 'aov', name: 'Average order value', kind: 'ratio', numeratorUsesValue: true, denominator: { event: 'checkout', filters: [{ property: 'paid', operator: 'equals', value: true }] } });
    const old = metric({ key: 'old', name: 'Old', archivedAt: at(3) });
    for (const m of [revenue, ratio, old]) await store().metrics.insert(m);
    await expect(store().metrics.insert(metric({ key: 'revenue' }))).rejects.toBeInstanceOf(UniqueViolation);

    expect(await store().metrics.list(false)).toEqual([ratio, revenue]);
    expect(await store().metrics.list(true)).toEqual([old]);
    expect(await store().metrics.getById(ratio.id)).toEqual(ratio);
    expect(await store().metrics.getById('missing')).toBeNull();
    expect((await store().metrics.getByIds([old.id, 'missing', revenue.id])).map((m) => m.key)).toEqual(['old', 'revenue']);
    expect(await store().metrics.getByIds([])).toEqual([]);
  });

  it('compares-and-sets metric versions, archiving included', async () => {
    const m = metric();
    await store().metrics.insert(m);
    const renamed = { ...m, name: 'Shoe purchases', version: 2, updatedAt: at(1) };
    expect(await store().metrics.update(renamed, 1)).toEqual(renamed);
    expect(await store().metrics.update({ ...m, name: 'Lost', version: 2 }, 1)).toBeNull();
    expect(await store().metrics.update({ ...m, id: 'missing' }, 1)).toBeNull();
    expect(await store().metrics.getById(m.id)).toEqual(renamed);

    const archived = { ...renamed, archivedAt: at(2), version: 3 };
    expect(await store().metrics.update(archived, 2)).toEqual(archived);
    expect(await store().metrics.list(false)).toEqual([]);
    expect(await store().metrics.list(true)).toEqual([archived]);
  });
}
