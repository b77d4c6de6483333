import { expect, test, type Page } from '@playwright/test';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady } from './support/pages';

const shellPages = [
  { name: 'Overview', path: '/', heading: 'Overview' },
  { name: 'Parameters', path: '/parameters', heading: 'Parameters' },
  { name: 'Segments', path: '/segments', heading: 'Segments' },
  { name: 'Experiments', path: '/experiments', heading: 'Experiments' },
  { name: 'Metrics', path: '/metrics', heading: 'Metrics' },
  { name: 'Audit log', path: '/audit-log', heading: 'Audit log' },
  { name: 'Settings > Profile', path: '/settings/profile', heading: 'Settings' },
  { name: 'Settings > Users', path: '/settings/users', heading: 'Settings' },
  { name: 'Settings > API tokens', path: '/settings/api-tokens', heading: 'Settings' },
] as const;

async function expectScheme(page: Page, scheme: 'light' | 'dark') {
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${scheme} theme`, () => {
    // The OS preference picks the theme (no choice stored yet); no motion, so axe never sees a half-faded element.
    test.use({ colorScheme: scheme, reducedMotion: 'reduce' });

    test('sign-in page', async ({ page }) => {
      await page.goto('/sign-in');
      await expectPageReady(page, 'Sign in');
      await expectScheme(page, scheme);
      await expectNoSeriousA11yViolations(page, `/sign-in (${scheme})`);

      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('Enter your password')).toBeVisible();
      await expectNoSeriousA11yViolations(page, `/sign-in with errors (${scheme})`);
    });

    test.describe('signed in', () => {
      test.use({ storageState: ADMIN_STORAGE_STATE });

      for (const shellPage of shellPages) {
        test(shellPage.name, async ({ page }) => {
          await page.goto(shellPage.path);
          await expectPageReady(page, shellPage.heading);
          await expectScheme(page, scheme);
          await expectNoSeriousA11yViolations(page, `${shellPage.path} (${scheme})`);
        });
      }

      test('Settings > Users with a fresh invite link', async ({ page }) => {
        await page.goto('/settings/users');
        await expectPageReady(page, 'Settings');
        await page.getByRole('form', { name: 'Invite someone' }).getByLabel('Email').fill(`a11y-${scheme}@example.com`);
        await page.getByRole('button', { name: 'Create invite link' }).click();
        await expect(page.getByRole('textbox', { name: 'Invite link' })).toBeVisible();
        await expectNoSeriousA11yViolations(page, `/settings/users with an invite link (${scheme})`);
      });

      test('Settings > API tokens with a new secret and the revoke dialog', async ({ page }) => {
        await page.goto('/settings/api-tokens');
        await expectPageReady(page, 'Settings');
        await page.getByLabel('Token name').fill(`a11y ${scheme}`);
        await page.getByRole('button', { name: 'Create token' }).click();
        await expect(page.getByRole('textbox', { name: 'Token secret' })).toHaveValue(/^sbt_/);
        await expect(page.getByRole('row', { name: new RegExp(`a11y ${scheme}`) })).toBeVisible();
        await expectNoSeriousA11yViolations(page, `/settings/api-tokens with a secret (${scheme})`);

        await page.getByRole('button', { name: `Revoke a11y ${scheme}` }).click();
        await expect(page.getByRole('dialog', { name: `Revoke “a11y ${scheme}”?` })).toBeVisible();
        await expectNoSeriousA11yViolations(page, `/settings/api-tokens revoke dialog (${scheme})`);
        await page.getByRole('button', { name: 'Revoke token' }).click();
        await expect(page.getByRole('row', { name: new RegExp(`a11y ${scheme}`) })).toContainText('Revoked');
      });

      test('small screen: the navigation collapses behind a menu button', async ({ page }) => {
        await page.setViewportSize({ width: 390, height: 800 });
        await page.goto('/');
        await expectPageReady(page, 'Overview');
        // While collapsed the navbar is off screen and inert (out of the tab order and the accessibility tree).
        const navbar = page.locator('nav#main-navigation');
        const burger = page.getByRole('button', { name: 'Open navigation' });
        await expect(burger).toHaveAttribute('aria-expanded', 'false');
        await expect(navbar).toHaveAttribute('inert', '');
        await expect(navbar).not.toBeInViewport();
        await expectNoSeriousA11yViolations(page, `/ on a small screen (${scheme})`);

        await burger.click();
        await expect(page.getByRole('button', { name: 'Close navigation' })).toHaveAttribute('aria-expanded', 'true');
        await expect(navbar).not.toHaveAttribute('inert');
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click();
        await expectPageReady(page, 'Metrics');
        await expect(page.getByRole('button', { name: 'Open navigation' })).toBeVisible();
      });
    });
  });
}

test.describe('keyboard and theme', () => {
  test.use({ storageState: ADMIN_STORAGE_STATE, colorScheme: 'light' });

  test('the skip link is the first stop and jumps to the content', async ({ page }) => {
    await page.goto('/parameters');
    await expectPageReady(page, 'Parameters');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('the theme toggle switches and remembers the choice', async ({ page }) => {
    await page.goto('/');
    await expectPageReady(page, 'Overview');
    await expectScheme(page, 'light');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expectScheme(page, 'dark');
    await page.reload();
    await expectPageReady(page, 'Overview');
    await expectScheme(page, 'dark');
    await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  });
});
