import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Metric } from '../src/shared/contract/metrics';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady, mainNav } from './support/pages';

test.use({ storageState: ADMIN_STORAGE_STATE });

const run = Date.now().toString(36);
const CONVERSION = `Purchases of shoes ${run}`;
const REVENUE = `Revenue per user ${run}`;
const RATIO = `Shoe purchases per visit ${run}`;

/** What an app sends: three users visit, two buy (shoes and a bag), with the order total as the value. */
function events() {
  const at = new Date().toISOString();
  const track = (user: string, event: string, properties: Record<string, string | number>, value?: number) => ({
    id: `${run}-${user}-${event}-${properties.category ?? properties.page}`,
    type: 'track',
    targetingKey: `${run}-${user}`,
    event,
    timestamp: at,
    properties,
    ...(value !== undefined && { value }),
  });
  return [
    track('ana', 'visit', { page: 'home' }),
    track('ben', 'visit', { page: 'shoes' }),
    track('cai', 'visit', { page: 'bags' }),
    track('ana', 'purchase', { category: 'shoes', size: 38 }, 89.9),
    track('cai', 'purchase', { category: 'bags' }, 45),
  ];
}

function drawer(page: Page, name: string | RegExp): Locator {
  return page.getByRole('dialog', { name });
}

async function chooseEvent(form: Locator, label: RegExp, event: string) {
  const input = form.getByRole('combobox', { name: label });
  await input.fill(event.slice(0, 4));
  await form.page().getByRole('option', { name: new RegExp(`^${event}\\b`) }).click();
  await expect(input).toHaveValue(event);
}

function rowOf(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
}

test('a marketer defines conversion, revenue and ratio metrics from the events apps send, edits one and archives one', async ({ page }) => {
  test.setTimeout(180_000); // many steps on a busy machine

  await test.step('setup: an app sends purchases and visits with a server SDK key', async () => {
    const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const created = await page.request.post('/api/sdk-keys', { headers: { 'x-csrf-token': session.csrfToken }, data: { name: `Shop backend ${run}`, kind: 'server' } });
    expect(created.status()).toBe(201);
    const { secret } = (await created.json()) as { secret: string };
    const sent = await page.request.post('/sdk/v1/events', { headers: { authorization: `Bearer ${secret}` }, data: { events: events() } });
    expect(sent.status()).toBe(200);
    expect(await sent.json()).toEqual({ accepted: 5, duplicates: 0 });
  });

  await test.step('the metrics page is in the navigation and accessible', async () => {
    await page.goto('/');
    await mainNav(page).getByRole('link', { name: 'Metrics' }).click();
    await expectPageReady(page, 'Metrics');
    await expectNoSeriousA11yViolations(page, 'metrics list');
  });

  await test.step('a conversion metric: an empty name is refused inline, then purchase where category = shoes within 7 days', async () => {
    await page.getByRole('link', { name: 'New metric' }).first().click();
    const form = drawer(page, 'New metric');
    await expect(form).toBeVisible();
    await chooseEvent(form, /^Event/, 'purchase');
    await expect(form.getByText(/^Seen: \d+ events? from \d+ users?\.$/)).toBeVisible();
    await form.getByRole('button', { name: 'Create metric' }).click();
    const name = form.getByRole('textbox', { name: /^Name/ });
    await expect(form.getByText('Enter a name')).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page, 'new metric form with an error');

    await name.fill(CONVERSION);
    await expect(form.getByRole('textbox', { name: /^Key/ })).toHaveValue(`purchases_of_shoes_${run}`);
    await form.getByRole('button', { name: 'Add filter' }).click();
    const filter = form.getByRole('group', { name: 'Filter 1' });
    await filter.getByRole('combobox', { name: /^Property/ }).fill('cat');
    await page.getByRole('option', { name: 'category' }).click();
    await filter.getByRole('textbox', { name: 'Value' }).fill('shoes');
    await form.getByRole('textbox', { name: /^Conversion window/ }).fill('7');
    await form.getByRole('button', { name: 'Create metric' }).click();
    await expect(form).toBeHidden();

    const row = rowOf(page, CONVERSION);
    await expect(row).toContainText('Conversion');
    await expect(row).toContainText('purchase where category = shoes');
    await expect(row).toContainText('7 days');
    const stored = ((await (await page.request.get('/api/metrics')).json()) as { items: Metric[] }).items.find((m) => m.name === CONVERSION);
    expect(stored).toMatchObject({ kind: 'conversion', event: 'purchase', filters: [{ property: 'category', operator: 'equals', value: 'shoes' }], windowHours: 168 });
  });

  await test.step('a revenue metric: sum of the purchase value per user', async () => {
    await page.getByRole('link', { name: 'New metric' }).first().click();
    const form = drawer(page, 'New metric');
    await form.getByRole('textbox', { name: /^Name/ }).fill(REVENUE);
    await form.getByRole('radio', { name: 'Sum per user' }).check();
    await chooseEvent(form, /^Event/, 'purchase');
    await expect(form.getByText(/with a value\.$/)).toBeVisible();
    await form.getByRole('button', { name: 'Create metric' }).click();
    await expect(form).toBeHidden();
    await expect(rowOf(page, REVENUE)).toContainText('Sum per user');
  });

  await test.step('a ratio metric: refused without a denominator, then shoe purchases per visit', async () => {
    await page.getByRole('link', { name: 'New metric' }).first().click();
    const form = drawer(page, 'New metric');
    await form.getByRole('textbox', { name: /^Name/ }).fill(RATIO);
    await form.getByRole('radio', { name: 'Ratio' }).check();
    await chooseEvent(form, /^Numerator event/, 'purchase');
    await form.getByRole('button', { name: 'Create metric' }).click();
    const denominator = form.getByRole('combobox', { name: /^Denominator event/ });
    await expect(form.getByText('A ratio needs a denominator event')).toBeVisible();
    await expect(denominator).toHaveAttribute('aria-invalid', 'true');

    // An event no app has sent yet can be typed freely; the form says so.
    await denominator.fill('store_visit');
    await expect(form.getByText('Never sent yet')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'ratio form with an unsent event');
    await denominator.clear();
    await chooseEvent(form, /^Denominator event/, 'visit');
    await form.getByRole('button', { name: 'Create metric' }).click();
    await expect(form).toBeHidden();
    await expect(rowOf(page, RATIO)).toContainText('purchase ÷ visit');
  });

  await test.step('editing: revenue is counted within 3 days', async () => {
    await page.getByRole('link', { name: `Edit ${REVENUE}` }).click();
    const form = drawer(page, `Edit “${REVENUE}”`);
    await expect(form.getByRole('textbox', { name: /^Key/ })).toHaveAttribute('readonly');
    await form.getByRole('textbox', { name: /^Conversion window/ }).fill('3');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form).toBeHidden();
    await expect(rowOf(page, REVENUE)).toContainText('3 days');
  });

  await test.step('archiving the ratio moves it to the archived list', async () => {
    await page.getByRole('button', { name: `Archive ${RATIO}` }).click();
    await page.getByRole('dialog', { name: `Archive “${RATIO}”?` }).getByRole('button', { name: 'Archive metric' }).click();
    await expect(rowOf(page, RATIO)).toHaveCount(0);
    await page.getByRole('switch', { name: 'Show archived metrics' }).check();
    await expect(rowOf(page, RATIO)).toBeVisible();
    await expect(page.getByRole('button', { name: `Restore ${RATIO}` })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'archived metrics');
  });
});
