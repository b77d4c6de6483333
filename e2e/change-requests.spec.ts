import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { csrfHeaders, okBody } from './support/api';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady } from './support/pages';

test.use({ storageState: ADMIN_STORAGE_STATE, reducedMotion: 'reduce' });
// The scheduled publish is about a minute ahead and the server's scheduler runs every 15 seconds.
test.setTimeout(360_000);

// Names of this run only, so the journey can run again on the same data folder.
const run = Date.now().toString(36);
const KEY = `paywall.price_label-${run}`;
const NAME = `Paywall price label ${run}`;
const OLD_VALUE = '€9.99 a month';
const NEW_VALUE = 'First month free, then €9.99';
const MARA = { email: `mara-${run}@example.com`, name: `Mara Marketer ${run}`, password: 'mara marketer password' };
const BEA = { email: `bea-${run}@example.com`, name: `Bea Reviewer ${run}`, password: 'bea reviewer password' };

/** What an app with this SDK key reads for the parameter over OFREP. */
async function served(request: APIRequestContext, secret: string): Promise<unknown> {
  const response = await request.post(`/ofrep/v1/evaluate/flags/${encodeURIComponent(KEY)}`, {
    headers: { authorization: `Bearer ${secret}` },
    data: { context: { targetingKey: 'shopper-1' } },
  });
  return ((await response.json()) as { value?: unknown }).value;
}

/** Opens a page, retrying while another e2e run rebuilds the shared dist folder (a moment of 503). */
async function open(page: Page, path: string, heading: string | RegExp) {
  await expect(async () => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
  }).toPass({ timeout: 60_000 });
  await expectPageReady(page, heading);
}

/** An editor invited by the admin (API), signed in in a browser of their own. */
async function editorBrowser(browser: Browser, admin: APIRequestContext, person: typeof MARA): Promise<Page> {
  const invited = await okBody<{ inviteToken: string }>(
    await admin.post('/api/users', { headers: await csrfHeaders(admin), data: { email: person.email, name: person.name, role: 'editor' } }),
  );
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, reducedMotion: 'reduce' });
  await okBody(await context.request.post('/api/auth/accept-invite', { data: { token: invited.inviteToken, name: person.name, password: person.password } }));
  return context.newPage();
}

// The journeys share one server: whatever happens here, Production takes direct changes again
// afterwards, as the other journeys expect.
test.afterAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: ADMIN_STORAGE_STATE });
  const admin = context.request;
  const { items } = await okBody<{ items: { id: string; version: number; requiresApproval: boolean }[] }>(await admin.get('/api/environments'));
  const production = items.find((e) => e.id === 'production');
  if (production?.requiresApproval) {
    await okBody(await admin.patch('/api/environments/production', { headers: await csrfHeaders(admin), data: { expectedVersion: production.version, requiresApproval: false } }));
  }
  await context.close();
});

test('Production requires approval: a marketer proposes a Staging value, another editor approves, it publishes on schedule', async ({ page, browser }) => {
  let productionSecret = '';
  let stagingSecret = '';
  let changeRequestUrl = '';
  // Pages open by id: a path whose last segment has a dot (a key like paywall.x) is taken for a file by the static server.
  let parameterId = '';

  await test.step('a paywall parameter, a client key per environment, and two editors exist', async () => {
    const headers = await csrfHeaders(page.request);
    ({ id: parameterId } = await okBody<{ id: string }>(
      await page.request.post('/api/parameters', { headers, data: { key: KEY, name: NAME, spec: { type: 'string' }, defaultValue: OLD_VALUE } }),
    ));
    for (const environmentId of ['production', 'staging']) {
      const created = await okBody<{ secret: string }>(await page.request.post('/api/sdk-keys', { headers, data: { name: `Shop ${environmentId} ${run}`, kind: 'client', environmentId } }));
      if (environmentId === 'production') productionSecret = created.secret;
      else stagingSecret = created.secret;
    }
    await expect.poll(() => served(page.request, productionSecret)).toBe(OLD_VALUE);
  });
  const mara = await editorBrowser(browser, page.request, MARA);
  const bea = await editorBrowser(browser, page.request, BEA);

  await test.step('the admin turns on approval for Production in Settings > Environments', async () => {
    await open(page, '/settings/environments', 'Settings');
    const toggle = page.getByRole('switch', { name: 'Require approval in Production' });
    await expect(page.getByText('Recommended for Production')).toBeVisible();
    if (!(await toggle.isChecked())) await toggle.click({ force: true });
    await expect(toggle).toBeChecked();
    await expectNoSeriousA11yViolations(page, '/settings/environments with approval on');
  });

  await test.step('the marketer changes the paywall value in Staging, which needs no approval', async () => {
    await open(mara, `/parameters/${parameterId}?env=staging`, NAME);
    await expect(mara.getByText('Changes in Staging need approval')).toHaveCount(0);
    const value = mara.getByRole('form', { name: 'Edit parameter' }).getByRole('textbox', { name: /^Default value/ });
    await value.fill(NEW_VALUE);
    await mara.getByRole('button', { name: 'Save changes' }).click();
    await expect(mara.getByText(/Saved as version \d+/)).toBeVisible();
  });

  await test.step("Staging's key serves the new value; Production's the old one", async () => {
    await expect.poll(() => served(page.request, stagingSecret)).toBe(NEW_VALUE);
    expect(await served(page.request, productionSecret)).toBe(OLD_VALUE);
  });

  await test.step('in Production the parameter page says changes need approval', async () => {
    await open(mara, `/parameters/${parameterId}?env=production`, NAME);
    await expect(mara.getByText('Changes in Production need approval')).toBeVisible();
    await expectNoSeriousA11yViolations(mara, 'a parameter in an environment that requires approval');
    // Saving here proposes rather than saves: the dialog opens, and cancelling changes nothing.
    await mara.getByRole('form', { name: 'Edit parameter' }).getByRole('textbox', { name: /^Default value/ }).fill('Typed in Production');
    await mara.getByRole('button', { name: 'Save changes' }).click();
    const dialog = mara.getByRole('dialog', { name: 'Propose change' });
    await expect(dialog).toContainText('Production requires approval');
    await expect(dialog.getByRole('button', { name: 'Save directly' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await served(page.request, productionSecret)).toBe(OLD_VALUE);
  });

  await test.step('she compares Staging with Production and copies the value into a change request', async () => {
    await open(mara, `/parameters/compare?env=staging&parameter=${encodeURIComponent(KEY)}`, 'Compare environments');
    await expect(mara.getByRole('combobox', { name: 'From' })).toHaveValue('staging');
    await expect(mara.getByRole('combobox', { name: 'To' })).toHaveValue('production');
    const card = mara.getByRole('region', { name: NAME });
    await expect(card.getByText(NEW_VALUE)).toBeVisible();
    await expectNoSeriousA11yViolations(mara, '/parameters/compare into an approval environment');
    await card.getByRole('button', { name: `Copy into a change request for Production: ${KEY}` }).click();

    await expectPageReady(mara, `Copy ${KEY} from Staging`);
    changeRequestUrl = mara.url();
    expect(changeRequestUrl).toMatch(/\/changes\/[^/?]+\?env=production$/);
    const change = mara.getByRole('region', { name: NAME });
    await expect(change.getByRole('row', { name: /Default value/ })).toContainText(OLD_VALUE);
    await expect(change.getByRole('row', { name: /Default value/ })).toContainText(NEW_VALUE);
  });

  await test.step('the author cannot approve her own change request, nor publish it unapproved', async () => {
    await expect(mara.getByRole('button', { name: 'Approve' })).toBeDisabled();
    await expect(mara.getByText('You cannot approve your own change request: someone else reviews it.')).toBeVisible();
    await expect(mara.getByRole('button', { name: 'Publish to Production' })).toBeDisabled();
    await expect(mara.getByText(/Production requires approval: someone other than/)).toBeVisible();
    const id = new URL(changeRequestUrl).pathname.split('/').pop()!;
    const refused = await mara.request.post(`/api/change-requests/${id}/reviews`, { headers: await csrfHeaders(mara.request), data: { expectedVersion: 1, verdict: 'approve' } });
    expect(refused.status()).toBe(403);
    await expectNoSeriousA11yViolations(mara, 'a change request seen by its author');
  });

  await test.step('another editor comments and approves', async () => {
    await open(bea, changeRequestUrl, `Copy ${KEY} from Staging`);
    await bea.getByRole('textbox', { name: 'Comment' }).fill('Matches the Staging test. Approving.');
    await bea.getByRole('button', { name: 'Add comment' }).click();
    await expect(bea.getByRole('article', { name: `Comment by ${BEA.name}` })).toBeVisible();
    await bea.getByRole('button', { name: 'Approve' }).click();
    await expect(bea.getByRole('button', { name: 'You approved revision 1' })).toBeDisabled();
    await expect(bea.getByRole('region', { name: 'Reviews' }).getByRole('listitem')).toContainText(new RegExp(`Approved\\s*${BEA.name}.* on revision 1`));
    await expect(bea.getByRole('button', { name: 'Publish to Production' })).toBeEnabled();
    await expectNoSeriousA11yViolations(bea, 'an approved change request');
  });

  let publishAt = 0;
  await test.step('the marketer schedules the publish about a minute ahead', async () => {
    await open(mara, changeRequestUrl, `Copy ${KEY} from Staging`);
    // The input holds local wall time to the minute: 90 seconds ahead, cut to the minute, is 30 to 90 seconds ahead.
    const local = await mara.evaluate(() => {
      const at = new Date(Date.now() + 90_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
    });
    publishAt = await mara.evaluate((value) => new Date(value).getTime(), local);
    await mara.getByLabel('Publish at').fill(local);
    await mara.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(mara.getByText(/Scheduled to publish on .+\./)).toBeVisible();
  });

  await test.step("before the time, Production's key still serves the old value", async () => {
    expect(Date.now()).toBeLessThan(publishAt);
    expect(await served(page.request, productionSecret)).toBe(OLD_VALUE);
  });

  await test.step('the calendar shows the scheduled publish, linking to it', async () => {
    await open(mara, '/calendar?env=production', 'Calendar');
    const link = mara.getByRole('link', { name: `Copy ${KEY} from Staging` });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', new URL(changeRequestUrl).pathname + '?env=production');
    await expectNoSeriousA11yViolations(mara, '/calendar');
  });

  await test.step("after the time, Production's key serves the new value", async () => {
    await expect.poll(() => served(page.request, productionSecret), { timeout: 180_000, intervals: [2_000] }).toBe(NEW_VALUE);
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt);
    await open(mara, changeRequestUrl, `Copy ${KEY} from Staging`);
    await expect(mara.getByText(/Published .+ by Switchboard \(scheduled publish\)/)).toBeVisible();
  });

  await test.step('the change requests list shows it published', async () => {
    await open(mara, '/changes?env=production&status=published', 'Change requests');
    await expect(mara.getByRole('row', { name: new RegExp(`Copy ${KEY} from Staging`) })).toContainText('Published');
    await expectNoSeriousA11yViolations(mara, '/changes');
  });

  await test.step('the audit log shows each step', async () => {
    const id = new URL(changeRequestUrl).pathname.split('/').pop()!;
    await open(page, `/audit-log`, 'Audit log');
    await page.getByRole('combobox', { name: 'Object type' }).selectOption({ label: 'Change request' });
    await page.getByRole('textbox', { name: 'Object id' }).fill(id);
    for (const [action, who] of [
      ['Created', MARA.name],
      ['Commented', BEA.name],
      ['Approved', BEA.name],
      ['Scheduled', MARA.name],
      ['Published', 'Switchboard (scheduled publish)'],
    ]) {
      await expect(page.getByRole('row').filter({ hasText: action! }).filter({ hasText: who! }).first()).toBeVisible();
    }
    await page.getByRole('combobox', { name: 'Object type' }).selectOption({ label: 'Environment' });
    await page.getByRole('textbox', { name: 'Object id' }).fill('production');
    await expect(page.getByRole('row').filter({ hasText: 'Ada Admin' }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'audit log of a change request');
  });

  await mara.context().close();
  await bea.context().close();
});
