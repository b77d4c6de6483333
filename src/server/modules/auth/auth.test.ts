import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../shared/contract/auth';
import type { InvitedUser } from '../../../shared/contract/users';
import { ADMIN, createTestApp, type FieldProblem } from '../../test/harness';

describe('first-run setup', () => {
  it('reports that setup is needed until the first admin exists, then refuses a second setup', async () => {
    const t = createTestApp();
    expect((await t.call('GET', '/api/auth/setup')).json).toEqual({ needsSetup: true });
    const admin = await t.setupAdmin();
    expect(admin.cookie).toMatch(/^sb_session=/);
    expect((await t.call('GET', '/api/auth/setup')).json).toEqual({ needsSetup: false });
    const again = await t.call('POST', '/api/auth/setup', { ...ADMIN, email: 'other@example.com' });
    expect(again.status).toBe(409);
    expect(await t.store.users.count()).toBe(1);
  });

  it('sets an httpOnly SameSite session cookie and stores only a hash of it', async () => {
    const t = createTestApp();
    const response = await t.call('POST', '/api/auth/setup', ADMIN);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const secret = setCookie.split(';')[0].split('=')[1];
    const user = await t.store.users.getByEmail(ADMIN.email);
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(await t.store.sessions.get(secret)).toBeNull();
  });
});

describe('sign in', () => {
  it('signs in, reads the session and signs out', async () => {
    const t = createTestApp();
    await t.setupAdmin();
    const session = await t.signIn(ADMIN.email.toUpperCase(), ADMIN.password);
    // passwordHash: a stored field the session must never send.
    const me = await t.call<SessionInfo & { user: { passwordHash?: string } }>('GET', '/api/auth/session', undefined, session);
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({ email: ADMIN.email, role: 'admin', status: 'active' });
    expect(me.json.user.passwordHash).toBeUndefined();
    expect((await t.call('POST', '/api/auth/logout', undefined, session)).status).toBe(204);
    expect((await t.call('GET', '/api/auth/session', undefined, session)).status).toBe(401);
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const t = createTestApp();
    await t.setupAdmin();
    const wrongPassword = await t.call('POST', '/api/auth/login', { email: ADMIN.email, password: 'not the password' });
    const unknownUser = await t.call('POST', '/api/auth/login', { email: 'nobody@example.com', password: 'not the password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(unknownUser.json).toEqual(wrongPassword.json);
    expect(wrongPassword.headers.get('content-type')).toBe('application/problem+json');
  });

  it('rate limits the eleventh rapid wrong login, even with the right password', async () => {
    const t = createTestApp();
    await t.setupAdmin();
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await t.call('POST', '/api/auth/login', { email: ADMIN.email, password: `wrong ${attempt}` })).status).toBe(401);
    }
    const eleventh = await t.call('POST', '/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.advance(16 * 60 * 1000);
    expect((await t.call('POST', '/api/auth/login', { email: ADMIN.email, password: ADMIN.password })).status).toBe(200);
  });

  it('expires sessions after their lifetime', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    t.clock.advance(15 * 24 * 60 * 60 * 1000);
    expect((await t.call('GET', '/api/auth/session', undefined, admin)).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses cookie-authenticated writes without the CSRF token, but not bearer tokens', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const noCsrf = await t.call('POST', '/api/tokens', { name: 'ci', role: 'viewer' }, { cookie: admin.cookie });
    expect(noCsrf.status).toBe(403);
    const wrongCsrf = await t.call('POST', '/api/tokens', { name: 'ci', role: 'viewer' }, { cookie: admin.cookie, csrf: 'nope' });
    expect(wrongCsrf.status).toBe(403);
    expect(await t.store.apiTokens.list()).toHaveLength(0);
    const token = await t.tokenWithRole(admin, 'admin');
    expect((await t.call('POST', '/api/tokens', { name: 'ci', role: 'viewer' }, token)).status).toBe(201);
  });
});

describe('invites', () => {
  it('an invited person sets a password once and signs in with the invited role', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const invited = await t.call('POST', '/api/users', { email: 'Ed@Example.com', role: 'editor' }, admin);
    expect(invited.status).toBe(201);
    expect(invited.json.user).toMatchObject({ email: 'ed@example.com', status: 'invited', role: 'editor' });
    expect(invited.json.invitePath).toContain(invited.json.inviteToken);
    const body = { token: invited.json.inviteToken, name: 'Ed', password: 'editor password 1' };
    const accepted = await t.call('POST', '/api/auth/accept-invite', body);
    expect(accepted.status).toBe(200);
    expect(accepted.json.user).toMatchObject({ name: 'Ed', status: 'active', role: 'editor' });
    expect((await t.call('POST', '/api/auth/accept-invite', body)).status).toBe(400);
    await t.signIn('ed@example.com', 'editor password 1');
  });

  it('refuses an expired invite', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const invited = await t.call<InvitedUser>('POST', '/api/users', { email: 'late@example.com', role: 'viewer' }, admin);
    t.clock.advance(8 * 24 * 60 * 60 * 1000);
    const accepted = await t.call<FieldProblem>('POST', '/api/auth/accept-invite', { token: invited.json.inviteToken, name: 'Late', password: 'a long enough password' });
    expect(accepted.status).toBe(400);
    expect(accepted.json.errors[0].path).toBe('token');
  });
});
