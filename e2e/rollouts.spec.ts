import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { csrfHeaders, okBody } from './support/api';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady } from './support/pages';

test.use({ storageState: ADMIN_STORAGE_STATE, reducedMotion: 'reduce' });
// Simulated traffic, then "Check now" until the monitor decides: allow for a busy machine.
test.setTimeout(300_000);

// Names of this run only, so the journey can run again on the same data folder.
const run = Date.now().toString(36);
const EVENT = `checkout-${run}`;
const OLD_TEXT = 'Buy now';
const HARMFUL_TEXT = 'Maybe later';
const NEUTRAL_TEXT = 'Buy it now';

interface Keys {
  client: string;
  server: string;
}

/** What an app with the client key gets for `key` as this user, over OFREP. */
async function served(secret: string, key: string, targetingKey: string): Promise<unknown> {
  const response = await fetch(`${baseURL}/ofrep/v1/evaluate/flags/${encodeURIComponent(key)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ context: { targetingKey } }),
  });
  expect(response.status, `OFREP ${key}`).toBe(200);
  return ((await response.json()) as { value?: unknown }).value;
}

/**
 * The simulator: each user opens the app (OFREP, which records who got which value) and converts
 * at the rate for the value they got. Deterministic: user i converts when (i * 7919) % 1000 falls
 * below the rate in thousandths. Returns how many users got each value.
 */
async function simulateUsers(keys: Keys, parameterKey: string, prefix: string, users: number, rateFor: (value: unknown) => number) {
  const seen = new Map<unknown, number>();
  const events: object[] = [];
  for (let i = 0; i < users; i++) {
    const targetingKey = `${run}-${prefix}-${i}`;
    const value = await served(keys.client, parameterKey, targetingKey);
    seen.set(value, (seen.get(value) ?? 0) + 1);
    // A purchase counts only after the user was exposed: stamp it a moment after the evaluation.
    const at = new Date(Date.now() + 1_000).toISOString();
    if ((i * 7919) % 1000 < rateFor(value) * 1000) events.push({ id: `${targetingKey}-buy`, type: 'track', targetingKey, event: EVENT, timestamp: at });
  }
  for (let b = 0; b < events.length; b += 500) {
    const response = await fetch(`${baseURL}/sdk/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.server}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: events.slice(b, b + 500) }),
    });
    expect(response.status, await response.text()).toBe(200);
  }
  return seen;
}

/** Clicks "Check now" until the rollout's badge says `status` (the monitor needs the exposures written first). */
async function checkUntil(page: Page, status: string) {
  const header = page.getByRole('group', { name: 'Rollout actions' });
  await expect(async () => {
    const check = header.getByRole('button', { name: 'Check now' });
    if (await check.isEnabled()) await check.click();
    await expect(page.getByRole('main').getByText(status, { exact: true }).first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000, 3_000] });
}

async function setStep(dialog: ReturnType<Page['getByRole']>, index: number, percent: number, minutes: number, users: number) {
  await dialog.getByRole('textbox', { name: `Step ${index}: percent of users` }).fill(String(percent));
  await dialog.getByRole('textbox', { name: `Step ${index}: minimum minutes` }).fill(String(minutes));
  await dialog.getByRole('textbox', { name: `Step ${index}: minimum users` }).fill(String(users));
}

test.describe('guarded rollouts', () => {
  let keys: Keys;
  let metricId = '';

  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext({ storageState: ADMIN_STORAGE_STATE });
    const request = context.request;
    const headers = await csrfHeaders(request);
    const client = await okBody<{ secret: string }>(await request.post('/api/sdk-keys', { headers, data: { name: `Rollout app ${run}`, kind: 'client', environmentId: 'production' } }));
    const server = await okBody<{ secret: string }>(await request.post('/api/sdk-keys', { headers, data: { name: `Rollout backend ${run}`, kind: 'server', environmentId: 'production' } }));
    keys = { client: client.secret, server: server.secret };
    ({ id: metricId } = await okBody<{ id: string }>(
      await request.post('/api/metrics', { headers, data: { key: `checkout-${run}`, name: `Checkout ${run}`, kind: 'conversion', event: EVENT, direction: 'higher' } }),
    ));
    await context.close();
  });

  test('a harmful value is rolled back by the monitor, and every user gets the old value again', async ({ page }) => {
    const key = `checkout.button-${run}`;
    const name = `Checkout button ${run}`;
    let parameterId = '';

    await test.step('a checkout button text every app reads', async () => {
      const headers = await csrfHeaders(page.request);
      ({ id: parameterId } = await okBody<{ id: string }>(await page.request.post('/api/parameters', { headers, data: { key, name, spec: { type: 'string' }, defaultValue: OLD_TEXT } })));
      await expect.poll(() => served(keys.client, key, `${run}-first`)).toBe(OLD_TEXT);
    });

    await test.step('the marketer rolls out a new text safely from the parameter page, with short steps', async () => {
      await page.goto(`/parameters/${parameterId}`);
      await expectPageReady(page, name);
      await page.getByRole('button', { name: 'Roll out safely…' }).click();
      const dialog = page.getByRole('dialog', { name: `Roll out a new value of ${name}` });
      await dialog.getByRole('textbox', { name: 'Name' }).fill(`Softer checkout ${run}`);
      await dialog.getByRole('textbox', { name: /^New value/ }).fill(HARMFUL_TEXT);
      // Two steps: half the users, then everyone.
      await dialog.getByRole('button', { name: 'Remove step 2' }).click();
      await dialog.getByRole('button', { name: 'Remove step 2' }).click();
      await setStep(dialog, 1, 50, 0, 5000);
      await setStep(dialog, 2, 100, 0, 0);
      await dialog.getByRole('combobox', { name: 'Guardrail metrics' }).click();
      await page.getByRole('option', { name: `Checkout ${run}` }).click();
      // The list stays open for more choices: leave it by going back to the name.
      await dialog.getByRole('textbox', { name: 'Name' }).click();
      await expect(page.getByRole('option', { name: `Checkout ${run}` })).toBeHidden();
      await expectNoSeriousA11yViolations(page, 'roll out safely dialog');
      await dialog.getByRole('button', { name: 'Start guarded rollout' }).click();
      await expectPageReady(page, `Softer checkout ${run}`);
      await expect(page.getByText('Step 1 of 2 · 50%')).toBeVisible();
    });

    await test.step('users who get the new text buy far less; the monitor rolls it back on "Check now"', async () => {
      const seen = await simulateUsers(keys, key, 'harm', 400, (value) => (value === HARMFUL_TEXT ? 0.02 : 0.4));
      expect(seen.get(HARMFUL_TEXT) ?? 0).toBeGreaterThan(100);
      expect(seen.get(OLD_TEXT) ?? 0).toBeGreaterThan(100);
      await checkUntil(page, 'Rolled back');
      const log = page.getByRole('list', { name: 'Decisions, newest first' });
      await expect(log.getByRole('listitem').first()).toContainText('Rolled back');
      await expect(log.getByRole('listitem').first()).toContainText(/\d/);
      const table = page.getByRole('table', { name: 'Each guardrail at the last check' });
      await expect(table.getByRole('row', { name: new RegExp(`Checkout ${run}`) })).toContainText('Harmful');
      await expect(page.getByRole('button', { name: 'Check now' })).toBeDisabled();
      await expectNoSeriousA11yViolations(page, 'rollout page (rolled back)');
    });

    await test.step('OFREP serves the old text to every user again', async () => {
      for (let i = 0; i < 40; i++) expect(await served(keys.client, key, `${run}-harm-${i}`)).toBe(OLD_TEXT);
    });

    await test.step('the parameter page no longer shows a rollout in progress; the list shows it rolled back', async () => {
      await page.goto(`/parameters/${parameterId}`);
      await expectPageReady(page, name);
      await expect(page.getByText(/Guarded rollout in progress/)).toHaveCount(0);
      await page.goto('/rollouts');
      await expectPageReady(page, 'Rollouts');
      await expect(page.getByRole('row', { name: new RegExp(`Softer checkout ${run}`) })).toContainText('Rolled back');
      await expectNoSeriousA11yViolations(page, 'rollouts list');
    });
  });

  test('a neutral value passes every step and reaches 100%', async ({ page }) => {
    const key = `checkout.label-${run}`;
    const name = `Checkout label ${run}`;
    let rolloutId = '';
    let parameterId = '';

    await test.step('a rollout of a neutral text, with a small minimum of users per step (API)', async () => {
      const headers = await csrfHeaders(page.request);
      ({ id: parameterId } = await okBody<{ id: string }>(await page.request.post('/api/parameters', { headers, data: { key, name, spec: { type: 'string' }, defaultValue: OLD_TEXT } })));
      ({ id: rolloutId } = await okBody<{ id: string }>(
        await page.request.post('/api/rollouts?environment=production', {
          headers,
          data: {
            name: `Neutral checkout ${run}`,
            audience: { kind: 'everyone' },
            changes: [{ parameterKey: key, value: NEUTRAL_TEXT }],
            steps: [
              { percent: 20, minMinutes: 0, minUsers: 30 },
              { percent: 60, minMinutes: 0, minUsers: 30 },
              { percent: 100, minMinutes: 0, minUsers: 0 },
            ],
            guardrails: [metricId],
          },
        }),
      ));
    });

    await test.step('the parameter page links to the rollout in progress', async () => {
      // By id: a path whose last segment has a dot (a key like checkout.x) is taken for a file by the static server.
      await page.goto(`/parameters/${parameterId}`);
      await expectPageReady(page, name);
      await expect(page.getByText('Guarded rollout in progress: step 1 of 3 (20%)')).toBeVisible();
      await page.getByRole('link', { name: `Open the rollout “Neutral checkout ${run}”` }).click();
      await expectPageReady(page, `Neutral checkout ${run}`);
    });

    await test.step('each step: new users arrive, both sides buy alike, "Check now" advances', async () => {
      await simulateUsers(keys, key, 'neutral-1', 60, () => 0.2);
      await checkUntil(page, 'Step 2 of 3 · 60%');
      await simulateUsers(keys, key, 'neutral-2', 60, () => 0.2);
      await checkUntil(page, 'Completed');
      const log = page.getByRole('list', { name: 'Decisions, newest first' });
      await expect(log.getByRole('listitem').filter({ hasText: 'Advanced' })).toHaveCount(2);
      await expect(log.getByRole('listitem').first()).toContainText('Completed');
      await expectNoSeriousA11yViolations(page, 'rollout page (completed)');
    });

    await test.step('every user now gets the new text', async () => {
      for (let i = 0; i < 20; i++) expect(await served(keys.client, key, `${run}-after-${i}`)).toBe(NEUTRAL_TEXT);
      const saved = await okBody<{ status: string }>(await page.request.get(`/api/rollouts/${rolloutId}`));
      expect(saved.status).toBe('completed');
    });
  });
});
