import { expect, it } from 'vitest';
import type { Store, UserRecord } from './types';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const FIFTEEN_MINUTES = 15 * 60 * 1000;

function account(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: crypto.randomUUID(), email: `${crypto.randomUUID()}@example.com`, name: 'Someone', role: 'admin', passwordHash: 'scrypt$x',
    inviteTokenHash: null, inviteExpiresAt: null, disabled: false, createdAt: at(0), updatedAt: at(0), version: 1, ...overrides,
  };
}

/** Login attempts, invites and token authentication: the atomic parts of sign-in (memory, PGlite, PostgreSQL). */
export function authStoreContract(current: () => Store) {
  it('counts concurrent login attempts atomically, one count each', async () => {
    const store = current();
    const hits = await Promise.all(Array.from({ length: 40 }, () => store.loginAttempts.hit('k', at(1), FIFTEEN_MINUTES)));
    expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(hits.map((hit) => hit.windowStartedAt))).toEqual(new Set([at(1)]));
    expect(await store.loginAttempts.hit('other', at(2), FIFTEEN_MINUTES)).toEqual({ count: 1, windowStartedAt: at(2) });
  });

  it('starts a new login attempt window once the last one is over, and forgets cleared or old keys', async () => {
    const store = current();
    await store.loginAttempts.hit('k', at(0), FIFTEEN_MINUTES);
    expect(await store.loginAttempts.hit('k', at(14), FIFTEEN_MINUTES)).toEqual({ count: 2, windowStartedAt: at(0) });
    expect(await store.loginAttempts.hit('k', at(15), FIFTEEN_MINUTES)).toEqual({ count: 1, windowStartedAt: at(15) });
    await store.loginAttempts.clear('k');
    expect(await store.loginAttempts.hit('k', at(16), FIFTEEN_MINUTES)).toEqual({ count: 1, windowStartedAt: at(16) });
    await store.loginAttempts.hit('old', at(1), FIFTEEN_MINUTES);
    expect(await store.loginAttempts.deleteStartedBefore(at(10))).toBe(1);
    expect(await store.loginAttempts.hit('old', at(17), FIFTEEN_MINUTES)).toEqual({ count: 1, windowStartedAt: at(17) });
    expect((await store.loginAttempts.hit('k', at(17), FIFTEEN_MINUTES)).count).toBe(2);
  });

  it('uses an invite up once, however many accept it at the same time', async () => {
    const store = current();
    const invited = account({ passwordHash: null, inviteTokenHash: 'invite', inviteExpiresAt: at(60) });
    await store.users.insert(invited);
    const accepted = await Promise.all(
      Array.from({ length: 6 }, (_, i) => store.users.consumeInvite('invite', at(5), { name: `Taker ${i}`, passwordHash: `hash ${i}` })),
    );
    const winners = accepted.filter((user) => user !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ id: invited.id, inviteTokenHash: null, inviteExpiresAt: null, updatedAt: at(5), version: 2 });
    expect(await store.users.getById(invited.id)).toEqual(winners[0]);
    expect(await store.users.getByInviteTokenHash('invite')).toBeNull();
  });

  it('refuses an expired invite or one for a disabled account, and changes nothing', async () => {
    const store = current();
    const late = account({ passwordHash: null, inviteTokenHash: 'late', inviteExpiresAt: at(5) });
    const disabled = account({ passwordHash: null, inviteTokenHash: 'off', inviteExpiresAt: at(60), disabled: true });
    await store.users.insert(late);
    await store.users.insert(disabled);
    expect(await store.users.consumeInvite('late', at(5), { name: 'L', passwordHash: 'h' })).toBeNull();
    expect(await store.users.consumeInvite('off', at(1), { name: 'D', passwordHash: 'h' })).toBeNull();
    expect(await store.users.consumeInvite('unknown', at(1), { name: 'U', passwordHash: 'h' })).toBeNull();
    expect(await store.users.getById(late.id)).toEqual(late);
    expect(await store.users.getById(disabled.id)).toEqual(disabled);
  });

  it("finds a token with its creator's current role and standing in one lookup", async () => {
    const store = current();
    const creator = account();
    await store.users.insert(creator);
    const token = { id: 't1', name: 'CI', role: 'admin' as const, tokenHash: 'th', prefix: 'sbt_abc', createdBy: creator.id, createdAt: at(0), lastUsedAt: null, revokedAt: null };
    await store.apiTokens.insert(token);
    await store.apiTokens.insert({ ...token, id: 't2', tokenHash: 'orphan', createdBy: null });
    expect(await store.apiTokens.getWithCreatorByHash('th')).toEqual({ token, creator: { role: 'admin', active: true } });
    await store.users.update(creator.id, { role: 'viewer', disabled: true, updatedAt: at(1) });
    expect(await store.apiTokens.getWithCreatorByHash('th')).toEqual({ token, creator: { role: 'viewer', active: false } });
    expect(await store.apiTokens.getWithCreatorByHash('orphan')).toEqual({ token: { ...token, id: 't2', tokenHash: 'orphan', createdBy: null }, creator: null });
    expect(await store.apiTokens.getWithCreatorByHash('unknown')).toBeNull();
  });
}
