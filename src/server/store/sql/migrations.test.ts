import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { openPgliteStore, openPgliteStoreOn } from './open';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

// Each test creates a PGlite database (seconds, more on a busy machine).
describe('migrations', { timeout: 120_000 }, () => {
  it('applies every migration once and refuses a schema newer than the code', async () => {
    const pglite = await PGlite.create();
    const store = await openPgliteStoreOn(pglite);
    const applied = await pglite.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.rows.map((row) => row.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
    // Re-running is a no-op.
    await openPgliteStoreOn(pglite);
    await pglite.query(`INSERT INTO schema_migrations (version, name) VALUES (${LATEST_SCHEMA_VERSION + 1}, 'from the future')`);
    await expect(openPgliteStoreOn(pglite)).rejects.toThrow(/newer than this build/);
    await store.close();
  });

  it('keeps users and sessions across a restart on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-restart-'));
    dirs.push(dir);
    const first = await openPgliteStore(dir);
    await first.users.insert({
      id: 'u1', email: 'kept@example.com', name: 'Kept', role: 'admin', passwordHash: 'scrypt$x', inviteTokenHash: null,
      inviteExpiresAt: null, disabled: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1,
    });
    await first.sessions.insert({ id: 's1', userId: 'u1', csrfToken: 'c', createdAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-02-01T00:00:00.000Z' });
    await first.close();
    const second = await openPgliteStore(dir);
    expect((await second.users.getByEmail('kept@example.com'))?.name).toBe('Kept');
    expect((await second.sessions.get('s1'))?.userId).toBe('u1');
    await second.close();
  });
});
