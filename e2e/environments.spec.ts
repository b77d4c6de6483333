import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { csrfHeaders, okBody } from './support/api';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady } from './support/pages';

test.use({ storageState: ADMIN_STORAGE_STATE, reducedMotion: 'reduce' });
test.setTimeout(300_000);

// A key of this run only, so the journey can run again on the same data folder.
const run = Date.now().toString(36);
const KEY = `paywall.headline-${run}`;
const NAME = `Paywall headline ${run}`;
const OLD_VALUE = 'Unlock everything';
const NEW_VALUE = 'Try it free for 7 days';

/** What an app with this SDK key reads for the parameter over OFREP. */
async function served(request: APIRequestContext, secret: string): Promise<unknown> {
  const response = await request.post(`/ofrep/v1/evaluate/flags/${encodeURIComponent(KEY)}`, {
    headers: { authorization: `Bearer ${secret}` },
    data: { context: { targetingKey: 'reader-1' } },
  });
  return ((await response.json()) as { value?: unknown }).value;
}

/** Opens a page, retrying while another e2e run rebuilds the shared dist folder (a moment of 503). */
async function open(page: Page, path: string, heading: string) {
  await expect(async () => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 30_000 });
  await expectPageReady(page, heading);
}

function switcher(page: Page) {
  return page.getByRole('banner').getByRole('combobox', { name: 'Environment' });
}

test('a marketer tries a value in Staging, then copies it into Production', async ({ page }) => {
  let productionSecret = '';
  let stagingSecret = '';

  await test.step('a parameter and a Production client key exist (every environment starts with the same default)', async () => {
    const headers = await csrfHeaders(page.request);
    await okBody(await page.request.post('/api/parameters', { headers, data: { key: KEY, name: NAME, spec: { type: 'string' }, defaultValue: OLD_VALUE } }));
    const created = await okBody<{ secret: string }>(
      await page.request.post('/api/sdk-keys', { headers, data: { name: `Production web ${run}`, kind: 'client', environmentId: 'production' } }),
    );
    productionSecret = created.secret;
    await expect.poll(() => served(page.request, productionSecret)).toBe(OLD_VALUE);
  });

  await test.step('Production is marked as reaching live apps; switching to Staging keeps the choice in the URL', async () => {
    await open(page, '/parameters?env=production', 'Parameters');
    await expect(switcher(page)).toHaveValue('production');
    await expect(page.getByRole('banner').getByText('Production: changes reach live apps')).toBeVisible();

    await switcher(page).selectOption('staging');
    await expect(page).toHaveURL(/[?&]env=staging/);
    await expect(page.getByRole('banner').getByText('Staging: changes reach Staging apps only')).toBeVisible();
    await expect(page.getByRole('link', { name: KEY })).toBeVisible();
    await expectNoSeriousA11yViolations(page, '/parameters in Staging');
  });

  await test.step("changes the default value in Staging only", async () => {
    await page.getByRole('link', { name: KEY }).click();
    await expectPageReady(page, NAME);
    await expect(switcher(page)).toHaveValue('staging');
    const value = page.getByRole('form', { name: 'Edit parameter' }).getByRole('textbox', { name: /^Default value/ });
    await expect(value).toHaveValue(OLD_VALUE);
    await value.fill(NEW_VALUE);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText(/Saved as version \d+/)).toBeVisible();
  });

  await test.step('creates a Staging client key (the form starts on the environment on screen)', async () => {
    await open(page, '/settings/sdk-keys', 'Settings');
    await expect(switcher(page)).toHaveValue('staging');
    const form = page.getByRole('form', { name: 'Create an SDK key' });
    await expect(form.getByRole('combobox', { name: /^Environment/ })).toHaveValue('staging');
    await form.getByRole('textbox', { name: /^Key name/ }).fill(`Staging web ${run}`);
    await form.getByRole('button', { name: 'Create SDK key' }).click();
    const secret = page.getByRole('textbox', { name: 'SDK key secret' });
    await expect(secret).toHaveValue(/.+/);
    stagingSecret = await secret.inputValue();
    await page.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.getByRole('row', { name: new RegExp(`Staging web ${run}`) });
    await expect(row).toContainText('Staging');
    await expectNoSeriousA11yViolations(page, '/settings/sdk-keys');
  });

  await test.step('the Staging key serves the new value; Production still serves the old one', async () => {
    await expect.poll(() => served(page.request, stagingSecret)).toBe(NEW_VALUE);
    expect(await served(page.request, productionSecret)).toBe(OLD_VALUE);
  });

  await test.step('Compare shows the difference and copies the value into Production', async () => {
    await open(page, '/parameters', 'Parameters');
    await page.getByRole('link', { name: 'Compare environments' }).click();
    await expectPageReady(page, 'Compare environments');
    await expect(page.getByRole('combobox', { name: 'From' })).toHaveValue('staging');
    await expect(page.getByRole('combobox', { name: 'To' })).toHaveValue('production');

    const card = page.getByRole('region', { name: NAME });
    await expect(card.getByText(NEW_VALUE)).toBeVisible();
    await expect(card.getByText(OLD_VALUE)).toBeVisible();
    await expect(card.getByRole('checkbox', { name: `Copy default value of ${KEY}` })).toBeChecked();
    await expectNoSeriousA11yViolations(page, '/parameters/compare');

    await card.getByRole('button', { name: /^Copy to Production/ }).click();
    await expect(page.getByRole('status').getByText(`Copied default value of ${KEY} into Production`, { exact: false })).toBeVisible();
    await expect(page.getByRole('region', { name: NAME })).toHaveCount(0);
  });

  await test.step("Production's key now serves the new value", async () => {
    await expect.poll(() => served(page.request, productionSecret)).toBe(NEW_VALUE);
  });

  await test.step('Settings > Environments lists them in switcher order, with their colours and actions', async () => {
    await open(page, '/settings/environments', 'Settings');
    const table = page.getByRole('table', { name: /Environments in switcher order/ });
    await expect(table.getByRole('row')).toHaveCount(4);
    await expect(table.getByRole('button', { name: 'Move Production up' })).toBeDisabled();
    await expect(table.getByRole('button', { name: 'Archive Staging' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, '/settings/environments');
  });
});
