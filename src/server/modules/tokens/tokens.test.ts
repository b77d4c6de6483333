import { describe, expect, it } from 'vitest';
import type { CreatedApiToken } from '../../../shared/contract/tokens';
import { createTestApp } from '../../test/harness';

describe('API tokens', () => {
  it('shows the secret once, stores only its hash, and carries its role', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const created = await t.call<CreatedApiToken>('POST', '/api/tokens', { name: 'Reporting', role: 'viewer' }, admin);
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
    const created = await t.call<CreatedApiToken>('POST', '/api/tokens', { name: 'Automation', role: 'admin' }, admin);
    const token = { bearer: created.json.secret };
    expect((await t.call('GET', '/api/users', undefined, token)).status).toBe(200);
    expect((await t.call('DELETE', `/api/tokens/${created.json.token.id}`, undefined, admin)).json.revokedAt).not.toBeNull();
    expect((await t.call('GET', '/api/users', undefined, token)).status).toBe(401);
    expect((await t.call('GET', '/api/users', undefined, { bearer: 'sbt_unknown' })).status).toBe(401);
    expect((await t.call('DELETE', '/api/tokens/does-not-exist', undefined, admin)).status).toBe(404);
  });

  it("acts with at most its creator's current role, and not at all while the creator is disabled", async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const second = await t.userWithRole(admin, 'admin', 'second@example.com');
    const secondId = (await t.store.users.getByEmail('second@example.com'))!.id;
    const token = await t.tokenWithRole(second, 'admin');
    expect((await t.call('GET', '/api/users', undefined, token)).status).toBe(200);

    // Disabled: the token can neither list users, mint tokens, nor re-enable its creator.
    expect((await t.call('PATCH', `/api/users/${secondId}`, { disabled: true }, admin)).status).toBe(200);
    expect((await t.call('GET', '/api/users', undefined, token)).status).toBe(401);
    expect((await t.call('POST', '/api/tokens', { name: 'more', role: 'admin' }, token)).status).toBe(401);
    expect((await t.call('PATCH', `/api/users/${secondId}`, { disabled: false }, token)).status).toBe(401);
    expect((await t.store.users.getById(secondId))?.disabled).toBe(true);

    // Re-enabled by another admin: the token works again.
    expect((await t.call('PATCH', `/api/users/${secondId}`, { disabled: false }, admin)).status).toBe(200);
    expect((await t.call('GET', '/api/users', undefined, token)).status).toBe(200);

    // Demoted to editor: the admin token is an editor token now.
    expect((await t.call('PATCH', `/api/users/${secondId}`, { role: 'editor' }, admin)).status).toBe(200);
    expect((await t.call('GET', '/api/users', undefined, token)).status).toBe(403);
    expect((await t.call('POST', '/api/tokens', { name: 'more', role: 'admin' }, token)).status).toBe(403);
    expect((await t.call('PATCH', `/api/users/${secondId}`, { role: 'admin' }, token)).status).toBe(403);
    expect((await t.call('GET', '/api/parameters', undefined, token)).status).toBe(200);

    // Promoted back: admin again (the token's own role still caps it).
    expect((await t.call('PATCH', `/api/users/${secondId}`, { role: 'admin' }, admin)).status).toBe(200);
    expect((await t.call('GET', '/api/users', undefined, token)).status).toBe(200);
  });

  it('a token made by a token dies with the person behind both', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const second = await t.userWithRole(admin, 'admin', 'second@example.com');
    const secondId = (await t.store.users.getByEmail('second@example.com'))!.id;
    const parent = await t.tokenWithRole(second, 'admin');
    const child = { bearer: (await t.call<CreatedApiToken>('POST', '/api/tokens', { name: 'child', role: 'viewer' }, parent)).json.secret };
    expect((await t.call('GET', '/api/parameters', undefined, child)).status).toBe(200);
    await t.call('PATCH', `/api/users/${secondId}`, { disabled: true }, admin);
    expect((await t.call('GET', '/api/parameters', undefined, child)).status).toBe(401);
  });
});
