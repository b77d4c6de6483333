import { beforeAll, describe, expect, it } from 'vitest';
import type { Metric } from '../../../shared/contract/metrics';
import { MemoryStore } from '../../store/memory/memory-store';
import { openPostgresStore } from '../../store/sql/open';
import { sharedPgliteStore, truncateAll } from '../../store/sql/test-database';
import { CUPED_DAYS, type ResultsQuery, type ResultsRow, type Store, type StoredEvent } from '../../store/types';
import { seededRandom } from '../../../shared/seeded-random';
import { experimentDoc, metricDoc } from './results-fixtures';

// The memory store (tests, browser mock) and the SQL store (PGlite, PostgreSQL) must give the
// same sufficient statistics on the same data: every metric kind, every filter operator,
// windows, pre-exposure events, date ranges and breakdowns.

const DAY = 86_400_000;
const START = Date.parse('2026-03-01T00:00:00.000Z');

const metrics: Metric[] = [
  metricDoc({ id: 'conv-shoes', kind: 'conversion', event: 'purchase', filters: [{ property: 'category', operator: 'equals', value: 'shoes' }] }),
  metricDoc({ id: 'conv-24h', kind: 'conversion', event: 'purchase', windowHours: 24 }),
  metricDoc({ id: 'count-in', kind: 'count', event: 'view', filters: [{ property: 'page', operator: 'in', value: ['home', 'cart', 3] }] }),
  metricDoc({ id: 'sum-gt', kind: 'sum', event: 'purchase', filters: [{ property: 'price', operator: 'greaterThan', value: 20 }] }),
  metricDoc({ id: 'mean-contains', kind: 'mean', event: 'purchase', filters: [{ property: 'coupon', operator: 'contains', value: 'SAVE' }] }),
  metricDoc({
    id: 'ratio-ne',
    kind: 'ratio',
    event: 'purchase',
    filters: [{ property: 'category', operator: 'notEquals', value: 'bags' }],
    denominator: { event: 'view', filters: [{ property: 'vip', operator: 'equals', value: true }] },
  }),
  metricDoc({ id: 'ratio-value', kind: 'ratio', event: 'purchase', numeratorUsesValue: true, denominator: { event: 'view', filters: [] }, windowHours: 72 }),
  metricDoc({ id: 'sum-lt-dotted', kind: 'sum', event: 'purchase', filters: [{ property: 'a.b', operator: 'lessThan', value: 5 }] }),
];

function dataset() {
  const random = seededRandom(7);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const exposures = [];
  const events: StoredEvent[] = [];
  const knownUsers = [];
  for (let i = 0; i < 400; i++) {
    const targetingKey = `user-${i}`;
    const first = START + Math.floor(random() * 10 * DAY);
    exposures.push({ experimentId: 'exp-1', targetingKey, variant: pick(['control', 'b', 'c']), firstSeenAt: new Date(first).toISOString() });
    if (random() < 0.8) {
      const country = pick(['CA', 'US', 'FR', 5, true, null]);
      knownUsers.push({ targetingKey, attributes: country === null ? {} : { country }, lastSeenAt: new Date(first).toISOString() });
    }
    const count = Math.floor(random() * 8);
    for (let n = 0; n < count; n++) {
      const event = pick(['purchase', 'view', 'other']);
      const properties: StoredEvent['properties'] = random() < 0.15 ? null : {
        category: pick(['shoes', 'bags', 'Shoes', null]),
        page: pick(['home', 'cart', 3, '3', 'about']),
        price: pick([10, 25, 30.5, '40', false]),
        coupon: pick(['save10', 'XSAVEX', 'none', 7]),
        vip: pick([true, false, 'true']),
        'a.b': pick([1, 4.5, 9, 'x']),
      };
      if (properties && random() < 0.3) delete properties.category;
      events.push({
        id: `${targetingKey}-${n}`,
        type: random() < 0.1 ? 'exposure' : 'track',
        targetingKey,
        event,
        value: random() < 0.2 ? null : Math.round(random() * 10_000) / 100,
        timestamp: new Date(first + Math.floor((random() * 20 - 8) * DAY)).toISOString(),
        properties,
        receivedAt: new Date(START).toISOString(),
      });
    }
  }
  return { exposures, events, knownUsers };
}

async function load(store: Store) {
  const data = dataset();
  await store.experiments.insert(experimentDoc());
  for (const metric of metrics) await store.metrics.insert(metric);
  await store.exposures.record(data.exposures);
  await store.events.insertBatch(data.events);
  await store.knownUsers.upsert('production', data.knownUsers);
}

const queries: Record<string, Omit<ResultsQuery, 'metrics'>> = {
  'by day, with CUPED': { experimentId: 'exp-1', from: null, to: null, groupBy: { kind: 'day' }, preExposureDays: 14 },
  'by day in a date range': {
    experimentId: 'exp-1',
    from: new Date(START + 2 * DAY).toISOString(),
    to: new Date(START + 7 * DAY).toISOString(),
    groupBy: { kind: 'day' },
    preExposureDays: 0,
  },
  'by attribute': { experimentId: 'exp-1', from: null, to: new Date(START + 12 * DAY).toISOString(), groupBy: { kind: 'attribute', attribute: 'country' }, preExposureDays: 3 },
};

function expectSameSums(expected: ResultsRow[], actual: ResultsRow[], metricList: Metric[]) {
  expect(expected.length).toBeGreaterThan(3);
  const [left, right] = [sortRows(expected), sortRows(actual)];
  expect(right.map((r) => [r.variant, r.bucket, r.users])).toEqual(left.map((r) => [r.variant, r.bucket, r.users]));
  left.forEach((row, i) =>
    row.metrics.forEach((sums, k) => {
      for (const [field, value] of Object.entries(sums)) {
        expect(right[i].metrics[k][field as keyof typeof sums], `${row.variant}/${row.bucket}/${metricList[k].id}/${field}`).toBeCloseTo(value, 6);
      }
    }),
  );
}

// Queries that per-user rollups answer: no end date but the experiment's own.
const rollupQueries: Record<string, Omit<ResultsQuery, 'metrics'>> = {
  'by day, with CUPED': { experimentId: 'exp-1', from: null, to: null, groupBy: { kind: 'day' }, preExposureDays: CUPED_DAYS, useRollups: true },
  'from a start date, without CUPED': { experimentId: 'exp-1', from: new Date(START + 3 * DAY).toISOString(), to: null, groupBy: { kind: 'day' }, preExposureDays: 0, useRollups: true },
  'by attribute': { experimentId: 'exp-1', from: null, to: null, groupBy: { kind: 'attribute', attribute: 'country' }, preExposureDays: CUPED_DAYS, useRollups: true },
  'of an experiment that ended': { experimentId: 'exp-1', from: null, to: new Date(START + 9 * DAY).toISOString(), groupBy: { kind: 'day' }, preExposureDays: CUPED_DAYS, useRollups: true },
};

const sortRows = (rows: ResultsRow[]) => [...rows].sort((a, b) => `${a.variant}|${a.bucket}`.localeCompare(`${b.variant}|${b.bucket}`));

// With TEST_DATABASE_URL (scripts/with-postgres.sh) the same checks run on PostgreSQL too.
const sqlStores: [string, () => Promise<Awaited<ReturnType<typeof sharedPgliteStore>>>][] = [
  ['PGlite', sharedPgliteStore],
  ...(process.env.TEST_DATABASE_URL ? [['PostgreSQL', () => openPostgresStore(process.env.TEST_DATABASE_URL!, { poolSize: 2 })] as [string, () => Promise<Awaited<ReturnType<typeof sharedPgliteStore>>>]] : []),
];

describe.each(sqlStores)('results store: memory and %s agree', (_name, open) => {
  let memory: Store;
  let pglite: Store;
  beforeAll(async () => {
    memory = new MemoryStore();
    const store = await open();
    await truncateAll(store);
    pglite = store;
    await load(memory);
    await load(pglite);
  }, 60_000);

  for (const [name, query] of Object.entries(queries)) {
    it(`gives the same sufficient statistics ${name}`, async () => {
      const [a, b] = await Promise.all([memory.results.aggregate({ ...query, metrics }), pglite.results.aggregate({ ...query, metrics })]);
      expectSameSums(a, b, metrics);
      // The data exercise every metric: none is all zeros.
      metrics.forEach((metric, k) => expect(a.reduce((s, r) => s + r.metrics[k].m, 0), metric.id).toBeGreaterThan(0));
    });
  }

  it('counts users without metrics, and knows which events were ever sent', async () => {
    const query = { ...queries['by day, with CUPED'], metrics: [] };
    const [a, b] = await Promise.all([memory.results.aggregate(query), pglite.results.aggregate(query)]);
    expect(sortRows(b)).toEqual(sortRows(a));
    expect(a.reduce((s, r) => s + r.users, 0)).toBe(400);
    for (const store of [memory, pglite]) expect([...(await store.results.sentEvents(['purchase', 'never', 'view']))].sort()).toEqual(['purchase', 'view']);
  });

  it('changes the data version when events or exposures arrive', async () => {
    for (const store of [memory, pglite]) {
      const before = await store.results.dataVersion();
      await store.events.insertBatch([{ id: `late-${store.kind}`, type: 'track', targetingKey: 'user-1', event: 'view', value: null, timestamp: new Date(START).toISOString(), properties: null, receivedAt: new Date(START).toISOString() }]);
      const afterEvents = await store.results.dataVersion();
      expect(afterEvents).not.toBe(before);
      await store.exposures.record([{ experimentId: 'exp-2', targetingKey: 'late', variant: 'b', firstSeenAt: new Date(START).toISOString() }]);
      expect(await store.results.dataVersion()).not.toBe(afterEvents);
    }
  });

  describe('from per-user rollups', () => {
    const compare = async (query: Omit<ResultsQuery, 'metrics'>, metricList = metrics) => {
      const [a, b] = await Promise.all([memory.results.aggregate({ ...query, metrics: metricList }), pglite.results.aggregate({ ...query, metrics: metricList })]);
      expectSameSums(a, b, metricList);
    };
    const spec = { experimentId: 'exp-1', metrics, to: null };
    const at = (days: number) => new Date(START + days * DAY).toISOString();
    const event = (id: string, targetingKey: string, name: string, days: number, properties: StoredEvent['properties'] = null): StoredEvent => ({
      id, type: 'track', targetingKey, event: name, value: 12.5, timestamp: at(days), properties, receivedAt: at(0),
    });

    for (const [name, query] of Object.entries(rollupQueries)) {
      it(`gives the sums of the events join ${name}`, () => compare(query));
    }

    it('recomputes only the users whose events or exposures changed', async () => {
      await pglite.results.refreshRollups(spec);
      expect(await pglite.results.refreshRollups(spec)).toEqual({ users: 0, rebuilt: false });
      for (const store of [memory, pglite]) {
        await store.events.insertBatch([
          event('r-1', 'user-3', 'purchase', 4, { category: 'shoes', price: 30.5, coupon: 'SAVE5', vip: true }),
          event('r-2', 'user-4', 'view', -5, { vip: true, page: 'home' }),
          event('r-3', 'user-5', 'other', 2),
          event('r-4', 'new-user', 'purchase', 6, { category: 'shoes' }),
        ]);
        // A back-dated exposure moves user-6's start earlier; new-user is exposed for the first time.
        await store.exposures.record([
          { experimentId: 'exp-1', targetingKey: 'user-6', variant: 'b', firstSeenAt: at(-1) },
          { experimentId: 'exp-1', targetingKey: 'new-user', variant: 'b', firstSeenAt: at(5) },
        ]);
      }
      // user-3, user-4, user-6 and new-user: an event of no metric (user-5's) touches nobody.
      expect(await pglite.results.refreshRollups(spec)).toEqual({ users: 4, rebuilt: false });
      for (const query of Object.values(rollupQueries)) await compare(query);
    });

    it('waits for a write that has not committed, rather than passing over its events', async () => {
      await pglite.results.refreshRollups(spec);
      const late = event('uncommitted-1', 'user-7', 'purchase', 3, { category: 'shoes', price: 30.5 });
      let release!: () => void;
      let written!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const wrote = new Promise<void>((resolve) => (written = resolve));
      const writing = pglite.transaction(async (trx) => {
        await trx.events.insertBatch([late]);
        written();
        await held;
      });
      await wrote;
      let settled = false;
      const refreshing = pglite.results.refreshRollups(spec).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      release();
      await writing;
      expect(await refreshing).toEqual({ users: 1, rebuilt: false });
      await memory.events.insertBatch([late]);
      await compare(rollupQueries['by day, with CUPED']);
    });

    it('recomputes the users with events after the end when the experiment ends', async () => {
      const ended = { ...spec, to: at(9) };
      await pglite.results.refreshRollups(spec); // running again: no end
      const refreshed = await pglite.results.refreshRollups(ended);
      expect(refreshed.rebuilt).toBe(false);
      expect(refreshed.users).toBeGreaterThan(0);
      expect(refreshed.users).toBeLessThan(401);
      await compare(rollupQueries['of an experiment that ended']);
    });

    it('rebuilds when a metric changes', async () => {
      const edited = metrics.map((m, i) => (i === 0 ? { ...m, version: m.version + 1, windowHours: 48 } : m));
      expect(await pglite.results.refreshRollups({ ...spec, metrics: edited })).toEqual({ users: 401, rebuilt: true });
      await compare(rollupQueries['by day, with CUPED'], edited);
    });
  });
});
