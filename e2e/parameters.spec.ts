import { expect, test, type Page } from '@playwright/test';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady } from './support/pages';

test.use({ storageState: ADMIN_STORAGE_STATE, reducedMotion: 'reduce' });
// One long journey through a dozen forms.
test.setTimeout(600_000);

interface NewParameter {
  key: string;
  name: string;
  /** The label of the type in the Type select ('Text' is the form's starting type). */
  type: string;
  /** Edits the default value before saving (valid values only). */
  fill?: (page: Page) => Promise<void>;
}

/**
 * Opens a dashboard page. Other e2e runs on this machine rebuild the shared dist/ folder, during
 * which the server answers 503 for a moment: try again until the page is served.
 */
async function open(page: Page, path: string) {
  await expect(async () => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
  }).toPass({ timeout: 60_000 });
}

/** Like expectPageReady, with room for a slow first load of a page's chunk on a busy machine. */
async function ready(page: Page, heading: string) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 30_000 });
  await expectPageReady(page, heading);
}

function defaultValueField(page: Page) {
  return page.getByRole('form', { name: 'New parameter' }).getByRole('textbox', { name: /^Default value/ });
}

async function openNewParameter(page: Page) {
  await open(page, '/parameters/new');
  await ready(page, 'New parameter');
}

async function fillBasics(page: Page, key: string, name: string) {
  const key_ = page.getByRole('textbox', { name: /^Key/ });
  await key_.fill(key);
  await page.getByRole('textbox', { name: /^Name/ }).fill(name);
}

async function chooseType(page: Page, type: string) {
  if (type === 'Text') return;
  await page.getByRole('combobox', { name: 'Type', exact: true }).click();
  await page.getByRole('option', { name: type, exact: true }).click();
}

async function createAndOpen(page: Page, name: string) {
  await page.getByRole('button', { name: 'Create parameter' }).click();
  await ready(page, name);
  await expect(page).toHaveURL(/\/parameters\/[^/]+$/);
}

async function createParameter(page: Page, parameter: NewParameter) {
  await openNewParameter(page);
  await fillBasics(page, parameter.key, parameter.name);
  await chooseType(page, parameter.type);
  await parameter.fill?.(page);
  await createAndOpen(page, parameter.name);
}

const simpleTypes: NewParameter[] = [
  { key: 'checkout.button_text', name: 'Checkout button text', type: 'Text', fill: (page) => defaultValueField(page).fill('Buy now') },
  { key: 'pricing.discount', name: 'Discount', type: 'Number', fill: (page) => defaultValueField(page).fill('12.5') },
  { key: 'physics.gravity', name: 'Gravity', type: 'Decimal (float)', fill: (page) => defaultValueField(page).fill('9.81') },
  { key: 'feature.new_checkout', name: 'New checkout', type: 'Boolean flag' },
  { key: 'config.blob', name: 'Config blob', type: 'JSON' },
  { key: 'home.sections', name: 'Home sections', type: 'List' },
  { key: 'copy.labels', name: 'Labels', type: 'Map' },
  { key: 'home.hero_image', name: 'Hero image', type: 'Image' },
  { key: 'home.intro_video', name: 'Intro video', type: 'Video' },
  { key: 'home.title_style', name: 'Title style', type: 'Text style' },
  { key: 'home.recommended', name: 'Recommended products', type: 'Recommendations' },
];

test('a marketer creates parameters of every type, edits one, restores it, and apps get the restored value', async ({ page }) => {
  let existing = 0;
  await test.step('the parameters list says plainly when nothing matches, with no serious accessibility problems', async () => {
    // Other journeys share this server and may have created parameters: search for none of them.
    await open(page, '/parameters');
    await ready(page, 'Parameters');
    existing = (await (await page.request.get('/api/parameters?limit=1')).json()).total;
    if (existing === 0) {
      await expect(page.getByText('No parameters yet — create one or import a manifest')).toBeVisible();
    } else {
      await page.getByLabel('Search', { exact: true }).fill('no-such-parameter-anywhere', { timeout: 10_000 });
      await expect(page.getByText('No parameters match')).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page, '/parameters (nothing matches)');
  });

  await test.step('the new-parameter page has no serious accessibility problems', async () => {
    await openNewParameter(page);
    await expectNoSeriousA11yViolations(page, '/parameters/new');
  });

  await test.step('an integer refuses 1.5 inline, then saves once fixed', async () => {
    await openNewParameter(page);
    await fillBasics(page, 'cart.max_items', 'Max items in cart');
    await chooseType(page, 'Integer');
    await defaultValueField(page).fill('1.5');
    await expect(page.getByText('Must be a whole number')).toBeVisible();
    await expect(defaultValueField(page)).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Create parameter' }).click();
    await expect(page).toHaveURL(/\/parameters\/new$/);
    await defaultValueField(page).fill('3');
    await expect(page.getByText('Must be a whole number')).toHaveCount(0);
    await createAndOpen(page, 'Max items in cart');
  });

  await test.step('a colour refuses an invalid hex value inline, then saves once fixed', async () => {
    await openNewParameter(page);
    await fillBasics(page, 'brand.accent', 'Accent colour');
    await chooseType(page, 'Colour');
    await defaultValueField(page).fill('#12345G');
    await expect(page.getByText(/Not a valid hex colour/)).toBeVisible();
    await page.getByRole('button', { name: 'Create parameter' }).click();
    await expect(page).toHaveURL(/\/parameters\/new$/);
    await defaultValueField(page).fill('#FF5733');
    await expect(page.getByText(/Not a valid hex colour/)).toHaveCount(0);
    await createAndOpen(page, 'Accent colour');
  });

  await test.step('a template’s JSON that breaks its schema shows an error, then saves once fixed', async () => {
    await openNewParameter(page);
    await page.getByRole('button', { name: /^Offer or paywall/ }).click();
    await expect(page.getByRole('textbox', { name: /^Key/ })).toHaveValue('paywall.offer');
    await page.getByRole('switch', { name: 'Edit as JSON' }).check();
    const json = page.getByRole('textbox', { name: /^JSON/ });
    const offer = { headline: 'Go Premium', price: -5, currency: 'USD', trialDays: 7, accentColor: '#4C6EF5' };
    await json.fill(JSON.stringify(offer));
    await expect(json).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/price/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Create parameter' }).click();
    await expect(page).toHaveURL(/\/parameters\/new$/);
    await json.fill(JSON.stringify({ ...offer, price: 4.99 }));
    await expect(json).not.toHaveAttribute('aria-invalid', 'true');
    await createAndOpen(page, 'Offer or paywall');
  });

  for (const parameter of simpleTypes) {
    await test.step(`creates a ${parameter.type} parameter`, async () => {
      await createParameter(page, parameter);
    });
  }

  await test.step('the list shows every parameter', async () => {
    await open(page, '/parameters');
    await ready(page, 'Parameters');
    const total = existing + simpleTypes.length + 3;
    await expect(page.getByText(`Showing ${total} of ${total} parameters`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'checkout.button_text' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, '/parameters (with rows)');
  });

  await test.step('edits the checkout text and sees the change in History', async () => {
    await page.getByRole('link', { name: 'checkout.button_text' }).click();
    await ready(page, 'Checkout button text');
    await expectNoSeriousA11yViolations(page, 'parameter detail');
    const value = page.getByRole('form', { name: 'Edit parameter' }).getByRole('textbox', { name: /^Default value/ });
    await expect(value).toHaveValue('Buy now');
    await value.fill('Pay now');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved as version 2')).toBeVisible();

    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('list', { name: 'Versions, newest first' });
    const latest = history.getByRole('listitem').first();
    await expect(latest.getByRole('heading', { name: 'Version 2' })).toBeVisible();
    const change = latest.getByRole('row', { name: /Default value/ });
    await expect(change).toContainText('“Buy now”');
    await expect(change).toContainText('“Pay now”');
    await expectNoSeriousA11yViolations(page, 'parameter history');
  });

  await test.step('restores version 1', async () => {
    await page.getByRole('button', { name: 'Restore version 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore version 1?' });
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByText('Version 1 restored as version 3')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Versions, newest first' }).getByRole('heading', { name: 'Version 3' })).toBeVisible();
    await page.getByRole('tab', { name: 'Value' }).click();
    await expect(page.getByRole('form', { name: 'Edit parameter' }).getByRole('textbox', { name: /^Default value/ })).toHaveValue('Buy now');
  });

  await test.step('an app reads the restored value over OFREP with a new SDK key', async () => {
    const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const created = await page.request.post('/api/sdk-keys', {
      data: { name: 'Web app', kind: 'client' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(created.status()).toBe(201);
    const { secret } = (await created.json()) as { secret: string };

    await page.getByRole('tab', { name: 'Use in your app' }).click();
    const snippet = page.getByRole('region', { name: 'Web snippet' });
    await expect(snippet).toContainText('getStringValue("checkout.button_text", "Buy now")');
    await expect(snippet).toContainText(`Bearer <your sdk key ${secret.slice(0, 10)}…>`);

    await expect
      .poll(async () => {
        const response = await page.request.post('/ofrep/v1/evaluate/flags/checkout.button_text', {
          headers: { authorization: `Bearer ${secret}` },
          data: { context: { targetingKey: 'user-1' } },
        });
        return ((await response.json()) as { value?: unknown }).value;
      })
      .toBe('Buy now');
  });
});
