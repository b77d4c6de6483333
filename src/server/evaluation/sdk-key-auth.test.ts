import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../test/harness';
import { MemoryStore } from '../store/memory/memory-store';
import { systemActor } from '../modules/audit/audit-service';
import { createSdkKey, revokeSdkKey } from '../modules/sdk-keys/sdk-keys-service';

// The SDK key cache on the OFREP hot path: one store read per key at a time, read ahead of expiry
// in the background, and revocations still honoured (at once here, within 1 s on other replicas).

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function setup(store = new MemoryStore()) {
  const t = createTestApp({ store });
  const { secret, key } = await createSdkKey(t.app.services, { name: 'app', kind: 'server', allowEvents: false }, systemActor);
  const read = store.sdkKeys.getByHash.bind(store.sdkKeys);
  const reads = vi.spyOn(store.sdkKeys, 'getByHash');
  return { t, store, secret, key, read, reads, auth: t.app.services.sdkKeyAuth, headers: { authorization: `Bearer ${secret}` } };
}

describe('SDK key authentication cache', () => {
  it('reads a key once for concurrent first requests', async () => {
    const { auth, headers, reads, key } = await setup();
    const answers = await Promise.all(Array.from({ length: 20 }, () => auth.authenticate(headers)));
    expect(answers.every((a) => a?.id === key.id)).toBe(true);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('reads an expired key once for concurrent requests', async () => {
    const { auth, headers, reads } = await setup();
    await auth.authenticate(headers);
    vi.setSystemTime(Date.now() + 1001);
    expect(auth.cached(headers)).toBeUndefined();
    await Promise.all(Array.from({ length: 20 }, () => auth.authenticate(headers)));
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('reads the key again in the background before it expires, answering from memory meanwhile', async () => {
    const { auth, headers, reads, key } = await setup();
    await auth.authenticate(headers);
    vi.setSystemTime(Date.now() + 900);
    for (let i = 0; i < 20; i++) expect(auth.cached(headers)?.id).toBe(key.id);
    expect(reads).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(reads.mock.results[1]?.type).toBe('return'));
    await Promise.resolve();
    // The refreshed entry counts from its own read: still answered from memory 0.9 s later.
    vi.setSystemTime(Date.now() + 900);
    expect(auth.cached(headers)?.id).toBe(key.id);
  });

  it('refuses a key revoked on another replica within 1 s, though it was read ahead', async () => {
    const store = new MemoryStore();
    const { auth, headers, key } = await setup(store);
    const other = createTestApp({ store });
    await auth.authenticate(headers);
    vi.setSystemTime(Date.now() + 900);
    // Starts the background read, which may finish before or after the revocation below.
    expect(auth.cached(headers)?.id).toBe(key.id);
    await revokeSdkKey(other.app.services, key.id, systemActor);
    await new Promise((resolve) => setTimeout(resolve, 0));
    vi.setSystemTime(Date.now() + 1001);
    expect(auth.cached(headers)).toBeUndefined();
    expect(await auth.authenticate(headers)).toBeNull();
  });

  it('does not cache a read that raced with a revocation on this replica', async () => {
    const { t, auth, headers, key, read, reads } = await setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    reads.mockImplementationOnce(async (hash) => {
      const record = await read(hash);
      await gate;
      return record;
    });
    const racing = auth.authenticate(headers);
    await revokeSdkKey(t.app.services, key.id, systemActor);
    release();
    await racing;
    expect(auth.cached(headers)).toBeUndefined();
    expect(await auth.authenticate(headers)).toBeNull();
  });

  it('records last use at most once a minute, across refreshes', async () => {
    const { auth, headers, store } = await setup();
    const touches = vi.spyOn(store.sdkKeys, 'touch');
    await auth.authenticate(headers);
    expect(touches).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 11; i++) {
      vi.setSystemTime(Date.now() + 5001);
      await auth.authenticate(headers);
    }
    expect(touches).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + 5001);
    await auth.authenticate(headers);
    expect(touches).toHaveBeenCalledTimes(2);
    expect((await store.sdkKeys.list())[0].lastUsedAt).not.toBeNull();
  });

  it('as the sole writer (embedded database), answers from memory while the database is slow to answer the read, and still refuses a revoked key at once', async () => {
    const store = new MemoryStore();
    const t = createTestApp({ store, config: { soleWriter: true } });
    const { secret, key } = await createSdkKey(t.app.services, { name: 'app', kind: 'server', allowEvents: false }, systemActor);
    const headers = { authorization: `Bearer ${secret}` };
    const auth = t.app.services.sdkKeyAuth;
    await auth.authenticate(headers);
    const reads = vi.spyOn(store.sdkKeys, 'getByHash').mockReturnValue(new Promise(() => {}));
    for (const ms of [900, 2000, 30_000]) {
      vi.setSystemTime(new Date('2026-01-01T00:00:00Z').getTime() + ms);
      expect(auth.cached(headers)?.id).toBe(key.id);
    }
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    await revokeSdkKey(t.app.services, key.id, systemActor);
    expect(await auth.authenticate(headers)).toBeNull();
  });
});
