import { expect, it } from 'vitest';
import { KNOWN_USER_PAGE_SIZE } from './sql/sql-audiences';
import type { Store } from './types';

// Known users and observed attributes (store-contract.ts calls it inside its describe): the reach
// sample read in pages must be the same users, uniformly chosen; the observed names are capped.

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
// Zero-padded, so JavaScript's sort and any database collation agree on the order.
const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(6, '0')}`);
const SLOW = 120_000;
/** More than two pages, so the sample spans several statements. */
const USERS = 2 * KNOWN_USER_PAGE_SIZE + 1_000;

export function audienceStoreContract(getStore: () => Store) {
  it(
    'samples every recent user, with its attributes, across pages',
    async () => {
      const store = getStore();
      const keys = numbered('u', USERS);
      await store.knownUsers.upsert('production', [...keys.map((targetingKey, i) => ({ targetingKey, attributes: { n: i }, lastSeenAt: at(2) })), { targetingKey: 'old', attributes: {}, lastSeenAt: at(0) }]);
      const all = await store.knownUsers.sample('production', at(1), USERS);
      expect(all.total).toBe(USERS);
      expect(all.users.map((u) => u.targetingKey).sort()).toEqual(keys);
      expect(all.users.find((u) => u.targetingKey === keys[USERS - 1])).toEqual({ targetingKey: keys[USERS - 1], attributes: { n: USERS - 1 }, lastSeenAt: at(2) });
    },
    SLOW,
  );

  it(
    'samples a uniform subset, not a run of neighbouring keys',
    async () => {
      const store = getStore();
      const keys = numbered('u', USERS);
      await store.knownUsers.upsert('production', keys.map((targetingKey, i) => ({ targetingKey, attributes: { n: i }, lastSeenAt: at(2) })));
      const half = Math.floor(USERS / 2);
      const sample = await store.knownUsers.sample('production', at(1), half);
      expect(sample.total).toBe(USERS);
      expect(sample.users).toHaveLength(half);
      const distinct = new Set(sample.users.map((u) => u.targetingKey));
      expect(distinct.size).toBe(half);
      for (const u of sample.users) expect(u.attributes).toEqual({ n: Number(u.targetingKey.slice(2)) });
      // Half the users drawn at random: each quarter of the key order holds ~25% of them (within
      // 20-30%, more than 10 standard deviations); a run from a random start would fill two quarters.
      const quarters = [0, 0, 0, 0];
      for (const key of distinct) quarters[Math.floor((Number(key.slice(2)) * 4) / USERS)]++;
      for (const count of quarters) expect(count / half).toBeGreaterThan(0.2);
      for (const count of quarters) expect(count / half).toBeLessThan(0.3);
    },
    SLOW,
  );

  it('keeps at most maxNames observed attribute names; kept ones still update', async () => {
    const store = getStore();
    const seen = (name: string, kind: string, minute: number) => ({ name, kinds: [kind], lastSeenAt: at(minute) });
    await store.observedAttributes.record([seen('b', 'text', 1), seen('a', 'number', 1)], 3);
    await store.observedAttributes.record([seen('e', 'text', 2), seen('a', 'text', 2), seen('d', 'text', 2), seen('c', 'text', 2)], 3);
    expect(await store.observedAttributes.list()).toEqual([
      { name: 'a', kinds: ['number', 'text'], lastSeenAt: at(2) },
      { name: 'b', kinds: ['text'], lastSeenAt: at(1) },
      { name: 'c', kinds: ['text'], lastSeenAt: at(2) },
    ]);
    // Full: new names are left out, kept ones widen.
    await store.observedAttributes.record([seen('f', 'text', 3), seen('b', 'date', 3)], 3);
    expect(await store.observedAttributes.list()).toEqual([
      { name: 'a', kinds: ['number', 'text'], lastSeenAt: at(2) },
      { name: 'b', kinds: ['date', 'text'], lastSeenAt: at(3) },
      { name: 'c', kinds: ['text'], lastSeenAt: at(2) },
    ]);
  });
}
