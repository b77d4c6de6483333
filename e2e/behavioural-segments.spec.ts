import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import type { Parameter } from '../src/shared/contract/parameters';
import type { Segment } from '../src/shared/contract/segments';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { csrfHeaders, okBody } from './support/api';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady } from './support/pages';
import { offerSchema } from '../src/web/features/parameters/editors/template-schemas';

// Issue 14: a segment built from what users did. A marketer builds "added to cart in the last 7
// days and did not purchase", targets a paywall offer at it, and apps see users enter the segment
// when they add to cart and leave it when they purchase, through OFREP, within seconds.

test.use({ storageState: ADMIN_STORAGE_STATE });

const run = Date.now().toString(36);
const SEGMENT_NAME = `Cart abandoners ${run}`;
const PAYWALL = `paywall.cart_${run}`;
const PAYWALL_NAME = `Cart paywall ${run}`;
const defaultOffer = { headline: 'Unlock everything with Premium', price: 9.99, currency: 'USD', trialDays: 7, accentColor: '#4C6EF5' };
const cartOffer = { headline: 'Still thinking? 20% off your cart', price: 7.99, currency: 'USD', trialDays: 14, accentColor: '#0B7285' };
/** The issue's promise is 5 s on the replica that evaluates; a slow CI machine gets twice that, and the time is printed. */
const FRESHNESS_BUDGET_MS = 10_000;

/** Seed users whose events exist before the segment does: two abandoned their cart, one bought, one only browsed. */
const seeds = { abandonedA: `${run}-ann`, abandonedB: `${run}-bob`, bought: `${run}-cat`, browsed: `${run}-dan` };

let eventSeq = 0;
async function sendEvents(secret: string, events: { targetingKey: string; event: string; value?: number }[]) {
  const body = { events: events.map((e) => ({ id: `${run}-e${eventSeq++}`, type: 'track', timestamp: new Date().toISOString(), ...e })) };
  const response = await fetch(`${baseURL}/sdk/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function headlineFor(secret: string, targetingKey: string): Promise<string> {
  const response = await fetch(`${baseURL}/ofrep/v1/evaluate/flags/${encodeURIComponent(PAYWALL)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ context: { targetingKey } }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { value: { headline: string } }).value.headline;
}

/** Polls OFREP until the user sees `headline`; returns how long it took after the event was acknowledged. */
async function timeUntilHeadline(secret: string, targetingKey: string, headline: string, acknowledgedAt: number): Promise<number> {
  await expect.poll(() => headlineFor(secret, targetingKey), { timeout: FRESHNESS_BUDGET_MS, intervals: [100] }).toBe(headline);
  return Date.now() - acknowledgedAt;
}

/** The reach figure's matched count, or null while there is none. */
async function reachMatched(page: Page): Promise<number | null> {
  const text = (await page.getByTestId('reach-figure').textContent().catch(() => null)) ?? '';
  const match = /([\d,]+) of ([\d,]+) known users/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : null;
}

test('a marketer targets cart abandoners; apps see users enter on add to cart and leave on purchase', async ({ page }) => {
  test.setTimeout(240_000);
  let secret = '';
  let parameter!: Parameter;
  let segment!: Segment;

  await test.step('setup (API): a server key, a paywall parameter, and four known users with their events', async () => {
    const headers = await csrfHeaders(page.request);
    secret = (await okBody<{ secret: string }>(await page.request.post('/api/sdk-keys', { headers, data: { name: `Shop ${run}`, kind: 'server' } }))).secret;
    parameter = await okBody<Parameter>(
      await page.request.post('/api/parameters', { headers, data: { key: PAYWALL, name: PAYWALL_NAME, spec: { type: 'json', schema: offerSchema }, defaultValue: defaultOffer } }),
    );
    await sendEvents(secret, [
      { targetingKey: seeds.abandonedA, event: 'added_to_cart' },
      { targetingKey: seeds.abandonedB, event: 'added_to_cart' },
      { targetingKey: seeds.abandonedB, event: 'added_to_cart' },
      { targetingKey: seeds.bought, event: 'added_to_cart' },
      { targetingKey: seeds.bought, event: 'purchase', value: 42 },
      { targetingKey: seeds.browsed, event: 'viewed_item' },
    ]);
    // Users become known when the app evaluates for them (recorded in batches on a later request).
    let ping = 0;
    await expect
      .poll(
        async () => {
          for (const key of [...Object.values(seeds), `visitor-${run}-${ping++}`]) await headlineFor(secret, key);
          const known = (await (await page.request.get(`/api/known-users?search=${run}&limit=50`)).json()) as { items: unknown[] };
          return known.items.length;
        },
        { timeout: 30_000 },
      )
      .toBe(Object.keys(seeds).length);
  });

  await test.step('the builder: added to cart in the last 7 days AND did not purchase in the last 7 days, with its reach', async () => {
    await page.goto('/segments/new');
    await expectPageReady(page, 'New segment');
    await page.getByRole('textbox', { name: 'Name' }).fill(SEGMENT_NAME);

    await page.getByRole('button', { name: 'Add behaviour', exact: true }).click();
    const added = page.getByRole('group', { name: 'Behaviour 1' });
    await added.getByRole('combobox', { name: /^Event/ }).fill('added_to_cart');
    await added.getByRole('combobox', { name: /^Event/ }).press('Escape');
    await added.getByRole('textbox', { name: /^Days/ }).fill('7');

    await page.getByRole('button', { name: 'Add behaviour', exact: true }).click();
    const purchased = page.getByRole('group', { name: 'Behaviour 2' });
    await purchased.getByRole('combobox', { name: 'Did what' }).selectOption({ label: 'did not do' });
    await purchased.getByRole('combobox', { name: /^Event/ }).fill('purchase');
    await purchased.getByRole('combobox', { name: /^Event/ }).press('Escape');
    await purchased.getByRole('textbox', { name: /^Days/ }).fill('7');

    await expect(page.getByTestId('builder-summary')).toHaveText('In words: did added_to_cart in the last 7 days and did not purchase in the last 7 days');
    await expect(page.getByText(/Behaviour conditions count from the events the server has received/)).toBeVisible();
    await expect.poll(() => reachMatched(page), { timeout: 20_000 }).toBe(2); // ann and bob; cat bought, dan only browsed
    await expectNoSeriousA11yViolations(page, 'segment editor with behaviour conditions');

    await page.getByRole('button', { name: 'Create segment' }).click();
    await expectPageReady(page, SEGMENT_NAME);
    const list = (await (await page.request.get('/api/segments')).json()) as { items: Segment[] };
    segment = list.items.find((candidate) => candidate.name === SEGMENT_NAME) as Segment;
    expect(segment.definition).toEqual({
      kind: 'rules',
      builder: {
        type: 'group',
        combinator: 'and',
        children: [
          { type: 'behaviour', measure: 'did', event: 'added_to_cart', window: { kind: 'lastDays', days: 7 } },
          { type: 'behaviour', measure: 'didNot', event: 'purchase', window: { kind: 'lastDays', days: 7 } },
        ],
      },
    });
  });

  await test.step('the segments list says it in words', async () => {
    await page.goto('/segments');
    await expectPageReady(page, 'Segments');
    await expect(page.getByText('did added_to_cart in the last 7 days and did not purchase in the last 7 days').first()).toBeVisible();
  });

  await test.step('the paywall gets a rule: cart abandoners see the cart offer', async () => {
    await page.goto(`/parameters/${parameter.id}`);
    await expectPageReady(page, PAYWALL_NAME);
    await page.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByRole('listitem', { name: 'Rule 1' });
    await rule.getByRole('textbox', { name: 'Description' }).fill('Cart abandoners');
    await rule.getByRole('radiogroup', { name: 'Audience' }).getByText('Segment', { exact: true }).click();
    await rule.getByRole('combobox', { name: 'Segment' }).selectOption({ label: SEGMENT_NAME });
    await rule.getByRole('switch', { name: 'Edit as JSON' }).check();
    await rule.getByRole('textbox', { name: /^JSON/ }).fill(JSON.stringify(cartOffer));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(async () => ((await (await page.request.get(`/api/parameters/${parameter.id}`)).json()) as Parameter).rules)
      .toEqual([expect.objectContaining({ audience: { kind: 'segment', segmentId: segment.id }, value: cartOffer, rollout: 100, enabled: true })]);
  });

  await test.step('the seed users: the abandoners get the cart offer, the buyer and the browser the default', async () => {
    await expect.poll(() => headlineFor(secret, seeds.abandonedA), { timeout: FRESHNESS_BUDGET_MS }).toBe(cartOffer.headline);
    expect(await headlineFor(secret, seeds.abandonedB)).toBe(cartOffer.headline);
    expect(await headlineFor(secret, seeds.bought)).toBe(defaultOffer.headline);
    expect(await headlineFor(secret, seeds.browsed)).toBe(defaultOffer.headline);
  });

  await test.step('simulated users: add to cart, get the offer through OFREP; purchase, lose it', async () => {
    const shoppers = [`${run}-new-1`, `${run}-new-2`, `${run}-new-3`];
    for (const shopper of shoppers) expect(await headlineFor(secret, shopper)).toBe(defaultOffer.headline);

    await sendEvents(secret, shoppers.map((targetingKey) => ({ targetingKey, event: 'added_to_cart' })));
    const added = Date.now();
    const entered = await Promise.all(shoppers.map((shopper) => timeUntilHeadline(secret, shopper, cartOffer.headline, added)));
    console.log(`behavioural segments: after add to cart, OFREP served the cart offer within ${entered.map((ms) => `${ms} ms`).join(', ')} (promise: 5,000 ms)`);

    await sendEvents(secret, shoppers.map((targetingKey) => ({ targetingKey, event: 'purchase', value: 7.99 })));
    const bought = Date.now();
    const left = await Promise.all(shoppers.map((shopper) => timeUntilHeadline(secret, shopper, defaultOffer.headline, bought)));
    console.log(`behavioural segments: after purchase, OFREP served the default again within ${left.map((ms) => `${ms} ms`).join(', ')} (promise: 5,000 ms)`);
  });

  await test.step('preview as user: the behaviour behind the answer', async () => {
    await page.goto(`/preview?user=${encodeURIComponent(seeds.abandonedA)}`);
    await expectPageReady(page, 'Preview as user');
    const behaviour = page.getByRole('list', { name: `Behaviour of ${seeds.abandonedA}` });
    await expect(behaviour.getByRole('listitem').filter({ hasText: 'did added_to_cart in the last 7 days' })).toContainText(/observed: added_to_cart 1 time in the last 7 days — yes/);
    await expect(behaviour.getByRole('listitem').filter({ hasText: 'did not purchase in the last 7 days' })).toContainText(/— yes/);
    await expect(behaviour.getByRole('listitem').first()).toContainText(SEGMENT_NAME);
    await expectNoSeriousA11yViolations(page, 'preview as user with behaviour');
  });
});
