import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../test/harness';
import { sharedPgliteStore, truncateAll } from '../store/sql/test-database';
import type { SqlStore } from '../store/sql/sql-store';
import { systemActor } from '../modules/audit/audit-service';
import { createParameter } from '../modules/parameters/parameters-service';
import { createSdkKey, revokeSdkKey } from '../modules/sdk-keys/sdk-keys-service';

// Two replicas (two apps over one PGlite database): an SDK key revoked on A is refused by B
// within 1 s of the clock, whatever B's key cache held or had just read ahead.

let store: SqlStore;
beforeEach(async () => {
  store = await sharedPgliteStore();
  await truncateAll(store);
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});
afterAll(() => store?.close());

async function replicas() {
  const a = createTestApp({ store });
  const b = createTestApp({ store });
  await createParameter(a.app.services, 'production', { key: 'headline', name: 'Headline', description: '', tags: [], killed: false, rules: [], spec: { type: 'string' }, defaultValue: 'Hello' }, systemActor);
  const { secret, key } = await createSdkKey(a.app.services, { name: 'app', kind: 'server', allowEvents: false }, systemActor);
  const status = async (app: typeof a) => (await app.app.request('/ofrep/v1/evaluate/flags', {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ context: { targetingKey: 'user-1' } }),
  })).status;
  const revoke = () => revokeSdkKey(a.app.services, key.id, systemActor);
  /** Whether B answers this key from memory, without waiting for the database. */
  const answeredFromMemory = () => b.app.services.sdkKeyAuth.cached({ authorization: `Bearer ${secret}` }) !== undefined;
  return { a, b, status, revoke, answeredFromMemory };
}

/** Lets reads started in the background land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('SDK key revocation across replicas', () => {
  it('is refused by the other replica 1 s after the revocation', async () => {
    const { a, b, status, revoke } = await replicas();
    expect(await status(b)).toBe(200);
    await revoke();
    expect(await status(a)).toBe(401);
    advance(1001);
    expect(await status(b)).toBe(401);
  });

  it('is refused 1 s after the revocation though the other replica had just read the key ahead', async () => {
    const { b, status, revoke, answeredFromMemory } = await replicas();
    expect(await status(b)).toBe(200);
    const reads = vi.spyOn(store.sdkKeys, 'getByHash');
    // Steady traffic on B: each request answers from memory, and the key is read ahead when due
    // (once in these 0.9 s), never once per request.
    for (let i = 0; i < 9; i++) {
      advance(100);
      expect(answeredFromMemory()).toBe(true);
      expect(await status(b)).toBe(200);
      await settle();
    }
    expect(reads).toHaveBeenCalledTimes(1);
    await revoke();
    for (let elapsed = 100; elapsed <= 1000; elapsed += 100) {
      advance(100);
      await status(b);
      await settle();
    }
    advance(1);
    expect(await status(b)).toBe(401);
  });
});
