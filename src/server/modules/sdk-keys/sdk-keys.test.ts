import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/contract/audit';
import type { CreatedSdkKey } from '../../../shared/contract/sdk-keys';
import { createTestApp } from '../../test/harness';

describe('SDK keys', () => {
  it('shows the secret once, stores only a hash, and records the change in the audit log', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const created = await t.call<CreatedSdkKey>('POST', '/api/sdk-keys', { name: 'iOS app', kind: 'client' }, admin);
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^sbc_/);
    expect(created.json.key).toMatchObject({ kind: 'client', allowEvents: false, revokedAt: null });
    const server = await t.call<CreatedSdkKey>('POST', '/api/sdk-keys', { name: 'Backend', kind: 'server' }, admin);
    expect(server.json.secret).toMatch(/^sbs_/);
    expect(server.json.key.allowEvents).toBe(true);
    const stored = JSON.stringify(await t.store.sdkKeys.list());
    expect(stored).not.toContain(created.json.secret);
    expect(JSON.stringify((await t.call('GET', '/api/sdk-keys', undefined, admin)).json)).not.toContain(created.json.secret);

    const revoked = await t.call('DELETE', `/api/sdk-keys/${created.json.key.id}`, undefined, admin);
    expect(revoked.json.revokedAt).not.toBeNull();
    const audit = (await t.call<AuditPage>('GET', '/api/audit?objectType=sdkKey', undefined, admin)).json.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['sdkKey.revoked', 'sdkKey.created', 'sdkKey.created']);
  });

  it('only admins create or revoke keys', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const editor = await t.userWithRole(admin, 'editor');
    expect((await t.call('POST', '/api/sdk-keys', { name: 'x', kind: 'server' }, editor)).status).toBe(403);
    expect((await t.call('GET', '/api/sdk-keys', undefined, editor)).status).toBe(200);
  });
});
