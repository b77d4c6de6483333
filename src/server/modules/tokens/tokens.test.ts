import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/harness';

describe('API tokens', () => {
  it('shows the secret once, stores only its hash, and carries its role', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const created = await t.call('POST', '/api/tokens', { name: 'Reporting', role: 'viewer' }, admin);
    expect(created.status).toBe(201);
    const secret: string = created.json.secret;
    expect(secret).toMatch(/^sbt_/);
    const listed = await t.call('GET', '/api/tokens', undefined, admin);
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    const stored = await t.store.apiTokens.list();
    expect(JSON.stringify(stored)).not.toContain(secret);

    const viewer = { bearer: secret };
    expect((await t.call('GET', '/api/auth/setup', undefined, viewer)).status).toBe(200);
    expect((await t.call('POST', '/api/tokens', { name: 'x', role: 'admin' }, viewer)).status).toBe(403);
  });

  it('a revoked or unknown token is refused with 401', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const created = await t.call('POST', '/api/tokens', { name: 'Automation', role: 'admin' }, admin);
    const token = { bearer: created.json.secret };
    expect((await t.call('GET', '/api/users', undefined, token)).status).toBe(200);
    expect((await t.call('DELETE', `/api/tokens/${created.json.token.id}`, undefined, admin)).json.revokedAt).not.toBeNull();
    expect((await t.call('GET', '/api/users', undefined, token)).status).toBe(401);
    expect((await t.call('GET', '/api/users', undefined, { bearer: 'sbt_unknown' })).status).toBe(401);
    expect((await t.call('DELETE', '/api/tokens/does-not-exist', undefined, admin)).status).toBe(404);
  });
});
