import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/contract/audit';
import type { SessionInfo } from '../../../shared/contract/auth';
import type { InvitedUser } from '../../../shared/contract/users';
import { createTestApp } from '../../test/harness';

describe('audit log', () => {
  it('records users, roles and tokens with who, when, before and after, newest first', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const invited = await t.call<InvitedUser>('POST', '/api/users', { email: 'ed@example.com', role: 'editor' }, admin);
    t.clock.advance(1000);
    await t.call('PATCH', `/api/users/${invited.json.user.id}`, { role: 'viewer' }, admin);
    await t.call('POST', '/api/tokens', { name: 'CI', role: 'viewer' }, admin);
    const page = (await t.call<AuditPage>('GET', '/api/audit', undefined, admin)).json;
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['apiToken.created', 'user.role-changed', 'user.invited', 'user.created-first-admin']);
    const roleChange = page.items[1];
    expect(roleChange).toMatchObject({ objectType: 'user', objectLabel: 'ed@example.com', before: { role: 'editor' }, after: { role: 'viewer' } });
    expect(roleChange.actorName).toContain('admin@example.com');
    expect(JSON.stringify(page)).not.toContain('scrypt$');
  });

  it('filters by object, person and date, and pages with a cursor', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    for (let i = 0; i < 5; i++) {
      t.clock.advance(60_000);
      await t.call('POST', '/api/tokens', { name: `token ${i}`, role: 'viewer' }, admin);
    }
    const me = (await t.call<SessionInfo>('GET', '/api/auth/session', undefined, admin)).json.user;
    const list = async (query: string) => (await t.call<AuditPage>('GET', `/api/audit?${query}`, undefined, admin)).json;
    expect((await list('objectType=apiToken')).items).toHaveLength(5);
    expect((await list(`actorId=${me.id}`)).items).toHaveLength(6);
    expect((await list('from=2026-01-01T00:03:00.000Z&objectType=apiToken')).items).toHaveLength(3);
    const first = await list('limit=2&objectType=apiToken');
    const second = await list(`limit=2&objectType=apiToken&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect([...first.items, ...second.items].map((e: { objectLabel: string }) => e.objectLabel)).toEqual(['token 4', 'token 3', 'token 2', 'token 1']);
    expect((await t.call('GET', '/api/audit?cursor=garbage', undefined, admin)).status).toBe(400);
  });
});
