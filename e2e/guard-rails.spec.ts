import { expect, test, type Page } from '@playwright/test';
import type { Experiment } from '../src/shared/contract/experiments';
import type { ExperimentResults } from '../src/shared/contract/results';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady } from './support/pages';
import { csrfHeaders, okBody } from './support/api';

// Marketer-proof guard rails: a "no difference" variant is promoted only after a typed phrase
// (and the API refuses without it), editing a parameter a running test overrides asks first, and
// the results headline says what to do with the same run-time estimate as the editor.

test.use({ storageState: ADMIN_STORAGE_STATE });

const run = Date.now().toString(36);
const PARAMETER = `guard-cta-${run}`;
const METRIC = `Guard purchases ${run}`;
const EVENT = `purchase_guard_${run}`;
const USERS = 600;

/** 600 users exposed since the start (earlier exposures never count), half to each variant; 20% of each buys: an A/A result. */
async function sendTraffic(page: Page, secret: string, experiment: Experiment) {
  const start = Date.parse(experiment.startedAt!) + 500;
  const events = Array.from({ length: USERS }, (_, i) => {
    const at = start + i;
    const experimentKey = experiment.key;
    const targetingKey = `${run}-guard-${i}`;
    const exposure = { id: `${targetingKey}-x`, type: 'exposure', targetingKey, event: 'exposure', timestamp: new Date(at).toISOString(), properties: { experiment: experimentKey, variant: i % 2 === 0 ? 'control' : 'orange' } };
    const purchase = { id: `${targetingKey}-p`, type: 'track', targetingKey, event: EVENT, value: 20, timestamp: new Date(at + 200).toISOString() };
    return i % 10 < 2 ? [exposure, purchase] : [exposure];
  }).flat();
  for (let b = 0; b < events.length; b += 1000) {
    const response = await page.request.post('/sdk/v1/events', { headers: { authorization: `Bearer ${secret}` }, data: { events: events.slice(b, b + 1000) } });
    expect(response.status(), await response.text()).toBe(200);
  }
}

test('guard rails: plain-words results, the same estimate as the editor, a warned parameter edit and a confirmed risky promotion', async ({ page }) => {
  test.setTimeout(180_000);
  let experiment!: Experiment;
  let draft!: Experiment;

  await test.step('setup (API): a parameter, a metric, a running experiment with A/A traffic, and a draft', async () => {
    const headers = await csrfHeaders(page.request);
    const key = await okBody<{ secret: string }>(await page.request.post('/api/sdk-keys', { headers, data: { name: `Guard ${run}`, kind: 'server' } }));
    await okBody(await page.request.post('/api/parameters', { headers, data: { key: PARAMETER, name: `Guard CTA ${run}`, spec: { type: 'string' }, defaultValue: 'Buy' } }));
    const metric = await okBody<{ id: string }>(await page.request.post('/api/metrics', { headers, data: { key: `guard-${run}`, name: METRIC, kind: 'conversion', event: EVENT, direction: 'higher' } }));
    const variants = [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'orange', name: 'Orange', weight: 50, overrides: { [PARAMETER]: 'Buy now' } },
    ];
    const created = await okBody<Experiment>(await page.request.post('/api/experiments', { headers, data: { key: `guard-${run}`, name: `Guard test ${run}`, variants, metrics: { primary: metric.id, secondary: [], guardrails: [] } } }));
    experiment = await okBody<Experiment>(await page.request.post(`/api/experiments/${created.id}/transitions`, { headers, data: { action: 'start', expectedVersion: created.version } }));
    draft = await okBody<Experiment>(await page.request.post('/api/experiments', { headers, data: { key: `guard-draft-${run}`, name: `Guard draft ${run}`, variants: variants.map((v) => ({ ...v, overrides: {} })) } }));
    await sendTraffic(page, key.secret, experiment);
    await expect
      .poll(async () => ((await (await page.request.get(`/api/experiments/${experiment.id}/results`)).json()) as ExperimentResults).variants.reduce((s, v) => s + v.users, 0), { timeout: 60_000 })
      .toBe(USERS);
  });

  let totalDays = 0;
  await test.step('the results headline says what to do, in plain words, with the statistics behind a disclosure', async () => {
    await page.goto(`/experiments/${experiment.id}/results`);
    await expectPageReady(page, `Results: Guard test ${run}`);
    const verdict = page.getByTestId('results-verdict');
    await expect(verdict).toHaveText(new RegExp(`^Keep running about (\\d+) more days at today's traffic \\(600 users a day\\) to tell whether ${METRIC} changes by 10%\\.`));
    const remaining = Number(/about (\d+) more days/.exec((await verdict.textContent()) ?? '')![1]);
    await page.getByRole('button', { name: 'How long it needs: the statistics' }).click();
    const figures = page.getByRole('list', { name: 'Run-time estimate' });
    await expect(figures).toContainText('20.00% conversion rate');
    await expect(figures).toContainText('Users entering per day so far: 600, across 2 variants');
    await expect(figures).toContainText(`about ${remaining} more days`);
    totalDays = Number(/about ([\d,]+) days in all/.exec((await figures.textContent()) ?? '')![1].replace(/,/g, ''));
    expect(totalDays).toBeGreaterThan(remaining);
    await expectNoSeriousA11yViolations(page, 'the results page with its estimate open');
  });

  await test.step("the editor's estimator gives the same days for the same inputs", async () => {
    await page.goto(`/experiments/${draft.id}/edit?step=review`);
    const estimator = page.getByRole('region', { name: 'How long will it run?' });
    await estimator.getByLabel('Baseline conversion rate').fill('20');
    await estimator.getByLabel('Minimum detectable effect').fill('10');
    await estimator.getByLabel('Audience users per day').fill('600');
    await expect(estimator.getByText(/^About [\d,]+ days?$/)).toHaveText(`About ${totalDays.toLocaleString('en')} days`);
  });

  await test.step('editing the parameter the running test overrides shows the experiment before saving', async () => {
    await page.goto(`/parameters/${PARAMETER}`);
    const used = page.getByRole('region', { name: 'Where it is used' });
    await expect(used.getByRole('link', { name: `Guard test ${run}` })).toBeVisible();
    await expect(used).toContainText('running');
    const value = page.getByRole('textbox', { name: /^Default value/ });
    await value.fill('Shop');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'This changes a running experiment' });
    await expect(dialog.getByRole('link', { name: `Guard test ${run}` })).toBeVisible();
    await expect(dialog).toContainText('the control among them, will get the new value in the middle of the test');
    await expectNoSeriousA11yViolations(page, 'the impact confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(((await (await page.request.get(`/api/parameters/${PARAMETER}`)).json()) as { defaultValue: string }).defaultValue).toBe('Buy');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByRole('button', { name: 'Save anyway' }).click();
    await expect(page.getByText(new RegExp(`^Saved as version 2\\. "Guard test ${run}" is running`))).toBeVisible();
  });

  await test.step('the API refuses to promote a "no difference" variant without the typed phrase', async () => {
    const current = (await (await page.request.get(`/api/experiments/${experiment.id}`)).json()) as Experiment;
    const refused = await page.request.post(`/api/experiments/${experiment.id}/promote`, {
      headers: await csrfHeaders(page.request),
      data: { variant: 'orange', audience: { kind: 'everyone' }, expectedVersion: current.version, dryRun: false },
    });
    expect(refused.status()).toBe(409);
    expect(refused.headers()['content-type']).toContain('application/problem+json');
    const problem = (await refused.json()) as { detail: string; errors: { path: string }[] };
    expect(problem.detail).toMatch(new RegExp(`Orange is not a significant winner on ${METRIC} \\(no difference`));
    expect(problem.errors.map((e) => e.path)).toEqual(['confirmRisk']);
  });

  await test.step('the dialog chooses nothing, shows the verdict, and promotes only after the typed phrase', async () => {
    await page.goto(`/experiments/${experiment.id}`);
    await page.getByRole('button', { name: 'Promote winner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Promote the winner' });
    const orange = dialog.getByRole('radio', { name: 'Orange (orange)' });
    await expect(orange).not.toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'Control (control)' })).not.toBeChecked();
    await expect(dialog).toContainText('none is chosen for you');
    await orange.check();
    await expect(dialog.getByRole('group', { name: 'What the results say about Orange' })).toContainText(`${METRIC}: No difference`);
    await expect(dialog).toContainText(`Orange is not a significant winner on ${METRIC}`);
    await dialog.getByRole('radio', { name: 'Everyone', exact: true }).check();
    await dialog.getByRole('button', { name: 'Show what changes' }).click();
    const promote = dialog.getByRole('button', { name: /^Promote to / });
    await expect(promote).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'To promote it anyway, type "promote orange anyway"' }).fill('promote orange anyway');
    await expect(promote).toBeEnabled();
    await expectNoSeriousA11yViolations(page, 'the promote dialog with a risky choice');
    await promote.click();
    await expect(page.getByText('Orange was promoted')).toBeVisible();
  });
});
