import { expect, it } from 'vitest';
import { MAX_SEGMENT_IDS } from '../../shared/contract/segments';
import { MAX_ATTRIBUTE_DEPTH } from '../evaluation/known-users-recorder';
import { systemClock } from '../lib/clock';
import { createPasswordHasher } from '../lib/password';
import { createServices } from '../services';
import type { Store } from './types';

// Bulk writes of the store contract (store-contract.ts calls it inside its describe): every list
// travels as one parameter, so no size up to the documented maxima breaks a statement, and
// nothing breaks the connection (PGlite answered no rows to every query after a statement of
// more than 32,767 bind parameters, until restart).

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
// Zero-padded, so JavaScript's sort and any database collation agree on the order.
const numbered = (prefix: string, count: number, from = 0) => Array.from({ length: count }, (_, i) => `${prefix}-${String(from + i).padStart(6, '0')}`);
const SLOW = 120_000;

/** A context nested `levels` deep: {a: {a: ... {}}}. */
function nested(levels: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let current = root;
  for (let i = 0; i < levels; i++) current = (current.a = {}) as Record<string, unknown>;
  return root;
}

async function expectStillAnswers(store: Store) {
  await expect(store.ping()).resolves.toBeUndefined();
  const key = `alive-${crypto.randomUUID()}`;
  await store.knownUsers.upsert('production', [{ targetingKey: key, attributes: { plan: 'pro' }, lastSeenAt: at(1) }]);
  expect(await store.knownUsers.get('production', key)).toEqual({ targetingKey: key, attributes: { plan: 'pro' }, lastSeenAt: at(1) });
}

export function bulkStoreContract(getStore: () => Store) {
  it(
    'saves, reads back and replaces a segment of MAX_SEGMENT_IDS ids',
    async () => {
      const store = getStore();
      const segment = { id: 'big', name: 'Everyone', description: '', definition: { kind: 'ids' as const, attribute: 'targetingKey', idCount: MAX_SEGMENT_IDS }, archivedAt: null, version: 1, createdAt: at(0), updatedAt: at(0), updatedBy: null };
      const ids = numbered('user', MAX_SEGMENT_IDS);
      await store.segments.insert(segment, [...ids].reverse());
      expect(await store.segments.getIds('big')).toEqual(ids);
      // Half the old ids, half new ones, and every one twice.
      const next = numbered('user', MAX_SEGMENT_IDS, MAX_SEGMENT_IDS / 2);
      expect(await store.segments.update(segment, 1, [...next, ...next])).toMatchObject({ version: 2 });
      expect(await store.segments.getIds('big')).toEqual(next);
      expect((await store.segments.list(false)).map((s) => s.id)).toEqual(['big']);
      await expectStillAnswers(store);
    },
    SLOW,
  );

  it(
    'records known users with 10,000 attribute names, and their observed attributes, in one go',
    async () => {
      const store = getStore();
      const names = numbered('attr', 10_000);
      const wide = Object.fromEntries(names.map((name, i) => [name, i]));
      const users = numbered('u', 20_000).map((targetingKey) => ({ targetingKey, attributes: { plan: 'free' }, lastSeenAt: at(1) }));
      await store.knownUsers.upsert('production', [{ targetingKey: 'wide', attributes: wide, lastSeenAt: at(2) }, ...users, { targetingKey: 'u-000000', attributes: { plan: 'pro' }, lastSeenAt: at(3) }]);
      expect(await store.knownUsers.get('production', 'wide')).toEqual({ targetingKey: 'wide', attributes: wide, lastSeenAt: at(2) });
      expect(await store.knownUsers.get('production', 'u-000000')).toEqual({ targetingKey: 'u-000000', attributes: { plan: 'pro' }, lastSeenAt: at(3) });
      expect((await store.knownUsers.sample('production', at(0), 10)).total).toBe(20_001);

      // Every name twice, with a kind each: one row per name, kinds united.
      await store.observedAttributes.record([...names.map((name) => ({ name, kinds: ['number'], lastSeenAt: at(1) })), ...names.map((name) => ({ name, kinds: ['text'], lastSeenAt: at(2) }))], 10_000);
      const observed = await store.observedAttributes.list();
      expect(observed).toHaveLength(10_000);
      expect(observed[9_999]).toEqual({ name: 'attr-009999', kinds: ['number', 'text'], lastSeenAt: at(2) });
      await expectStillAnswers(store);
    },
    SLOW,
  );

  it(
    'records, finds and deletes requested keys, parameters and metrics by long lists',
    async () => {
      const store = getStore();
      const keys = numbered('flag', 40_000);
      await store.requestedKeys.record([...keys, 'flag-000000'].map((key) => ({ key, firstSeenAt: at(1), lastSeenAt: at(2), count: 1 })));
      const listed = await store.requestedKeys.list();
      expect(listed).toHaveLength(40_000);
      expect(listed.find((k) => k.key === 'flag-000000')?.count).toBe(2);
      await store.requestedKeys.delete(keys.slice(1));
      expect((await store.requestedKeys.list()).map((k) => k.key)).toEqual(['flag-000000']);
      expect(await store.parameters.getByIds(keys, 'production')).toEqual([]);
      expect(await store.metrics.getByIds(keys)).toEqual([]);
      await expectStillAnswers(store);
    },
    SLOW,
  );

  it(
    'records the neighbours of a context nested 20,000 levels deep in the same flush',
    async () => {
      const store = getStore();
      const logged: string[] = [];
      const services = createServices({ store, clock: systemClock, passwords: createPasswordHasher(), log: (message) => logged.push(message) });
      services.knownUsers.observe('production', { targetingKey: 'before', country: 'CA' });
      services.knownUsers.observe('production', { targetingKey: 'deep', country: 'FR', nested: nested(20_000), shallow: nested(MAX_ATTRIBUTE_DEPTH - 1) });
      services.knownUsers.observe('production', { targetingKey: 'nul', country: 'US', note: 'a\u0000b', ['bad\u0000name']: 1 });
      services.knownUsers.observe('production', { targetingKey: 'lone\uD800', country: 'DE' });
      services.knownUsers.observe('production', { targetingKey: 'after', country: 'GB' });
      await services.knownUsers.flush();

      expect((await store.knownUsers.get('production', 'before'))?.attributes).toEqual({ country: 'CA' });
      expect((await store.knownUsers.get('production', 'after'))?.attributes).toEqual({ country: 'GB' });
      // The bad attributes alone are left out, and said so in the log.
      expect((await store.knownUsers.get('production', 'deep'))?.attributes).toEqual({ country: 'FR', shallow: nested(MAX_ATTRIBUTE_DEPTH - 1) });
      expect((await store.knownUsers.get('production', 'nul'))?.attributes).toEqual({ country: 'US' });
      expect(await store.knownUsers.get('production', 'lone\uD800')).toBeNull();
      expect(logged).toEqual([expect.stringContaining('left out 4 attribute(s) or user(s)')]);
      expect((await store.observedAttributes.list()).map((a) => a.name)).toEqual(['country', 'note']);
      await expectStillAnswers(store);
    },
    SLOW,
  );

  it('keeps serving after a statement it refuses, and rolls a failed transaction back', async () => {
    const store = getStore();
    await store.knownUsers.upsert('production', [{ targetingKey: 'kept', attributes: {}, lastSeenAt: at(1) }]);
    // The memory store takes any text; PostgreSQL refuses NUL. Either way the store answers after.
    const refused = { targetingKey: 'refused', attributes: { note: 'a\u0000b' }, lastSeenAt: at(1) };
    await store.knownUsers.upsert('production', [refused]).catch(() => undefined);
    await store.transaction((tx) => tx.knownUsers.upsert('production', [refused])).catch(() => undefined);
    const failed = store.transaction(async (tx) => {
      await tx.knownUsers.upsert('production', [{ targetingKey: 'rolled-back', attributes: {}, lastSeenAt: at(1) }]);
      throw new Error('after the write');
    });
    await expect(failed).rejects.toThrow('after the write');
    expect(await store.knownUsers.get('production', 'rolled-back')).toBeNull();
    // A lone surrogate is stored (PostgreSQL keeps U+FFFD in its place, as for any text parameter).
    await store.segments.insert({ id: 'odd', name: 'Odd', description: '', definition: { kind: 'ids', attribute: 'targetingKey', idCount: 2 }, archivedAt: null, version: 1, createdAt: at(0), updatedAt: at(0), updatedBy: null }, ['lone\uD800', 'fine']);
    expect(await store.segments.getIds('odd')).toHaveLength(2);
    expect(await store.knownUsers.get('production', 'kept')).toMatchObject({ targetingKey: 'kept' });
    await expectStillAnswers(store);
  });
}
