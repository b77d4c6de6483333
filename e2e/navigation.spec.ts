import { expect, test } from '@playwright/test';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { expectPageReady, mainNav } from './support/pages';

test.use({ storageState: ADMIN_STORAGE_STATE });

test('on a slow network, a click in the navigation shows a loading bar until the next page arrives', async ({ page }) => {
  await page.goto('/');
  await expectPageReady(page, 'Overview');
  // The audit log page's code takes 1.5 s to arrive, as on a slow phone network.
  await page.route(/\/assets\/audit-log-page-[\w-]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await mainNav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('progressbar', { name: 'Loading the page' })).toBeVisible();
  // The old page stays readable meanwhile.
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expectPageReady(page, 'Audit log');
  await expect(page.getByRole('progressbar', { name: 'Loading the page' })).toBeHidden();
});

test('the page breaks none of its own security policy: the colour scheme is set before the first paint', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text())) blocked.push(message.text());
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expectPageReady(page, 'Overview');
  expect(blocked).toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
});
