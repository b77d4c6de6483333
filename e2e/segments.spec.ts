import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Parameter } from '../src/shared/contract/parameters';
import type { Segment } from '../src/shared/contract/segments';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady, mainNav } from './support/pages';
import { csrfHeaders } from './support/api';

test.use({ storageState: ADMIN_STORAGE_STATE });

const run = Date.now().toString(36);
const SEGMENT_NAME = `Engaged DACH users ${run}`;
const PARAMETER_KEY = `e2e.welcome_${run}`;
const TARGETED = 'Willkommen zurück!';
const DEFAULT = 'Welcome!';

/** The people apps have sent: two match the segment built below, four do not (for one reason each). */
const people = [
  { targetingKey: `${run}-anna`, country: 'DE', age: 30, appVersion: '4.0.0', signupDate: '2024-03-01T09:00:00.000Z' }, // in (age)
  { targetingKey: `${run}-ben`, country: 'DE', age: 16, appVersion: '5.1.0', signupDate: '2024-05-01T09:00:00.000Z' }, // in (version)
  { targetingKey: `${run}-carl`, country: 'AT', age: 16, appVersion: '4.2.0', signupDate: '2024-02-01T09:00:00.000Z' }, // too young, old app
  { targetingKey: `${run}-dora`, country: 'AT', age: 40, appVersion: '5.2.0', signupDate: '2022-06-01T09:00:00.000Z' }, // signed up too early
  { targetingKey: `${run}-emil`, country: 'US', age: 35, appVersion: '5.0.0', signupDate: '2024-01-10T09:00:00.000Z' }, // other country
  { targetingKey: `${run}-fay`, country: 'FR', age: 22, appVersion: '6.0.0', signupDate: '2023-08-01T09:00:00.000Z' }, // other country
];
const [anna, , , , emil] = people;

function evaluateAll(request: APIRequestContext, secret: string, context: Record<string, unknown>) {
  return request.post('/ofrep/v1/evaluate/flags', { headers: { authorization: `Bearer ${secret}` }, data: { context } });
}

async function evaluateOne(request: APIRequestContext, secret: string, context: Record<string, unknown>) {
  const response = await request.post(`/ofrep/v1/evaluate/flags/${PARAMETER_KEY}`, { headers: { authorization: `Bearer ${secret}` }, data: { context } });
  expect(response.ok()).toBe(true);
  return (await response.json()) as { value: unknown; reason: string; variant: string };
}

/** The reach figure's matched count ("≈ 1,234 of 5,678 known users (21.6%)"), or null while there is none. */
async function reachMatched(page: Page): Promise<number | null> {
  const text = (await page.getByText(/ of [\d,]+ known users \(/).textContent().catch(() => null)) ?? '';
  const match = /([\d,]+) of ([\d,]+) known users/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : null;
}

test('a marketer builds a segment, targets a parameter at it, previews two users and apps get the value', async ({ page }) => {
  test.setTimeout(240_000); // a long journey of many steps
  let secret = '';
  let parameter: Parameter;
  let segment: Segment;

  await test.step('setup: an app (client SDK key) evaluates values for six users; a string parameter exists', async () => {
    const headers = await csrfHeaders(page.request);
    const created = await page.request.post('/api/sdk-keys', { headers, data: { name: `Web app ${run}`, kind: 'client' } });
    expect(created.status()).toBe(201);
    secret = ((await created.json()) as { secret: string }).secret;

    const response = await page.request.post('/api/parameters', {
      headers,
      data: { key: PARAMETER_KEY, name: `Welcome text ${run}`, spec: { type: 'string' }, defaultValue: DEFAULT },
    });
    expect(response.status()).toBe(201);
    parameter = (await response.json()) as Parameter;

    for (const person of people) expect((await evaluateAll(page.request, secret, person)).ok()).toBe(true);
    // The server records known users in batches, on a later request (each user at most once a minute):
    // keep the app talking, as a new visitor each time, until all six are known.
    let ping = 0;
    await expect
      .poll(async () => {
        await evaluateAll(page.request, secret, { targetingKey: `visitor-${run}-${ping++}` });
        const known = (await (await page.request.get(`/api/known-users?search=${run}&limit=50`)).json()) as { items: unknown[] };
        return known.items.length;
      }, { timeout: 20_000 })
      .toBe(people.length);
  });

  await test.step('the segments list is reachable from the navigation', async () => {
    await page.goto('/');
    await mainNav(page).getByRole('link', { name: 'Segments' }).click();
    await expectPageReady(page, 'Segments');
    await expectNoSeriousA11yViolations(page, 'segments list');
    await page.getByRole('link', { name: 'New segment' }).first().click();
    await expectPageReady(page, 'New segment');
  });

  await test.step('with no rules the segment reaches everyone', async () => {
    await page.getByRole('textbox', { name: 'Name' }).fill(SEGMENT_NAME);
    await expect.poll(() => reachMatched(page)).toBeGreaterThanOrEqual(people.length);
    // "≈" when other journeys left more known users than reach counts exactly (it samples above 100,000).
    await expect(page.getByText(/ of [\d,]+ known users \(/)).toHaveText(/^(≈ )?\d[\d,]* of \d[\d,]* known users \(\d+\.\d%\)/);
  });

  await test.step('rule 1: country is one of DE, AT (text)', async () => {
    await page.getByRole('button', { name: 'Add rule', exact: true }).click();
    const rule = page.getByRole('group', { name: 'Rule 1' });
    await rule.getByRole('combobox', { name: /^Attribute/ }).fill('country');
    await rule.getByRole('combobox', { name: /^Attribute/ }).press('Escape');
    await rule.getByRole('combobox', { name: 'Operator' }).selectOption({ label: 'is one of' });
    const values = rule.getByRole('combobox', { name: /^Values/ });
    await values.fill('DE');
    await values.press('Enter');
    await values.fill('AT');
    await values.press('Enter');
    await expect.poll(() => reachMatched(page)).toBe(4); // anna, ben, carl, dora
  });

  await test.step('group 2 (OR): age ≥ 18 (number) or appVersion ≥ 5.0.0 (version)', async () => {
    await page.getByRole('button', { name: 'Add group', exact: true }).click();
    const group = page.getByRole('group', { name: 'Group 2' });
    await expect(group.getByRole('radio', { name: 'ANY (OR)' })).toBeChecked();
    const age = page.getByRole('group', { name: 'Rule 2.1' });
    await age.getByRole('combobox', { name: /^Attribute/ }).fill('age');
    await age.getByRole('combobox', { name: /^Attribute/ }).press('Escape');
    await expect(age.getByRole('combobox', { name: 'Kind' })).toHaveValue('number');
    await age.getByRole('combobox', { name: 'Operator' }).selectOption({ label: '≥' });
    await age.getByRole('textbox', { name: 'Value' }).fill('18');

    await group.getByRole('button', { name: 'Add rule to group 2' }).click();
    const version = page.getByRole('group', { name: 'Rule 2.2' });
    await version.getByRole('combobox', { name: /^Attribute/ }).fill('appVersion');
    await version.getByRole('combobox', { name: /^Attribute/ }).press('Escape');
    await expect(version.getByRole('combobox', { name: 'Kind' })).toHaveValue('version');
    await version.getByRole('combobox', { name: 'Operator' }).selectOption({ label: '≥' });
    await version.getByRole('textbox', { name: 'Version' }).fill('5.0.0');
    await expect.poll(() => reachMatched(page)).toBe(3); // carl is too young and on an old app
  });

  await test.step('rule 3: signupDate after 2023-01-01 (date), with the compiled condition shown', async () => {
    await page.getByRole('button', { name: 'Add rule', exact: true }).click();
    const rule = page.getByRole('group', { name: 'Rule 3' });
    await rule.getByRole('combobox', { name: /^Attribute/ }).fill('signupDate');
    await rule.getByRole('combobox', { name: /^Attribute/ }).press('Escape');
    await rule.getByRole('combobox', { name: 'Kind' }).selectOption('date');
    await rule.getByRole('combobox', { name: 'Operator' }).selectOption({ label: 'after' });
    await rule.getByLabel('Date').fill('2023-01-01');
    await expect.poll(() => reachMatched(page)).toBe(2); // dora signed up too early
    const compiled = page.getByRole('region', { name: 'Condition as apps receive it' });
    await expect(compiled).toContainText('"$or"');
    await expect(compiled).toContainText('"$vgte": "5.0.0"');
    await expect(compiled).toContainText('"$gt": "2023-01-01T00:00:00.000Z"');
    await expectNoSeriousA11yViolations(page, 'segment editor');
  });

  await test.step('saving opens the segment with who is in it', async () => {
    await page.getByRole('button', { name: 'Create segment' }).click();
    await expectPageReady(page, SEGMENT_NAME);
    await expect(page).toHaveURL(/\/segments\/[^/]+$/);
    const list = (await (await page.request.get('/api/segments')).json()) as { items: Segment[] };
    segment = list.items.find((candidate) => candidate.name === SEGMENT_NAME) as Segment;
    expect(segment.definition.kind).toBe('rules');
    const members = page.getByRole('region', { name: 'Who is in it' });
    await expect(members.getByRole('link', { name: `Preview as ${anna.targetingKey}` })).toBeVisible();
    await expect(members.getByRole('link', { name: `Preview as ${emil.targetingKey}` })).toHaveCount(0);
  });

  await test.step('the parameter gets a targeting rule for the segment with a 30% rollout', async () => {
    await page.goto(`/parameters/${parameter.id}`);
    await expect(page.getByRole('heading', { level: 1, name: parameter.name })).toBeVisible({ timeout: 30_000 });
    await expectPageReady(page, parameter.name);
    await page.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByRole('listitem', { name: 'Rule 1' });
    await rule.getByRole('textbox', { name: 'Description' }).fill('Engaged DACH users');
    await rule.getByRole('radiogroup', { name: 'Audience' }).getByText('Segment', { exact: true }).click();
    await rule.getByRole('combobox', { name: 'Segment' }).selectOption({ label: SEGMENT_NAME });
    await rule.getByRole('textbox', { name: /Value for this audience/ }).fill(TARGETED);
    await rule.getByRole('textbox', { name: /Rollout/ }).fill('30');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(async () => ((await (await page.request.get(`/api/parameters/${parameter.id}`)).json()) as Parameter).rules)
      .toEqual([expect.objectContaining({ audience: { kind: 'segment', segmentId: segment.id }, value: TARGETED, rollout: 30, enabled: true })]);
  });

  await test.step('preview: a user in the segment is in the audience', async () => {
    await page.goto(`/segments/${segment.id}`);
    await expectPageReady(page, SEGMENT_NAME);
    await page.getByRole('link', { name: `Preview as ${anna.targetingKey}` }).click();
    await expectPageReady(page, 'Preview as user');
    const card = page.getByRole('article', { name: `Welcome text ${run}` });
    const trace = card.getByRole('list', { name: `Why ${PARAMETER_KEY} has this value` });
    await expect(trace.getByRole('listitem').first()).toContainText('Engaged DACH users');
    await expect(trace.getByRole('listitem').first()).toContainText(`In the audience (Segment "${SEGMENT_NAME}")`);
    await expectNoSeriousA11yViolations(page, 'preview as user');
  });

  await test.step('preview: a user outside the segment gets the default', async () => {
    await mainNav(page).getByRole('link', { name: 'Preview' }).click();
    await expectPageReady(page, 'Preview as user');
    await page.getByRole('combobox', { name: /Known user/ }).fill(emil.targetingKey);
    await page.getByRole('option', { name: emil.targetingKey }).click();
    await expect(page.getByRole('textbox', { name: /User ID/ })).toHaveValue(emil.targetingKey);
    await page.getByRole('button', { name: 'Preview' }).click();
    const card = page.getByRole('article', { name: `Welcome text ${run}` });
    await expect(card.getByRole('listitem').first()).toContainText('not matched');
    await expect(card.getByRole('listitem').first()).toContainText('Not in the audience');
    await expect(card).toContainText(DEFAULT);
    await expect(card).toContainText('DEFAULT');
  });

  await test.step('apps: a matching user inside the rollout gets the targeted value; a non-matching user the default', async () => {
    let inside: { value: unknown; reason: string } | null = null;
    for (let i = 0; i < 60 && !inside; i++) {
      const result = await evaluateOne(page.request, secret, { ...anna, targetingKey: `buyer-${run}-${i}` });
      if (result.value === TARGETED) inside = result;
    }
    expect(inside, 'some user among 60 falls inside a 30% rollout').not.toBeNull();
    expect(['TARGETING_MATCH', 'SPLIT']).toContain(inside?.reason);
    expect(await evaluateOne(page.request, secret, emil)).toMatchObject({ value: DEFAULT, reason: 'DEFAULT' });
  });
});

test('an invalid pattern is refused inline and nothing is saved', async ({ page }) => {
  const name = `Bad pattern ${run}`;
  await page.goto('/segments/new');
  await expectPageReady(page, 'New segment');
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Add rule', exact: true }).click();
  const rule = page.getByRole('group', { name: 'Rule 1' });
  await rule.getByRole('combobox', { name: /^Attribute/ }).fill('country');
  await rule.getByRole('combobox', { name: /^Attribute/ }).press('Escape');
  await rule.getByRole('combobox', { name: 'Operator' }).selectOption({ label: 'matches pattern' });
  await rule.getByRole('textbox', { name: 'Pattern' }).fill('(DE|AT');
  await page.getByRole('button', { name: 'Create segment' }).click();

  await expect(rule.getByText('Not a valid regular expression')).toBeVisible();
  await expect(page).toHaveURL(/\/segments\/new$/);
  const list = (await (await page.request.get('/api/segments')).json()) as { items: Segment[] };
  expect(list.items.map((segment) => segment.name)).not.toContain(name);
});

test('SDK keys: the settings tab lists the keys apps use', async ({ page }) => {
  await page.goto('/settings/sdk-keys');
  await expectPageReady(page, 'Settings');
  await expect(page.getByRole('tab', { name: 'SDK keys' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('textbox', { name: /Key name/ }).fill(`Server ${run}`);
  await page.getByRole('radiogroup', { name: 'Kind' }).getByText('Server', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Server' })).toBeChecked();
  await page.getByRole('button', { name: 'Create SDK key' }).click();
  await expect(page.getByRole('textbox', { name: 'SDK key secret' })).toHaveValue(/.{20,}/);
  await expect(page.getByText(/won’t be shown again/)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`Server ${run}`) })).toContainText('Server');
  await expectNoSeriousA11yViolations(page, 'settings > SDK keys');
  await page.getByRole('button', { name: 'I have copied it' }).click();
  await expect(page.getByRole('textbox', { name: 'SDK key secret' })).toHaveCount(0);
});
