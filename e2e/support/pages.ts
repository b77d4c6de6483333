import { expect, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './accounts';

/** The first visit to a page downloads its code (one lazy chunk per page): allow for a busy machine. */
const PAGE_LOAD_TIMEOUT = 30_000;

/** Waits until the page shows its h1 and nothing is loading any more. */
export async function expectPageReady(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: PAGE_LOAD_TIMEOUT });
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: PAGE_LOAD_TIMEOUT });
  await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0, { timeout: PAGE_LOAD_TIMEOUT });
}

export async function signIn(page: Page, email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

export function userMenuButton(page: Page, name: string) {
  return page.getByRole('banner').getByRole('button', { name: new RegExp(`^${name}, `) });
}

/** Every chart container holds an SVG with marks drawn from data (not just axes). */
export async function expectChartsWithData(page: Page, charts: Record<string, string>) {
  // The charts draw once they come near the screen, as when a marketer scrolls down to them.
  await page.getByRole('region', { name: 'Charts' }).scrollIntoViewIfNeeded();
  for (const [chart, mark] of Object.entries(charts)) {
    const container = page.locator(`[data-chart$="-${chart}"]`);
    await expect(container, chart).toBeVisible();
    await expect(container.locator(mark).first(), `${chart} draws ${mark}`).toBeVisible();
  }
}
