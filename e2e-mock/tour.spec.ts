import { expect, test } from '@playwright/test';
import { MOCK_DEMO_CREDENTIALS } from '../src/shared/demo-account';
import { expectChartsWithData, expectPageReady } from '../e2e/support/pages';

// The product tour on the static mock build, no server process: the first visit builds the demo
// workspace of `npm run demo` in the page (with progress), the sign-in page shows the demo's
// credentials, and the checkout-button experiment's results page draws its charts from the
// simulated users. A reload opens the same workspace without building it again.

const EXPERIMENT = 'Orange checkout button';

test('sign in to the demo workspace and read the demo experiment\'s results', async ({ page }) => {
  // Every API answer must come from the app in the page (through MSW's service worker): the
  // preview server behind this build has no API at all.
  const apiAnswers: { url: string; fromServiceWorker: boolean }[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) apiAnswers.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
  });

  await test.step('the first visit builds the demo workspace, showing its progress', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Preparing the demo workspace…' })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Preparing the demo workspace' })).toBeVisible();
    await expectPageReady(page, 'Sign in');
  });

  await test.step('the sign-in page shows the demo credentials, and they sign in', async () => {
    const { email, password } = MOCK_DEMO_CREDENTIALS;
    await expect(page.getByText(`Demo: ${email} / ${password}`)).toBeVisible();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 30_000 });
  });

  await test.step('the demo experiment\'s results: a verdict, the table and the charts', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Experiments' }).click();
    // The overview stays on screen while the next page loads, and it links the same name to the results.
    await expectPageReady(page, 'Experiments');
    await page.getByRole('link', { name: EXPERIMENT }).click();
    await expectPageReady(page, EXPERIMENT);
    await page.getByRole('link', { name: 'Results' }).click();
    await expectPageReady(page, `Results: ${EXPERIMENT}`);
    await expect(page.getByTestId('results-verdict')).toContainText('Purchase conversion');
    const rows = page.getByRole('table', { name: 'Purchase conversion' }).getByRole('row');
    // About half of the mock's 2,500 simulated users in each variant.
    await expect(rows.nth(1)).toContainText(/Green \(current\).*1,\d{3}/);
    await expect(rows.nth(2)).toContainText(/Orange.*1,\d{3}/);
    await expectChartsWithData(page, {
      cumulative: '.recharts-line-curve',
      lift: '.recharts-area-area',
      exposures: '.recharts-bar-rectangle',
      forest: 'circle',
    });
  });

  await test.step('a reload opens the same workspace, still signed in, without building it again', async () => {
    // A rebuilt workspace would have new ids (this URL's experiment would not exist) and no
    // session (back to sign-in): the results page at the same URL proves the saved one was kept.
    await page.reload();
    await expectPageReady(page, `Results: ${EXPERIMENT}`);
    await expectChartsWithData(page, { cumulative: '.recharts-line-curve' });
  });

  expect(apiAnswers.length).toBeGreaterThan(0);
  expect(apiAnswers.filter((a) => !a.fromServiceWorker)).toEqual([]);
});
