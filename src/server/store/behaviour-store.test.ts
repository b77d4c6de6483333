import { afterAll, describe, expect, it } from 'vitest';
import { behaviourSpecOf, dayOf, type BehaviourRule } from '../../shared/behaviour/behaviour-rule';
import { BEHAVIOUR_PAGE_ROWS, type BehaviourSeenRow, type BehaviourTallyRow } from '../modules/behaviour/behaviour-store';
import { closeStoresUnderTest, storesUnderTest } from './sql/test-database';
import type { Store, StoredEvent } from './types';

// The behaviour state's reads on memory, PGlite and PostgreSQL (TEST_DATABASE_URL): per-user
// daily tallies of a spec, first and last seen, and the events after a seq, all bounded by a
// watermark so a load and a catch-up see each event once.

const DAY = 86_400_000;
const base = Date.parse('2026-11-20T12:00:00Z');
const today = dayOf(base);
let n = 0;
function event(targetingKey: string, name: string, at: number, overrides: Partial<StoredEvent> = {}): StoredEvent {
  return { id: `e${++n}`, type: 'track', targetingKey, event: name, value: null, timestamp: new Date(at).toISOString(), properties: null, receivedAt: new Date(base).toISOString(), ...overrides };
}
const rule = (overrides: Partial<BehaviourRule> = {}): BehaviourRule => ({ type: 'behaviour', measure: 'count', event: 'purchase', comparison: 'atLeast', amount: 1, window: { kind: 'lastDays', days: 30 }, ...overrides });

async function tallies(store: Store, r: BehaviourRule, fromDay: number, through: number, environmentId?: string) {
  const rows: BehaviourTallyRow[] = [];
  await store.behaviour.loadTallies(behaviourSpecOf(r), environmentId, fromDay, through, (page) => void rows.push(...page));
  return rows.sort((a, b) => a.environmentId.localeCompare(b.environmentId) || a.targetingKey.localeCompare(b.targetingKey) || a.day - b.day);
}

const stores = storesUnderTest();
afterAll(closeStoresUnderTest);

describe.each(stores)('behaviour store: %s', { timeout: 180_000 }, (_name, open) => {
  it('tallies a spec per user and UTC day: counts, sums of the value or a property, filters, the day bound and the seq bound', async () => {
    const store = await open();
    await store.events.insertBatch([
      event('u1', 'purchase', base, { value: 10, properties: { plan: 'pro', price: 5 } }),
      event('u1', 'purchase', base + 1000, { value: null, properties: { plan: 'free', price: '7' } }),
      event('u1', 'purchase', base - 3 * DAY, { value: 2.5, properties: { plan: 'pro' } }),
      // Before the first day asked for: left out.
      event('u1', 'purchase', base - 10 * DAY, { value: 100 }),
      event('u2', 'purchase', base, { value: 1, environmentId: 'staging' }),
      event('u2', 'add_to_cart', base),
      event('u3', 'purchase', base, { type: 'exposure' }),
    ]);
    const through = await store.behaviour.watermark();
    // Written after the watermark was read: not part of this load.
    await store.events.insertBatch([event('u1', 'purchase', base, { value: 1000 })]);

    expect(await tallies(store, rule(), today - 5, through)).toEqual([
      { environmentId: 'production', targetingKey: 'u1', day: today - 3, count: 1, sum: 2.5, valued: 1 },
      { environmentId: 'production', targetingKey: 'u1', day: today, count: 2, sum: 10, valued: 1 },
      { environmentId: 'staging', targetingKey: 'u2', day: today, count: 1, sum: 1, valued: 1 },
    ]);
    expect(await tallies(store, rule(), today - 5, through, 'staging')).toEqual([{ environmentId: 'staging', targetingKey: 'u2', day: today, count: 1, sum: 1, valued: 1 }]);
    // A property: only JSON numbers are summed ('7' is text), but every event counts.
    const byPrice = rule({ measure: 'sum', property: 'price' });
    expect((await tallies(store, byPrice, today, through, 'production'))[0]).toMatchObject({ count: 2, sum: 5, valued: 1 });
    const pro = rule({ filters: [{ property: 'plan', operator: 'equals', value: 'pro' }] });
    expect(await tallies(store, pro, today - 5, through, 'production')).toEqual([
      { environmentId: 'production', targetingKey: 'u1', day: today - 3, count: 1, sum: 2.5, valued: 1 },
      { environmentId: 'production', targetingKey: 'u1', day: today, count: 1, sum: 10, valued: 1 },
    ]);
  });

  it('a retried batch is stored once, so it counts once', async () => {
    const store = await open();
    const batch = [event('u1', 'purchase', base), event('u1', 'purchase', base + 1)];
    await store.events.insertBatch(batch);
    await store.events.insertBatch(batch);
    expect(await tallies(store, rule(), today, await store.behaviour.watermark())).toEqual([{ environmentId: 'production', targetingKey: 'u1', day: today, count: 2, sum: 0, valued: 0 }]);
  });

  it('first and last seen over every event, and the events after a seq in seq order', async () => {
    const store = await open();
    const start = await store.behaviour.watermark();
    await store.events.insertBatch([event('u1', 'open', base - 20 * DAY), event('u1', 'purchase', base, { value: 3, properties: { plan: 'pro' } })]);
    await store.events.insertBatch([event('u2', 'open', base - DAY, { type: 'exposure' }), event('u2', 'purchase', base - DAY)]);
    const through = await store.behaviour.watermark();
    expect(through).toBeGreaterThanOrEqual(start + 4);

    const seen: BehaviourSeenRow[] = [];
    await store.behaviour.loadSeen(undefined, through, (page) => void seen.push(...page));
    expect(seen.sort((a, b) => a.targetingKey.localeCompare(b.targetingKey))).toEqual([
      { environmentId: 'production', targetingKey: 'u1', firstDay: today - 20, lastDay: today },
      { environmentId: 'production', targetingKey: 'u2', firstDay: today - 1, lastDay: today - 1 },
    ]);

    const all = await store.behaviour.eventsSince(start, through, null, 100);
    expect(all.map((e) => [e.targetingKey, e.event, e.type])).toEqual([['u1', 'open', 'track'], ['u1', 'purchase', 'track'], ['u2', 'open', 'exposure'], ['u2', 'purchase', 'track']]);
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => a - b));
    expect(all[1]).toMatchObject({ environmentId: 'production', ts: base, value: 3, properties: { plan: 'pro' } });
    const purchases = await store.behaviour.eventsSince(start, through, ['purchase'], 100);
    expect(purchases.map((e) => e.targetingKey)).toEqual(['u1', 'u2']);
    // Paging: after the first purchase, at most one, and nothing past the watermark.
    expect((await store.behaviour.eventsSince(purchases[0].seq, through, ['purchase'], 1)).map((e) => e.targetingKey)).toEqual(['u2']);
    expect(await store.behaviour.eventsSince(through, through, null, 100)).toEqual([]);
    expect(await store.behaviour.eventsSince(start, through, [], 100)).toEqual([]);
  });

  it(`loads the tallies of 100,000 users in pages of at most ${BEHAVIOUR_PAGE_ROWS.toLocaleString('en')} rows`, async () => {
    const store = await open();
    const users = 100_000;
    for (let from = 0; from < users; from += 5000) {
      const batch: StoredEvent[] = [];
      for (let i = from; i < from + 5000; i++) batch.push(event(`user-${i}`, 'purchase', base - (i % 3) * DAY, { value: i % 7 }));
      await store.events.insertBatch(batch);
    }
    const through = await store.behaviour.watermark();
    const pages: number[] = [];
    const keys = new Set<string>();
    let total = 0;
    await store.behaviour.loadTallies(behaviourSpecOf(rule()), undefined, today - 29, through, (page) => {
      pages.push(page.length);
      for (const row of page) {
        keys.add(row.targetingKey);
        total += row.sum;
      }
    });
    expect(Math.max(...pages)).toBeLessThanOrEqual(BEHAVIOUR_PAGE_ROWS);
    expect(keys.size).toBe(users);
    let expected = 0;
    for (let i = 0; i < users; i++) expected += i % 7;
    expect(total).toBe(expected);
  });
});
