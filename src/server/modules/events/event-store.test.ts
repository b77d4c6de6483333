import { describe, expect, it } from 'vitest';
import { storesUnderTest } from '../../store/sql/test-database';
import type { ExposureRecord, StoredEvent } from '../../store/types';

// EventStore.insertBatch on every store: concurrent batches are group-committed on SQL stores,
// yet each must still count its own new events, count a retry once, and fail alone.

const event = (id: string, overrides: Partial<StoredEvent> = {}): StoredEvent => ({
  id, type: 'track', targetingKey: 'u1', event: 'purchase', value: 5, timestamp: '2026-01-01T00:00:00.000Z', properties: { category: 'shoes' }, receivedAt: '2026-01-02T00:00:00.000Z', ...overrides,
});
const exposure = (targetingKey: string, variant: string, firstSeenAt: string): ExposureRecord => ({ experimentId: 'exp-1', targetingKey, variant, firstSeenAt });
const batch = (prefix: string, size: number) => Array.from({ length: size }, (_, i) => event(`${prefix}-${i}`, { targetingKey: `u${i % 7}` }));

const stores = storesUnderTest();

describe.each(stores)('event store: %s', { timeout: 120_000 }, (_name, open) => {
  it('counts each concurrent batch on its own, and a retry racing its original once', async () => {
    const store = await open();
    const batches = Array.from({ length: 12 }, (_, i) => batch(`b${i}`, 50));
    const results = await Promise.all([...batches.map((b) => store.events.insertBatch(b)), store.events.insertBatch(batches[3])]);
    expect(results.slice(0, 12).filter((n, i) => i !== 3)).toEqual(Array(11).fill(50));
    expect(results[3] + results[12]).toBe(50);
    expect([results[3], results[12]].sort()).toEqual([0, 50]);
    expect((await store.events.catalog())[0].count).toBe(600);
    // A later retry of everything stores nothing more.
    expect(await Promise.all(batches.slice(0, 3).map((b) => store.events.insertBatch(b)))).toEqual([0, 0, 0]);
  });

  it('stores events and their exposures together, keeping the earliest time per user', async () => {
    const store = await open();
    const results = await Promise.all([
      store.events.insertBatch([event('a1')], [exposure('u1', 'b', '2026-01-02T00:00:00.000Z'), exposure('u2', 'control', '2026-01-01T00:00:00.000Z')]),
      store.events.insertBatch([event('a2'), event('a3')], [exposure('u1', 'control', '2026-01-01T00:00:00.000Z')]),
      store.events.insertBatch([event('a1')], [exposure('u3', 'b', '2026-01-01T00:00:00.000Z')]),
    ]);
    expect(results.reduce((a, b) => a + b, 0)).toBe(3);
    expect(Object.fromEntries(await store.exposures.variantsOf('exp-1'))).toEqual({ u1: expect.any(String), u2: 'control', u3: 'b' });
  });

  it('fails a batch the database refuses alone, storing none of it, while batches beside it commit', async () => {
    const store = await open();
    if (store.kind === 'memory') return; // the memory store takes any string as a time
    // The first two keep the writers busy, so the next three are written as one group.
    const results = await Promise.allSettled([
      store.events.insertBatch(batch('busy1', 10)),
      store.events.insertBatch(batch('busy2', 10)),
      store.events.insertBatch(batch('ok1', 20)),
      store.events.insertBatch([event('bad-1'), event('bad-2', { timestamp: 'not a time' })], [exposure('u9', 'b', '2026-01-01T00:00:00.000Z')]),
      store.events.insertBatch(batch('ok2', 20), [exposure('u1', 'b', '2026-01-01T00:00:00.000Z')]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await store.events.catalog())[0].count).toBe(60);
    expect(Object.fromEntries(await store.exposures.variantsOf('exp-1'))).toEqual({ u1: 'b' });
  });

  it('refuses a lone surrogate rather than store it altered (PostgreSQL writes groups with COPY)', async () => {
    const store = await open();
    if (store.kind === 'memory') return; // the memory store keeps any string
    const results = await Promise.allSettled([
      store.events.insertBatch(batch('busy1', 10)),
      store.events.insertBatch(batch('busy2', 10)),
      store.events.insertBatch(batch('ok1', 20)),
      store.events.insertBatch([event('lone-1', { event: 'bad\uD800name' })]),
      store.events.insertBatch(batch('ok2', 20)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await store.events.catalog()).map((entry) => entry.event)).toEqual(['purchase']);
  });
});
