import { expect, test, type Page } from '@playwright/test';
import type { Experiment } from '../src/shared/contract/experiments';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady } from './support/pages';
import { csrfHeaders, okBody } from './support/api';
import { offerSchema } from '../src/web/features/parameters/editors/template-schemas';

// Variants as the app shows them: a paywall parameter is drawn as a paywall screen (not JSON) in
// the variant editor, the review step and the promote dialog, and those pages pass axe on a phone
// (390 px) and a desktop (1440 px).

test.use({ storageState: ADMIN_STORAGE_STATE, reducedMotion: 'reduce' });

const run = Date.now().toString(36);
const PAYWALL = `paywall.offer_${run}`;
const PAYWALL_NAME = `Paywall ${run}`;
const DEFAULT_HEADLINE = 'Unlock everything with Premium';
const B_HEADLINE = 'Two weeks free, then save 40%';
const EVENT = `purchase_previews_${run}`;

const defaultOffer = { headline: DEFAULT_HEADLINE, price: 9.99, currency: 'USD', trialDays: 7, accentColor: '#4C6EF5' };
const bOffer = { headline: B_HEADLINE, price: 5.99, currency: 'USD', trialDays: 14, accentColor: '#0B7285' };

/** 40 users exposed after the start, half to each variant: enough for the Promote button to open. */
async function sendExposures(page: Page, secret: string, experiment: Experiment) {
  const start = Date.parse(experiment.startedAt!) + 500;
  const events = Array.from({ length: 40 }, (_, i) => ({
    id: `${run}-pv-${i}`,
    type: 'exposure',
    targetingKey: `${run}-pv-${i}`,
    event: 'exposure',
    timestamp: new Date(start + i).toISOString(),
    properties: { experiment: experiment.key, variant: i % 2 === 0 ? 'control' : 'b' },
  }));
  const response = await page.request.post('/sdk/v1/events', { headers: { authorization: `Bearer ${secret}` }, data: { events } });
  expect(response.status(), await response.text()).toBe(200);
}

test('a paywall variant is shown as a paywall screen in the editor, the review and the promote dialog', async ({ page }) => {
  test.setTimeout(240_000);
  let running!: Experiment;
  let draft!: Experiment;

  await test.step('setup (API): a paywall parameter, a running experiment with exposures, and a draft', async () => {
    const headers = await csrfHeaders(page.request);
    const key = await okBody<{ secret: string }>(await page.request.post('/api/sdk-keys', { headers, data: { name: `Previews ${run}`, kind: 'server' } }));
    await okBody(await page.request.post('/api/parameters', { headers, data: { key: PAYWALL, name: PAYWALL_NAME, spec: { type: 'json', schema: offerSchema }, defaultValue: defaultOffer } }));
    const metric = await okBody<{ id: string }>(await page.request.post('/api/metrics', { headers, data: { key: `previews-${run}`, name: `Previews purchases ${run}`, kind: 'conversion', event: EVENT, direction: 'higher' } }));
    const variants = [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'b', name: 'Variant B', weight: 50, overrides: { [PAYWALL]: bOffer } },
    ];
    const metrics = { primary: metric.id, secondary: [], guardrails: [] };
    const created = await okBody<Experiment>(await page.request.post('/api/experiments', { headers, data: { key: `previews-${run}`, name: `Paywall test ${run}`, variants, metrics } }));
    running = await okBody<Experiment>(await page.request.post(`/api/experiments/${created.id}/transitions`, { headers, data: { action: 'start', expectedVersion: created.version } }));
    draft = await okBody<Experiment>(await page.request.post('/api/experiments', { headers, data: { key: `previews-draft-${run}`, name: `Paywall draft ${run}`, variants, metrics } }));
    await sendExposures(page, key.secret, running);
    await expect.poll(async () => ((await (await page.request.get(`/api/experiments/${running.id}/exposures`)).json()) as { items: { users: number }[] }).items.reduce((s, c) => s + c.users, 0), { timeout: 60_000 }).toBe(40);
  });

  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    await test.step(`variant editor at ${viewport.width} px: the value beside its paywall screen`, async () => {
      await page.setViewportSize(viewport);
      await page.goto(`/experiments/${draft.id}/edit?step=variants`);
      const override = page.getByRole('group', { name: `${PAYWALL_NAME} in Variant B` });
      const phone = override.getByRole('figure', { name: 'Paywall on a phone' });
      await expect(phone).toContainText(B_HEADLINE, { timeout: 30_000 });
      await expect(phone).toContainText('14-day free trial, then $5.99');
      await expect(phone).toContainText('Start free trial');
      await expect(page.getByRole('group', { name: `${PAYWALL_NAME} in Control` }).getByRole('figure', { name: 'Paywall on a phone' })).toContainText(DEFAULT_HEADLINE);
      // The radio is visually hidden under its label (Mantine's SegmentedControl): click what a user sees.
      await override.locator('label', { hasText: /^Web$/ }).click();
      await expect(override.getByRole('figure', { name: 'Paywall on the web' })).toContainText(B_HEADLINE);
      await expectNoSeriousA11yViolations(page, `variant editor (${viewport.width} px)`);
    });

    await test.step(`review at ${viewport.width} px: each variant card shows its paywall`, async () => {
      await page.goto(`/experiments/${draft.id}/edit?step=review`);
      const variants = page.getByRole('region', { name: 'Variants and what they show' });
      const b = variants.getByRole('listitem', { name: 'Variant Variant B' });
      await expect(b.getByRole('figure', { name: 'Paywall on a phone' })).toContainText(B_HEADLINE, { timeout: 30_000 });
      await expect(variants).not.toContainText('"headline"');
      await expectNoSeriousA11yViolations(page, `review step (${viewport.width} px)`);
    });

    await test.step(`promote dialog at ${viewport.width} px: now and after promotion, as screens`, async () => {
      await page.goto(`/experiments/${running.id}`);
      await expectPageReady(page, `Paywall test ${run}`);
      await page.getByRole('button', { name: 'Promote winner' }).click();
      const dialog = page.getByRole('dialog', { name: 'Promote the winner' });
      await dialog.getByRole('radio', { name: 'Variant B (b)' }).check();
      await dialog.getByRole('radio', { name: 'Everyone', exact: true }).check();
      await dialog.getByRole('button', { name: 'Show what changes' }).click();
      const change = dialog.getByRole('listitem', { name: PAYWALL_NAME });
      await expect(change.getByRole('region', { name: `${PAYWALL_NAME}: After promotion` }).getByRole('figure', { name: 'Paywall on a phone' })).toContainText(B_HEADLINE);
      await expect(change.getByRole('region', { name: `${PAYWALL_NAME}: Now` }).getByRole('figure', { name: 'Paywall on a phone' })).toContainText(DEFAULT_HEADLINE);
      await expect(dialog).not.toContainText('"headline"');
      await expectNoSeriousA11yViolations(page, `promote dialog (${viewport.width} px)`);
      await page.keyboard.press('Escape');
    });

    await test.step(`preview as user and results at ${viewport.width} px`, async () => {
      await page.goto('/preview');
      await page.getByRole('textbox', { name: /User ID/ }).fill(`${run}-pv-1`);
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const card = page.getByRole('article', { name: PAYWALL_NAME });
      await expect(card.getByRole('figure', { name: 'Paywall on a phone' })).toBeVisible({ timeout: 30_000 });
      await expectNoSeriousA11yViolations(page, `preview as user (${viewport.width} px)`);
      await page.goto(`/experiments/${running.id}/results`);
      await expectPageReady(page, `Results: Paywall test ${run}`);
      await expect(page.getByRole('columnheader', { name: 'Verdict' }).first()).toBeVisible({ timeout: 30_000 });
      await expectNoSeriousA11yViolations(page, `results (${viewport.width} px)`);
    });
  }
});
