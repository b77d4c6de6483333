import { afterAll, describe, expect, it } from 'vitest';
import { behaviourRuleId, type BehaviourRule } from '../../../shared/behaviour/behaviour-rule';
import type { Preview } from '../../../shared/contract/preview';
import type { KnownUser } from '../../../shared/contract/segments';
import { closeStoresUnderTest, storesUnderTest } from '../../store/sql/test-database';
import { addedToCart, behaviourIds, behaviourWorld, cartNotBought, DAY, didNotPurchase, NOW } from './behaviour-fixtures';

// Behavioural segments through the real app on memory, PGlite and PostgreSQL (TEST_DATABASE_URL):
// events sent to /sdk/v1/events change OFREP answers after a sync (called directly: no sleeps),
// windows slide with the clock, and apps cannot claim behaviour.

const stores = storesUnderTest();
afterAll(closeStoresUnderTest);
const now = Date.parse(NOW);

describe.each(stores)('behavioural segments: %s', { timeout: 120_000 }, (_name, open) => {
  it('added to cart in the last 7 days and did not purchase: in after the cart event, out after the purchase (single and bulk)', async () => {
    const w = await behaviourWorld(await open());
    const segmentId = await w.segment('Cart, no purchase', cartNotBought);
    await w.target('paywall', segmentId);
    await w.sync();
    expect(await w.value('paywall', 'u1')).toBe('none');

    await w.send([{ user: 'u1', event: 'add_to_cart' }]);
    expect(await w.value('paywall', 'u1')).toBe('none'); // not synced yet
    await w.sync();
    expect(await w.value('paywall', 'u1')).toBe('offer');
    expect(await w.bulkValue('paywall', 'u1')).toBe('offer');
    expect(await w.value('paywall', 'u2')).toBe('none');

    await w.send([{ user: 'u1', event: 'purchase', value: 30 }]);
    await w.sync();
    expect(await w.value('paywall', 'u1')).toBe('none');
    expect(await w.bulkValue('paywall', 'u1')).toBe('none');
  });

  it('an app-sent #behaviour cannot make a rule hold, in OFREP or in the preview', async () => {
    const w = await behaviourWorld(await open());
    await w.target('paywall', await w.segment('Cart, no purchase', cartNotBought));
    await w.sync();
    const claim = { '#behaviour': Object.fromEntries(behaviourIds().map((id) => [id, true])) };
    expect(await w.value('paywall', 'u2', claim)).toBe('none');
    expect(await w.bulkValue('paywall', 'u2', claim)).toBe('none');
    const preview = await w.t.call<Preview>('POST', '/api/preview', { context: { targetingKey: 'u2', ...claim } }, w.admin);
    expect(preview.status).toBe(200);
    expect(preview.json.results.find((r: { key: string }) => r.key === 'paywall')!.value).toBe('none');
    // Nor is it recorded as an attribute of the user.
    await w.t.app.services.knownUsers.flush();
    expect((await w.t.call<{ items: { name: string }[] }>('GET', '/api/attributes', undefined, w.admin)).json.items.map((a: { name: string }) => a.name)).not.toContain('#behaviour');
  });

  it('a hand-written condition on #behaviour holds for no app-sent claim, even with no behavioural rule in use', async () => {
    const w = await behaviourWorld(await open());
    const rules = [{ audience: { kind: 'condition', condition: { '#behaviour.bfake': true } }, value: 'claimed' }];
    expect((await w.t.call('POST', '/api/parameters', { key: 'raw', name: 'raw', spec: { type: 'string' }, defaultValue: 'none', rules }, w.admin)).status).toBe(201);
    const claim = { '#behaviour': { bfake: true } };
    expect(await w.value('raw', 'u1', claim)).toBe('none');
    expect(await w.bulkValue('raw', 'u1', claim)).toBe('none');
    const preview = await w.t.call<Preview>('POST', '/api/preview', { context: { targetingKey: 'u1', ...claim } }, w.admin);
    expect(preview.json.results.find((r: { key: string }) => r.key === 'raw')!.value).toBe('none');
    expect(preview.json.behaviour).toBeUndefined();
  });

  it('the preview explains each behavioural rule for the user', async () => {
    const w = await behaviourWorld(await open());
    const segmentId = await w.segment('Cart, no purchase', cartNotBought);
    await w.target('paywall', segmentId);
    await w.send([{ user: 'u1', event: 'add_to_cart' }, { user: 'u1', event: 'add_to_cart', at: now - DAY }]);
    await w.sync();
    const preview = await w.t.call<Preview>('POST', '/api/preview', { context: { targetingKey: 'u1' } }, w.admin);
    expect(preview.json.results.find((r: { key: string }) => r.key === 'paywall')!.value).toBe('offer');
    expect(preview.json.behaviour).toEqual([
      { ruleId: behaviourRuleId(addedToCart), segmentIds: [segmentId], segmentNames: ['Cart, no purchase'], description: 'did add_to_cart in the last 7 days', observed: 'add_to_cart 2 times in the last 7 days', holds: true },
      { ruleId: behaviourRuleId(didNotPurchase), segmentIds: [segmentId], segmentNames: ['Cart, no purchase'], description: 'did not purchase in the last 7 days', observed: 'purchase 0 times in the last 7 days', holds: true },
    ]);
  });

  it('windows slide with the clock: the exact day boundary, and a purchase leaving the window without a new event', async () => {
    const w = await behaviourWorld(await open());
    await w.target('paywall', await w.segment('Cart, no purchase', cartNotBought));
    // Today is 10 January; the last 7 days are 4 to 10 January (UTC).
    const startOfWindow = Date.parse('2026-01-04T00:00:00.000Z');
    await w.send([
      { user: 'inside', event: 'add_to_cart' },
      { user: 'inside', event: 'purchase', at: startOfWindow },
      { user: 'outside', event: 'add_to_cart' },
      { user: 'outside', event: 'purchase', at: startOfWindow - 1 },
    ]);
    await w.sync();
    expect(await w.value('paywall', 'inside')).toBe('none');
    expect(await w.value('paywall', 'outside')).toBe('offer');

    // A day later, with no new event and no sync: 4 January has left the window.
    w.t.clock.advance(DAY);
    expect(await w.value('paywall', 'inside')).toBe('offer');
    // Six more days: the cart event of 10 January leaves too.
    w.t.clock.advance(6 * DAY);
    expect(await w.value('paywall', 'inside')).toBe('none');
    await w.sync(); // the daily prune keeps the answers
    expect(await w.value('paywall', 'inside')).toBe('none');
    expect(w.t.app.services.behaviour.memoryStats()).toMatchObject({ specs: 2 });
  });

  it('counts at the boundary with property filters; a retried batch counts once', async () => {
    const w = await behaviourWorld(await open());
    const proBuyers: BehaviourRule = { type: 'behaviour', measure: 'count', event: 'purchase', filters: [{ property: 'plan', operator: 'equals', value: 'pro' }], comparison: 'atLeast', amount: 3, window: { kind: 'lastDays', days: 30 } };
    await w.target('badge', await w.segment('Pro buyers', { kind: 'rules', builder: { type: 'group', combinator: 'and', children: [proBuyers] } }));
    const pro = { plan: 'pro' };
    await w.send([
      { user: 'three', event: 'purchase', properties: pro },
      { user: 'three', event: 'purchase', properties: pro, at: now - 29 * DAY },
      { user: 'three', event: 'purchase', properties: pro, at: now - 10 * DAY },
      { user: 'two-and-free', event: 'purchase', properties: pro },
      { user: 'two-and-free', event: 'purchase', properties: pro },
      { user: 'two-and-free', event: 'purchase', properties: { plan: 'free' } },
      { user: 'old', event: 'purchase', properties: pro },
      { user: 'old', event: 'purchase', properties: pro },
      { user: 'old', event: 'purchase', properties: pro, at: now - 30 * DAY },
    ]);
    await w.sync();
    expect(await w.value('badge', 'three')).toBe('offer');
    expect(await w.value('badge', 'two-and-free')).toBe('none');
    expect(await w.value('badge', 'old')).toBe('none');

    // The same batch twice (ids and times repeat): stored once, counted once.
    const batch = [{ user: 'retried', event: 'purchase', properties: pro }, { user: 'retried', event: 'purchase', properties: pro }];
    await w.send(batch, ['r1', 'r2']);
    await w.sync();
    expect(await w.send(batch, ['r1', 'r2'])).toEqual({ accepted: 0, duplicates: 2 });
    await w.sync();
    expect(await w.value('badge', 'retried')).toBe('none');
    await w.send([{ user: 'retried', event: 'purchase', properties: pro }]);
    await w.sync();
    expect(await w.value('badge', 'retried')).toBe('offer');
  });

  it('reach and "who is in it" count behavioural members among known users, also for an unsaved definition', async () => {
    const w = await behaviourWorld(await open());
    const segmentId = await w.segment('Cart, no purchase', cartNotBought);
    await w.target('paywall', segmentId);
    await w.send([{ user: 'carted', event: 'add_to_cart' }, { user: 'bought', event: 'add_to_cart' }, { user: 'bought', event: 'purchase' }]);
    await w.sync();
    for (const user of ['carted', 'bought', 'idle']) await w.value('paywall', user);
    await w.t.app.services.knownUsers.flush();

    expect((await w.t.call('POST', '/api/segments/reach', { definition: cartNotBought }, w.admin)).json).toMatchObject({ matched: 1, total: 3, exact: true });
    const members = await w.t.call<{ items: KnownUser[] }>('GET', `/api/segments/${segmentId}/members`, undefined, w.admin);
    expect(members.json.items.map((u: { targetingKey: string }) => u.targetingKey)).toEqual(['carted']);
    // A rule no saved segment holds yet: its events are loaded for the count.
    const purchased = { kind: 'rules', builder: { type: 'group', combinator: 'and', children: [{ type: 'behaviour', measure: 'did', event: 'purchase', window: { kind: 'lastDays', days: 30 } }] } };
    expect((await w.t.call('POST', '/api/segments/reach', { definition: purchased }, w.admin)).json).toMatchObject({ matched: 1, total: 3 });
  });

  it('refuses a bad behavioural rule with the field path, and changes nothing', async () => {
    const w = await behaviourWorld(await open());
    const bad = { kind: 'rules', builder: { type: 'group', combinator: 'and', children: [{ type: 'behaviour', measure: 'count', event: 'purchase', comparison: 'atLeast', amount: 3, window: { kind: 'lastDays', days: 400 } }] } };
    const refused = await w.t.call('POST', '/api/segments', { name: 'Too long', definition: bad }, w.admin);
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toContainEqual(expect.objectContaining({ path: 'definition.builder.children.0.window.days', message: 'At most 365 days' }));
    const noAmount = { kind: 'rules', builder: { type: 'group', combinator: 'and', children: [{ type: 'behaviour', measure: 'count', event: 'purchase', comparison: 'atLeast', window: { kind: 'lastDays', days: 7 } }] } };
    const refused2 = await w.t.call('POST', '/api/segments', { name: 'No amount', definition: noAmount }, w.admin);
    expect(refused2.status).toBe(400);
    expect(refused2.json.errors).toContainEqual(expect.objectContaining({ path: 'definition.builder.children.0.amount', message: 'Enter a number' }));
    expect((await w.t.call('GET', '/api/segments', undefined, w.admin)).json.items).toEqual([]);
  });
});
