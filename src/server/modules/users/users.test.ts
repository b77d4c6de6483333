import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../shared/contract/auth';
import type { FieldError } from '../../../shared/contract/common';
import { createTestApp } from '../../test/harness';

describe('users and roles', () => {
  it('only admins manage users; editors and viewers get 403', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const editor = await t.userWithRole(admin, 'editor');
    const viewer = await t.userWithRole(admin, 'viewer');
    for (const caller of [editor, viewer]) {
      expect((await t.call('GET', '/api/users', undefined, caller)).status).toBe(403);
      expect((await t.call('POST', '/api/users', { email: 'x@example.com', role: 'admin' }, caller)).status).toBe(403);
    }
    expect((await t.call('GET', '/api/users', undefined, admin)).json.items).toHaveLength(3);
  });

  it('changing a role takes effect on the next request', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const promoted = await t.userWithRole(admin, 'viewer', 'vic@example.com');
    const vic = (await t.store.users.getByEmail('vic@example.com'))!;
    expect((await t.call('GET', '/api/users', undefined, promoted)).status).toBe(403);
    const changed = await t.call('PATCH', `/api/users/${vic.id}`, { role: 'admin' }, admin);
    expect(changed.json).toMatchObject({ role: 'admin', version: vic.version + 1 });
    expect((await t.call('GET', '/api/users', undefined, promoted)).status).toBe(200);
  });

  it('keeps at least one active admin', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const me = (await t.call<SessionInfo>('GET', '/api/auth/session', undefined, admin)).json.user;
    const demote = await t.call<{ errors: FieldError[] }>('PATCH', `/api/users/${me.id}`, { role: 'viewer' }, admin);
    expect(demote.status).toBe(409);
    expect(demote.json.errors[0].path).toBe('role');
    expect((await t.store.users.getById(me.id))?.role).toBe('admin');
  });

  it('disabling a user ends their sessions', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const editor = await t.userWithRole(admin, 'editor', 'gone@example.com');
    const gone = (await t.store.users.getByEmail('gone@example.com'))!;
    expect((await t.call('PATCH', `/api/users/${gone.id}`, { disabled: true }, admin)).json.status).toBe('disabled');
    expect((await t.call('GET', '/api/auth/session', undefined, editor)).status).toBe(401);
    expect((await t.call('POST', '/api/auth/login', { email: 'gone@example.com', password: 'a long enough password' })).status).toBe(401);
  });

  it("a disabled user's session is refused even if it was left in the store", async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const editor = await t.userWithRole(admin, 'editor', 'kept@example.com');
    const kept = (await t.store.users.getByEmail('kept@example.com'))!;
    // Disabled behind the API's back, so the session rows stay: the per-request check must still refuse.
    await t.store.users.update(kept.id, { disabled: true, updatedAt: kept.updatedAt });
    expect((await t.call('GET', '/api/parameters', undefined, editor)).status).toBe(401);
    await t.store.users.update(kept.id, { disabled: false, updatedAt: kept.updatedAt });
    expect((await t.call('GET', '/api/parameters', undefined, editor)).status).toBe(200);
  });

  it('refuses a duplicate email with a field error', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    await t.call('POST', '/api/users', { email: 'dup@example.com', role: 'viewer' }, admin);
    const again = await t.call('POST', '/api/users', { email: 'DUP@example.com', role: 'editor' }, admin);
    expect(again.status).toBe(409);
    expect(again.json.errors).toEqual([{ path: 'email', message: 'Already has an account' }]);
  });
});
