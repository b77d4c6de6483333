import { beforeEach, describe, expect, it } from 'vitest';
import { UniqueViolation } from '../lib/errors';
import { authStoreContract } from './auth-store-contract';
import { audienceStoreContract } from './audience-store-contract';
import { bulkStoreContract } from './bulk-store-contract';
import { changeRequestStoreContract } from './change-request-store-contract';
import { environmentStoreContract } from './environment-store-contract';
import { experimentStoreContract } from './experiment-store-contract';
import { metricStoreContract } from './metric-store-contract';
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

    metricStoreContract(() => store);
    authStoreContract(() => store);
    experimentStoreContract(() => store);
    bulkStoreContract(() => store);
    audienceStoreContract(() => store);
    environmentStoreContract(() => store);
    changeRequestStoreContract(() => store);

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

    it('stores parameters, pages, filters and compares-and-sets versions', async () => {
      const base = { environmentId: 'production', description: '', killed: false, rules: [], archivedAt: null, version: 1, createdAt: at(0), updatedAt: at(0), updatedBy: 'Ada' };
      const colour = { ...base, id: 'p1', key: 'button.colour', name: 'Button colour', tags: ['home'], spec: { type: 'color' as const }, defaultValue: '#FF0000' };
      const headline = { ...base, id: 'p2', key: 'headline', name: 'Headline', tags: ['home', 'sale'], spec: { type: 'string' as const, maxLength: 20 }, defaultValue: 'Hi' };
      const old = { ...base, id: 'p3', key: 'old_100%_flag', name: 'Old', tags: [], spec: { type: 'boolean' as const }, defaultValue: true, archivedAt: at(1) };
      for (const p of [colour, headline, old]) await store.parameters.insert(p);
      await expect(store.parameters.insert({ ...colour, id: 'p4' })).rejects.toBeInstanceOf(UniqueViolation);
      const query = { environmentId: 'production', sort: 'key' as const, archived: false, offset: 0, limit: 10 };
      expect(await store.parameters.list(query)).toEqual({ items: [colour, headline], total: 2 });
      expect((await store.parameters.list({ ...query, sort: '-name' })).items.map((p) => p.key)).toEqual(['headline', 'button.colour']);
      expect((await store.parameters.list({ ...query, tag: 'sale' })).items.map((p) => p.key)).toEqual(['headline']);
      expect((await store.parameters.list({ ...query, type: 'color' })).items.map((p) => p.key)).toEqual(['button.colour']);
      expect((await store.parameters.list({ ...query, search: 'BUTTON' })).items.map((p) => p.key)).toEqual(['button.colour']);
      expect((await store.parameters.list({ ...query, archived: true, search: '100%' })).items.map((p) => p.key)).toEqual(['old_100%_flag']);
      expect((await store.parameters.list({ ...query, archived: true, search: '0%_' })).total).toBe(1);
      expect((await store.parameters.list({ ...query, search: '%' })).total).toBe(0);
      expect(await store.parameters.list({ ...query, offset: 1, limit: 1 })).toEqual({ items: [headline], total: 2 });
      expect(await store.parameters.tags()).toEqual(['home', 'sale']);
      expect((await store.parameters.listActive('production')).map((p) => p.key)).toEqual(['button.colour', 'headline']);
      expect(await store.parameters.getByKey('headline', 'production')).toEqual(headline);
      expect((await store.parameters.getByIds(['p1', 'missing'], 'production')).map((p) => p.id)).toEqual(['p1']);

      const edited = { ...colour, defaultValue: '#00FF00', updatedAt: at(2) };
      expect(await store.parameters.update(edited, 1)).toEqual({ ...edited, version: 2 });
      expect(await store.parameters.update({ ...colour, defaultValue: '#0000FF' }, 1)).toBeNull();
      expect((await store.parameters.getById('p1', 'production'))?.defaultValue).toBe('#00FF00');
    });

    it('stores parameter versions, newest first', async () => {
      const p = { id: 'p1', environmentId: 'production', key: 'k', name: 'K', description: '', tags: [], spec: { type: 'integer' as const }, defaultValue: 1, killed: false, rules: [], archivedAt: null, version: 1, createdAt: at(0), updatedAt: at(0), updatedBy: null };
      await store.parameters.insert(p);
      const v1 = { version: 1, action: 'created' as const, snapshot: p, changes: [], restoredFrom: null, authorId: null, authorName: 'A', createdAt: at(0) };
      const v2 = { ...v1, version: 2, action: 'updated' as const, snapshot: { ...p, version: 2, defaultValue: 2 }, changes: [{ path: 'defaultValue', before: 1, after: 2 }], createdAt: at(1) };
      await store.parameters.insertVersion({ ...v1, parameterId: 'p1' });
      await store.parameters.insertVersion({ ...v2, parameterId: 'p1' });
      expect(await store.parameters.listVersions('p1', 'production')).toEqual([v2, v1]);
      expect(await store.parameters.getVersion('p1', 'production', 1)).toEqual(v1);
      expect(await store.parameters.getVersion('p1', 'production', 9)).toBeNull();
    });

    it('keeps audit entries and filters them newest first', async () => {
      const entry = (id: string, minute: number, objectType: 'user' | 'parameter', actorId: string | null) => ({
        id, at: at(minute), actorId, actorName: 'A', action: 'x', objectType, objectId: `o-${id}`, objectLabel: id, before: null, after: { n: minute },
      });
      await store.audit.insert(entry('a', 1, 'user', 'u1'));
      await store.audit.insert(entry('b', 2, 'parameter', 'u2'));
      await store.audit.insert(entry('c', 2, 'parameter', 'u1'));
      const ids = async (query: Partial<Parameters<Store['audit']['list']>[0]>) => (await store.audit.list({ limit: 10, ...query })).map((e) => e.id);
      expect(await ids({})).toEqual(['c', 'b', 'a']);
      expect(await ids({ objectType: 'parameter' })).toEqual(['c', 'b']);
      expect(await ids({ actorId: 'u1' })).toEqual(['c', 'a']);
      expect(await ids({ from: at(2) })).toEqual(['c', 'b']);
      expect(await ids({ before: { at: at(2), id: 'c' } })).toEqual(['b', 'a']);
      expect((await store.audit.list({ limit: 1, objectId: 'o-a' }))[0]).toEqual(entry('a', 1, 'user', 'u1'));
    });

    it('stores SDK keys, requested keys and the config version', async () => {
      const key = { id: 'k1', environmentId: 'production', name: 'iOS', kind: 'client' as const, allowEvents: false, keyHash: 'kh', prefix: 'sbc_x', createdBy: null, createdAt: at(0), lastUsedAt: null, revokedAt: null };
      await store.sdkKeys.insert(key);
      expect(await store.sdkKeys.getByHash('kh')).toEqual(key);
      await store.sdkKeys.touch('k1', at(1));
      expect((await store.sdkKeys.revoke('k1', at(2)))?.revokedAt).toBe(at(2));
      expect(await store.sdkKeys.list()).toEqual([{ ...key, lastUsedAt: at(1), revokedAt: at(2) }]);

      await store.requestedKeys.record([{ key: 'banner', firstSeenAt: at(5), lastSeenAt: at(6), count: 2 }]);
      await store.requestedKeys.record([{ key: 'banner', firstSeenAt: at(3), lastSeenAt: at(9), count: 3 }]);
      expect(await store.requestedKeys.list()).toEqual([{ key: 'banner', firstSeenAt: at(3), lastSeenAt: at(9), count: 5 }]);
      await store.requestedKeys.delete(['banner']);
      expect(await store.requestedKeys.list()).toEqual([]);

      const start = await store.configVersion.get();
      expect(await store.configVersion.bump()).toBe(start + 1);
      expect(await store.configVersion.get()).toBe(start + 1);
    });

    it('stores segments with their id lists and compares-and-sets versions', async () => {
      const segment = { id: 's1', name: 'Loyal', description: '', definition: { kind: 'ids' as const, attribute: 'targetingKey', idCount: 3 }, archivedAt: null, version: 1, createdAt: at(0), updatedAt: at(0), updatedBy: null };
      await store.segments.insert(segment, ['c', 'a', 'b', 'a']);
      expect(await store.segments.getIds('s1')).toEqual(['a', 'b', 'c']);
      expect(await store.segments.list(false)).toEqual([segment]);
      const renamed = { ...segment, name: 'Loyal members' };
      expect(await store.segments.update(renamed, 1, ['x'])).toEqual({ ...renamed, version: 2 });
      expect(await store.segments.update(renamed, 1)).toBeNull();
      expect(await store.segments.getIds('s1')).toEqual(['x']);
      await store.segments.update({ ...renamed, archivedAt: at(1) }, 2);
      expect(await store.segments.list(false)).toEqual([]);
      expect((await store.segments.list(true)).map((s) => s.id)).toEqual(['s1']);
    });

    it('keeps the latest attributes of known users and samples recent ones', async () => {
      await store.knownUsers.upsert('production', [
        { targetingKey: 'u1', attributes: { country: 'CA' }, lastSeenAt: at(10) },
        { targetingKey: 'u2', attributes: { country: 'US' }, lastSeenAt: at(1) },
        { targetingKey: 'u3', attributes: {}, lastSeenAt: at(20) },
      ]);
      await store.knownUsers.upsert('production', [{ targetingKey: 'u1', attributes: { country: 'FR' }, lastSeenAt: at(5) }]);
      expect((await store.knownUsers.get('production', 'u1'))?.attributes).toEqual({ country: 'CA' });
      await store.knownUsers.upsert('production', [{ targetingKey: 'u1', attributes: { country: 'DE' }, lastSeenAt: at(30) }]);
      expect(await store.knownUsers.get('production', 'u1')).toEqual({ targetingKey: 'u1', attributes: { country: 'DE' }, lastSeenAt: at(30) });
      expect((await store.knownUsers.search('production', undefined, 2)).map((u) => u.targetingKey)).toEqual(['u1', 'u3']);
      expect((await store.knownUsers.search('production', 'u2', 10)).map((u) => u.targetingKey)).toEqual(['u2']);
      const all = await store.knownUsers.sample('production', at(2), 10);
      expect(all.total).toBe(2);
      expect(all.users.map((u) => u.targetingKey).sort()).toEqual(['u1', 'u3']);
      const one = await store.knownUsers.sample('production', at(0), 1);
      expect(one).toMatchObject({ total: 3 });
      expect(one.users).toHaveLength(1);

      await store.observedAttributes.record([{ name: 'age', kinds: ['number'], lastSeenAt: at(1) }], 10);
      await store.observedAttributes.record([{ name: 'age', kinds: ['text', 'number'], lastSeenAt: at(3) }], 10);
      expect(await store.observedAttributes.list()).toEqual([{ name: 'age', kinds: ['number', 'text'], lastSeenAt: at(3) }]);
    });

    it('stores event batches once per id and describes them in the catalog', async () => {
      const e = (id: string, event: string, targetingKey: string, value: number | null, properties: Record<string, string> | null) => ({
        id, type: 'track' as const, targetingKey, event, value, timestamp: at(1), properties, receivedAt: at(2),
      });
      expect(await store.events.insertBatch([e('1', 'purchase', 'u1', 5, { category: 'shoes' }), e('2', 'purchase', 'u2', null, { size: 'M' }), e('3', 'signup', 'u1', null, null)])).toBe(3);
      expect(await store.events.insertBatch([e('1', 'purchase', 'u1', 5, null), e('4', 'signup', 'u3', null, null)])).toBe(1);
      expect(await store.events.catalog()).toEqual([
        { event: 'purchase', type: 'track', count: 2, users: 2, withValue: 1, properties: ['category', 'size'], lastSeenAt: at(1) },
        { event: 'signup', type: 'track', count: 2, users: 2, withValue: 0, properties: [], lastSeenAt: at(1) },
      ]);
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
