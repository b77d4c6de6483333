import { describe, expect, it } from 'vitest';
import { authApi } from '../../../shared/contract/endpoints/auth';
import { usersApi } from '../../../shared/contract/endpoints/users';
import { ADMIN, createTestApp } from '../../test/harness';

// Every call goes through the shared endpoint descriptions: `request` fails the test when the
// status or the body is not what the description promises the dashboard.
describe('auth endpoints keep their contract', () => {
  it('setup status, setup, sign-in, session, accept invite and sign-out answer their response schemas', async () => {
    const t = createTestApp();
    expect(await t.request(authApi.setupStatus, {})).toEqual({ needsSetup: true });
    const first = await t.request(authApi.setUp, { body: ADMIN });
    expect(first.user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(await t.request(authApi.setupStatus, {})).toEqual({ needsSetup: false });

    const signedIn = await t.request(authApi.signIn, { body: { email: ADMIN.email, password: ADMIN.password } });
    expect(signedIn.user.id).toBe(first.user.id);
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    expect((await t.request(authApi.session, {}, admin)).csrfToken).toBe(admin.csrf);

    const invited = await t.request(usersApi.invite, { body: { email: 'eve@example.com', role: 'editor' } }, admin);
    const accepted = await t.request(authApi.acceptInvite, { body: { token: invited.inviteToken, name: 'Eve Editor', password: 'another long password' } });
    expect(accepted.user).toMatchObject({ email: 'eve@example.com', role: 'editor' });

    await expect(t.request(authApi.signOut, {}, admin)).resolves.toBeUndefined();
    await expect(t.request(authApi.session, {}, admin)).rejects.toThrow(/^GET \/api\/auth\/session answered 401/);
  });
});
