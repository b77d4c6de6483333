import { expect, test as setup } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_NAME, ADMIN_PASSWORD, ADMIN_STORAGE_STATE } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady, mainNav, userMenuButton } from './support/pages';

setup('first run: the setup page creates the first admin', async ({ page }) => {
  await setup.step('a fresh install sends every page to /setup', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/setup$/);
    await expectPageReady(page, 'Set up Switchboard');
  });

  await setup.step('the setup page has no serious accessibility problems', async () => {
    await expectNoSeriousA11yViolations(page, '/setup');
  });

  await setup.step('the form checks input before sending', async () => {
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await expect(page.getByText('Enter a name')).toBeVisible();
    await expect(page.getByText('Use at least 12 characters')).toBeVisible();
  });

  await setup.step('creating the admin signs in and opens the dashboard', async () => {
    await page.getByLabel('Your name').fill(ADMIN_NAME);
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel(/^Password/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Create admin account' }).click();

    await expectPageReady(page, 'Overview');
    await expect(page).toHaveURL(/\/$/);
    await expect(mainNav(page)).toBeVisible();
    await expect(userMenuButton(page, ADMIN_NAME)).toContainText('Admin');
  });

  await setup.step('setup is closed from now on', async () => {
    const status = await page.request.get('/api/auth/setup');
    expect(await status.json()).toEqual({ needsSetup: false });
  });

  await page.context().storageState({ path: ADMIN_STORAGE_STATE });
});
