import { expect, test } from '@playwright/test';
import type { Segment } from '../src/shared/contract/segments';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady, mainNav } from './support/pages';

test.use({ storageState: ADMIN_STORAGE_STATE });

test('the audit log lists a segment creation with its before/after and filters by object type', async ({ page }) => {
  const name = `Audited segment ${Date.now().toString(36)}`;
  let segment: Segment;

  await test.step('a segment is created (through the API)', async () => {
    const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const response = await page.request.post('/api/segments', {
      headers: { 'x-csrf-token': session.csrfToken },
      data: {
        name,
        definition: { kind: 'rules', builder: { type: 'group', combinator: 'and', children: [{ type: 'rule', attribute: 'country', kind: 'text', operator: 'is', value: 'DE' }] } },
      },
    });
    expect(response.status()).toBe(201);
    segment = (await response.json()) as Segment;
  });

  await test.step('the audit log shows it, newest first, with the fields it was created with', async () => {
    await page.goto('/');
    await mainNav(page).getByRole('link', { name: 'Audit log' }).click();
    await expectPageReady(page, 'Audit log');
    const row = page.getByRole('row', { name: new RegExp(name) }).first();
    await expect(row).toContainText('Created');
    await expect(row).toContainText('Ada Admin');
    await row.getByRole('button', { name: new RegExp(`Show changes: Created segment ${name}`) }).click();
    const diff = page.getByRole('table', { name: `Changes: Created segment ${name}` });
    await expect(diff.getByRole('row', { name: /^name/ })).toContainText(name);
    await expect(diff.getByRole('row', { name: /^definition/ })).toContainText('"country"');
    await expectNoSeriousA11yViolations(page, 'audit log');
  });

  await test.step('filtering by object type keeps only that type', async () => {
    await page.getByRole('combobox', { name: 'Object type' }).selectOption({ label: 'SDK key' });
    await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Object type' }).selectOption({ label: 'Segment' });
    await expect(page.getByRole('row', { name: new RegExp(name) }).first()).toBeVisible();
    await page.getByRole('textbox', { name: 'Object id' }).fill(segment.id);
    await expect(page.getByText(/^1 change shown$/)).toBeVisible();
  });
});
