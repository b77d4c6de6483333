import { beforeEach, describe, expect, it } from 'vitest';
import { UniqueViolation } from '../lib/errors';
import type { Store, UserRecord } from './types';

// One behavioural suite for every Store implementation: memory, PGlite and PostgreSQL must
// agree on all of it. Each implementation's test file supplies a fresh, empty store per test.

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

export function user(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: crypto.randomUUID(),
    email: `${crypto.randomUUID()}@example.com`,
    name: 'Someone',
    role: 'editor',
    passwordHash: 'scrypt$x',
    inviteTokenHash: null,
    inviteExpiresAt: null,
    disabled: false,
    createdAt: at(0),
    updatedAt: at(0),
    version: 1,
    ...overrides,
  };
}

export function storeContract(name: string, freshStore: () => Promise<Store>) {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await freshStore();
    });

    it('inserts, finds and lists users', async () => {
      const ada = user({ email: 'ada@example.com', createdAt: at(1) });
      const bob = user({ email: 'bob@example.com', createdAt: at(2), role: 'admin' });
      await store.users.insert(bob);
      await store.users.insert(ada);
      expect(await store.users.count()).toBe(2);
      expect(await store.users.getByEmail('ada@example.com')).toEqual(ada);
      expect(await store.users.getById(bob.id)).toEqual(bob);
      expect((await store.users.list()).map((u) => u.email)).toEqual(['ada@example.com', 'bob@example.com']);
      expect(await store.users.getById('missing')).toBeNull();
      expect(await store.users.countActiveAdmins()).toBe(1);
    });

    it('refuses a duplicate email', async () => {
      await store.users.insert(user({ email: 'same@example.com' }));
      await expect(store.users.insert(user({ email: 'same@example.com' }))).rejects.toBeInstanceOf(UniqueViolation);
      expect(await store.users.count()).toBe(1);
    });

    it('inserts the first user only while there is none', async () => {
      expect(await store.users.insertFirst(user())).toBe(true);
      expect(await store.users.insertFirst(user())).toBe(false);
      expect(await store.users.count()).toBe(1);
    });

    it('updates a user and bumps the version', async () => {
      const u = user({ inviteTokenHash: 'abc', inviteExpiresAt: at(10), passwordHash: null });
      await store.users.insert(u);
      expect(await store.users.getByInviteTokenHash('abc')).toEqual(u);
      const updated = await store.users.update(u.id, { role: 'viewer', inviteTokenHash: null, inviteExpiresAt: null, passwordHash: 'h', updatedAt: at(5) });
      expect(updated).toEqual({ ...u, role: 'viewer', inviteTokenHash: null, inviteExpiresAt: null, passwordHash: 'h', updatedAt: at(5), version: 2 });
      expect(await store.users.update('missing', { updatedAt: at(5) })).toBeNull();
    });

    it('stores, touches and removes sessions', async () => {
      const u = user();
      await store.users.insert(u);
      const session = { id: 'hash-1', userId: u.id, csrfToken: 'csrf', createdAt: at(0), lastSeenAt: at(0), expiresAt: at(60) };
      await store.sessions.insert(session);
      await store.sessions.insert({ ...session, id: 'hash-2', expiresAt: at(2) });
      expect(await store.sessions.get('hash-1')).toEqual(session);
      await store.sessions.touch('hash-1', at(30), at(90));
      expect(await store.sessions.get('hash-1')).toMatchObject({ lastSeenAt: at(30), expiresAt: at(90) });
      expect(await store.sessions.deleteExpired(at(3))).toBe(1);
      await store.sessions.deleteForUser(u.id);
      expect(await store.sessions.get('hash-1')).toBeNull();
    });

    it('stores and revokes API tokens', async () => {
      const token = { id: 't1', name: 'CI', role: 'viewer' as const, tokenHash: 'th', prefix: 'sbt_abc', createdBy: null, createdAt: at(0), lastUsedAt: null, revokedAt: null };
      await store.apiTokens.insert(token);
      expect(await store.apiTokens.getByHash('th')).toEqual(token);
      await store.apiTokens.touch('t1', at(3));
      expect((await store.apiTokens.revoke('t1', at(4)))?.revokedAt).toBe(at(4));
      // Revoking twice keeps the first time.
      expect((await store.apiTokens.revoke('t1', at(9)))?.revokedAt).toBe(at(4));
      expect(await store.apiTokens.list()).toEqual([{ ...token, lastUsedAt: at(3), revokedAt: at(4) }]);
      expect(await store.apiTokens.revoke('missing', at(4))).toBeNull();
    });

    it('commits a transaction whole, or rolls it back whole', async () => {
      await store.transaction(async (tx) => {
        await tx.users.insert(user({ email: 'kept@example.com' }));
      });
      await expect(
        store.transaction(async (tx) => {
          await tx.users.insert(user({ email: 'lost@example.com' }));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.users.getByEmail('kept@example.com')).not.toBeNull();
      expect(await store.users.getByEmail('lost@example.com')).toBeNull();
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
