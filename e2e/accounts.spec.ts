import { expect, test } from '@playwright/test';
import type { User } from '../src/shared/contract/auth';
import { ADMIN_NAME } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady, mainNav, signIn, userMenuButton } from './support/pages';

const EDITOR = { email: 'eddie@example.com', name: 'Eddie Editor', password: 'editor password 2025' };

test('an admin invites an editor, who joins, signs out and back in; the admin then makes them a viewer', async ({ browser, baseURL }) => {
  test.slow(); // one long journey across two browsers, with several axe scans
  const adminContext = await browser.newContext();
  await adminContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const admin = await adminContext.newPage();
  let inviteLink = '';

  await test.step('the admin signs in', async () => {
    await signIn(admin);
    await expectPageReady(admin, 'Overview');
    await expect(userMenuButton(admin, ADMIN_NAME)).toBeVisible();
  });

  await test.step('the admin invites an editor in Settings > Users', async () => {
    await mainNav(admin).getByRole('link', { name: 'Settings' }).click();
    await expectPageReady(admin, 'Settings');
    await admin.getByRole('tab', { name: 'Users' }).click();
    await expect(admin).toHaveURL(/\/settings\/users$/);

    const invite = admin.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email').fill(EDITOR.email);
    await invite.getByRole('textbox', { name: 'Name' }).fill(EDITOR.name);
    await invite.getByRole('combobox', { name: 'Role' }).selectOption('editor');
    await invite.getByRole('button', { name: 'Create invite link' }).click();

    const linkField = admin.getByRole('textbox', { name: 'Invite link' });
    await expect(linkField).toHaveValue(new RegExp(`^${baseURL}/accept-invite#token=.{16,}`));
    await expect(admin.getByRole('row', { name: new RegExp(EDITOR.email) })).toContainText('Invite pending');
  });

  await test.step('the admin copies the invite link', async () => {
    await admin.getByRole('button', { name: 'Copy link' }).click();
    await expect(admin.getByRole('button', { name: 'Copied' })).toBeVisible();
    inviteLink = await admin.evaluate(() => navigator.clipboard.readText());
    expect(inviteLink).toBe(await admin.getByRole('textbox', { name: 'Invite link' }).inputValue());
  });

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();

  await test.step('the editor opens the link in another browser and accepts the invite', async () => {
    await editor.goto(inviteLink);
    await expectPageReady(editor, 'Join Switchboard');
    await editor.getByLabel('Your name').fill(EDITOR.name);
    await editor.getByLabel('Choose a password').fill(EDITOR.password);
    await editor.getByRole('button', { name: 'Join Switchboard' }).click();

    await expectPageReady(editor, 'Overview');
    await expect(editor).toHaveURL(`${baseURL}/`);
    await expect(userMenuButton(editor, EDITOR.name)).toContainText('Editor');
  });

  await test.step('the editor sees no admin tabs in Settings', async () => {
    await mainNav(editor).getByRole('link', { name: 'Settings' }).click();
    await expectPageReady(editor, 'Settings');
    await expect(editor.getByRole('tab', { name: 'Profile' })).toBeVisible();
    await expect(editor.getByRole('tab', { name: 'Users' })).toHaveCount(0);
    await expect(editor.getByRole('tab', { name: 'API tokens' })).toHaveCount(0);
    await expect(editor.getByText('Users, API tokens and environments are managed by admins')).toBeVisible();
    await expect(editor.getByRole('cell', { name: EDITOR.email })).toBeVisible();
    await expectNoSeriousA11yViolations(editor, 'settings as an editor');

    await editor.goto('/settings/users');
    await expect(editor).toHaveURL(/\/settings\/profile$/);
  });

  await test.step('the editor signs out', async () => {
    await userMenuButton(editor, EDITOR.name).click();
    await editor.getByRole('menuitem', { name: 'Sign out' }).click();
    await expectPageReady(editor, 'Sign in');
    await expect(editor.getByText('You are signed out.')).toBeVisible();
    expect((await editor.request.get('/api/auth/session')).status()).toBe(401);
    await expectNoSeriousA11yViolations(editor, 'sign-in after signing out');
  });

  await test.step('a wrong password shows an inline error', async () => {
    await editor.getByLabel('Email').fill(EDITOR.email);
    await editor.getByLabel(/^Password/).fill('not the password at all');
    await editor.getByRole('button', { name: 'Sign in' }).click();
    await expect(editor.getByRole('alert')).toHaveText('The email or password is not right');
    await expect(editor).toHaveURL(/\/sign-in/);
    await expectNoSeriousA11yViolations(editor, 'sign-in with a wrong password');
  });

  await test.step('the right password signs in', async () => {
    await editor.getByLabel(/^Password/).fill(EDITOR.password);
    await editor.getByRole('button', { name: 'Sign in' }).click();
    await expectPageReady(editor, 'Overview');
    await expect(userMenuButton(editor, EDITOR.name)).toContainText('Editor');
  });

  await test.step('the admin changes the editor to viewer', async () => {
    await admin.reload();
    const row = admin.getByRole('row', { name: new RegExp(EDITOR.email) });
    await expect(row).toContainText('Active');
    await row.getByRole('combobox', { name: `Role of ${EDITOR.name}` }).selectOption('viewer');
    await expect(admin.getByText(`${EDITOR.name} is now viewer.`)).toBeVisible();

    await expect
      .poll(async () => {
        const response = await admin.request.get('/api/users');
        const { items } = (await response.json()) as { items: User[] };
        return items.find((user) => user.email === EDITOR.email)?.role;
      })
      .toBe('viewer');
  });

  await test.step('the viewer sees the new role after a reload', async () => {
    await editor.reload();
    await expect(userMenuButton(editor, EDITOR.name)).toContainText('Viewer');
  });

  await adminContext.close();
  await editorContext.close();
});
