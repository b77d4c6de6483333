import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KnownUser } from '../../shared/contract/segments';
import { systemClock } from '../lib/clock';
import { createPasswordHasher } from '../lib/password';
import { createServices } from '../services';
import { MemoryStore } from '../store/memory/memory-store';

// What the database refuses that the recorder did not foresee: the store below refuses any batch
// holding the user 'poison' (as PostgreSQL refuses a whole statement for one bad row).
function refusingStore(options: { down?: boolean } = {}) {
  const store = new MemoryStore();
  const upsert = store.knownUsers.upsert.bind(store.knownUsers);
  const batches: number[] = [];
  store.knownUsers.upsert = async (environmentId: string, users: KnownUser[]) => {
    batches.push(users.length);
    if (options.down || users.some((u) => u.targetingKey === 'poison')) throw new Error('refused');
    await upsert(environmentId, users);
  };
  if (options.down) store.ping = async () => Promise.reject(new Error('down'));
  return { store, batches };
}

function recorderOn(store: MemoryStore) {
  const logged: string[] = [];
  const services = createServices({ store, clock: systemClock, passwords: createPasswordHasher(), log: (message) => logged.push(message) });
  return { recorder: services.knownUsers, logged };
}

describe('known users recorder', () => {
  it('splits a refused batch until only the refused user is left out', async () => {
    const { store, batches } = refusingStore();
    const { recorder, logged } = recorderOn(store);
    const keys = ['u1', 'u2', 'u3', 'poison', 'u5', 'u6', 'u7', 'u8'];
    for (const targetingKey of keys) recorder.observe('production', { targetingKey, plan: 'pro' });
    await recorder.flush();
    for (const key of keys.filter((k) => k !== 'poison')) expect(await store.knownUsers.get('production', key)).not.toBeNull();
    expect(logged).toEqual(['Known users: the database refused known user "poison"']);
    // 8 refused; its first half of 4 refused; 2 written, 2 refused; 1 written, 1 refused; the last 4
    // written: 7 writes, not one per user.
    expect(batches).toEqual([8, 4, 2, 2, 1, 1, 4]);
    expect((await store.observedAttributes.list()).map((a) => a.name)).toEqual(['plan']);
  });

  it('writes, when flushed during a flush already running, what was observed after that one began', async () => {
    const store = new MemoryStore();
    const upsert = store.knownUsers.upsert.bind(store.knownUsers);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    store.knownUsers.upsert = async (environmentId: string, users: KnownUser[]) => {
      await held;
      await upsert(environmentId, users);
    };
    const { recorder } = recorderOn(store);
    recorder.observe('production', { targetingKey: 'first' });
    const running = recorder.flush();
    recorder.observe('production', { targetingKey: 'second' });
    const flushed = recorder.flush();
    release();
    await Promise.all([running, flushed]);
    expect(await store.knownUsers.get('production', 'first')).not.toBeNull();
    expect(await store.knownUsers.get('production', 'second')).not.toBeNull();
  });

  it('logs once, without splitting, when the database does not answer at all', async () => {
    const { store, batches } = refusingStore({ down: true });
    const { recorder, logged } = recorderOn(store);
    for (let i = 0; i < 100; i++) recorder.observe('production', { targetingKey: `u${i}` });
    await recorder.flush();
    expect(batches).toEqual([100]);
    expect(logged).toEqual(['Could not record 100 known user(s)']);
  });

  describe('remembering who was written', () => {
    afterEach(() => vi.useRealTimers());

    it('writes a user again only after a minute or two, and forgets users of periods gone by', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const { store, batches } = refusingStore();
      const { recorder } = recorderOn(store);
      const observeAndFlush = async (...keys: string[]) => {
        for (const targetingKey of keys) recorder.observe('production', { targetingKey });
        await recorder.flush();
      };
      await observeAndFlush('u1', 'u2');
      vi.advanceTimersByTime(30_000);
      await observeAndFlush('u1');
      vi.advanceTimersByTime(40_000); // a new period: u1 and u2 are in the one before
      await observeAndFlush('u1', 'u3');
      vi.advanceTimersByTime(60_000); // u1 and u2's period is gone
      await observeAndFlush('u1');
      expect(batches).toEqual([2, 1, 1]);
      // u3 (the period before) and u1 (this one): u2 is forgotten.
      expect(recorder.remembered.users).toBe(2);
    });
  });
});
