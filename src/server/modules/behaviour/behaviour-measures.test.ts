import { afterAll, describe, expect, it } from 'vitest';
import type { BehaviourRule } from '../../../shared/behaviour/behaviour-rule';
import { closeStoresUnderTest, storesUnderTest } from '../../store/sql/test-database';
import { behaviourWorld, DAY, NOW } from './behaviour-fixtures';

// Sums, averages, first seen, specs shared by rules of different windows, and specs forgotten
// when no segment uses them, through the real app on memory, PGlite and PostgreSQL. Events sent
// before a segment exists are read by the load; those sent after, by the catch-up: both count.

const stores = storesUnderTest();
afterAll(closeStoresUnderTest);
const now = Date.parse(NOW);
const only = (rule: BehaviourRule) => ({ kind: 'rules', builder: { type: 'group', combinator: 'and', children: [rule] } });

describe.each(stores)('behavioural measures: %s', { timeout: 120_000 }, (_name, open) => {
  it('sum and average of a property, from the load and the catch-up alike; text and missing values are not summed', async () => {
    const w = await behaviourWorld(await open());
    await w.send([
      { user: 'spender', event: 'purchase', properties: { price: 60 } },
      { user: 'spender', event: 'purchase', properties: { price: '1000' } },
      { user: 'average', event: 'purchase', properties: { price: 10 } },
    ]);
    const spent100: BehaviourRule = { type: 'behaviour', measure: 'sum', event: 'purchase', property: 'price', comparison: 'atLeast', amount: 100, window: { kind: 'lastDays', days: 30 } };
    const averageOver20: BehaviourRule = { type: 'behaviour', measure: 'average', event: 'purchase', property: 'price', comparison: 'atLeast', amount: 20, window: { kind: 'lastDays', days: 30 } };
    await w.target('big', await w.segment('Spent 100', only(spent100)));
    await w.target('avg', await w.segment('Average 20', only(averageOver20)));
    await w.sync();
    expect(await w.value('big', 'spender')).toBe('none');
    await w.send([{ user: 'spender', event: 'purchase', properties: { price: 40 } }, { user: 'average', event: 'purchase', properties: { price: 30 } }, { user: 'average', event: 'purchase' }]);
    await w.sync();
    expect(await w.value('big', 'spender')).toBe('offer'); // 60 + 40, exactly 100
    expect(await w.value('avg', 'average')).toBe('offer'); // (10 + 30) / 2: the purchase without a price is not averaged
    expect(await w.value('avg', 'nobody')).toBe('none');
  });

  it('first seen in the last 14 days, over events of any name', async () => {
    const w = await behaviourWorld(await open());
    await w.send([{ user: 'old', event: 'open', at: now - 20 * DAY }, { user: 'old', event: 'open' }, { user: 'new', event: 'open', at: now - 13 * DAY }]);
    await w.target('welcome', await w.segment('New users', only({ type: 'behaviour', measure: 'firstSeen', window: { kind: 'lastDays', days: 14 } })));
    await w.sync();
    expect(await w.value('welcome', 'new')).toBe('offer');
    expect(await w.value('welcome', 'old')).toBe('none');
    expect(await w.value('welcome', 'never')).toBe('none');
    await w.send([{ user: 'fresh', event: 'signup' }]);
    await w.sync();
    expect(await w.value('welcome', 'fresh')).toBe('offer');
  });

  it('a rule reaching further back than a loaded spec reloads it; specs no segment uses are forgotten', async () => {
    const w = await behaviourWorld(await open());
    await w.send([{ user: 'u1', event: 'purchase', at: now - 20 * DAY }]);
    const week = await w.segment('Bought this week', only({ type: 'behaviour', measure: 'did', event: 'purchase', window: { kind: 'lastDays', days: 7 } }));
    await w.target('week', week);
    await w.sync();
    expect(await w.value('week', 'u1')).toBe('none');
    // The same events over 30 days: the purchase of 20 days ago was not kept for the 7-day rule.
    await w.target('month', await w.segment('Bought this month', only({ type: 'behaviour', measure: 'did', event: 'purchase', window: { kind: 'lastDays', days: 30 } })));
    await w.sync();
    expect(await w.value('month', 'u1')).toBe('offer');
    expect(w.t.app.services.behaviour.memoryStats()).toEqual({ users: 1, specs: 1, dayEntries: 1 });

    const unused = await w.segment('Unused', only({ type: 'behaviour', measure: 'did', event: 'refund', window: { kind: 'lastDays', days: 7 } }));
    await w.send([{ user: 'u2', event: 'refund' }]);
    await w.sync();
    expect(w.t.app.services.behaviour.memoryStats()).toMatchObject({ users: 2, specs: 2 });
    expect((await w.t.call('POST', `/api/segments/${unused}/archive`, {}, w.admin)).status).toBe(200);
    await w.sync();
    expect(w.t.app.services.behaviour.memoryStats()).toEqual({ users: 1, specs: 1, dayEntries: 1 });
  });
});
