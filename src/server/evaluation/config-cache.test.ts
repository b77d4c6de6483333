import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../test/harness';
import { MemoryStore } from '../store/memory/memory-store';
import { systemActor } from '../modules/audit/audit-service';
import { createParameter, updateParameter } from '../modules/parameters/parameters-service';

// The compiled configuration on the OFREP hot path: the version check runs ahead of its deadline
// in the background, once at a time, and changes from other replicas still arrive within 1 s.

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function setup() {
  const store = new MemoryStore();
  const a = createTestApp({ store });
  const b = createTestApp({ store });
  await createParameter(a.app.services, 'production', { key: 'headline', name: 'Headline', description: '', tags: [], killed: false, rules: [], spec: { type: 'string' }, defaultValue: 'Hello' }, systemActor);
  const configs = b.app.services.configs;
  await configs.get('production');
  const checks = vi.spyOn(store.configVersion, 'get');
  return { store, a, b, configs, checks };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Compiled configuration cache', () => {
  it('answers from memory while one background version check runs, and that check restarts the second', async () => {
    const { configs, checks } = await setup();
    vi.setSystemTime(Date.now() + 500);
    expect(configs.ready('production')).not.toBeNull();
    expect(checks).not.toHaveBeenCalled();
    vi.setSystemTime(Date.now() + 400);
    for (let i = 0; i < 20; i++) expect(configs.ready('production')).not.toBeNull();
    expect(checks).toHaveBeenCalledTimes(1);
    await settle();
    vi.setSystemTime(Date.now() + 700);
    expect(configs.ready('production')).not.toBeNull();
  });

  it('waits for one check when none landed within the second', async () => {
    const { configs, checks } = await setup();
    vi.setSystemTime(Date.now() + 1001);
    expect(configs.ready('production')).toBeNull();
    await Promise.all(Array.from({ length: 20 }, () => configs.get('production')));
    expect(checks).toHaveBeenCalledTimes(1);
    expect(configs.ready('production')).not.toBeNull();
  });

  it('reloads when a background check finds a change made on another replica', async () => {
    const { store, a, configs } = await setup();
    const headline = (await store.parameters.listActive('production'))[0];
    await updateParameter(a.app.services, headline.id, 'production', { expectedVersion: headline.version, defaultValue: 'Winter sale' }, systemActor);
    vi.setSystemTime(Date.now() + 900);
    expect(configs.ready('production')?.evaluate('headline', { targetingKey: 'u' })?.value).toBe('Hello');
    await settle();
    expect(configs.ready('production')).toBeNull();
    expect((await configs.get('production')).evaluate('headline', { targetingKey: 'u' })?.value).toBe('Winter sale');
  });

  it('as the sole writer (embedded database), never waits for a version check the database is slow to answer', async () => {
    const t = createTestApp({ config: { soleWriter: true } });
    await createParameter(t.app.services, 'production', { key: 'headline', name: 'Headline', description: '', tags: [], killed: false, rules: [], spec: { type: 'string' }, defaultValue: 'Hello' }, systemActor);
    const configs = t.app.services.configs;
    await configs.get('production');
    // The database is busy with a long statement: the check does not come back.
    const checks = vi.spyOn(t.store.configVersion, 'get').mockReturnValue(new Promise(() => {}));
    for (const seconds of [0.9, 2, 30]) {
      vi.setSystemTime(new Date('2026-01-01T00:00:00Z').getTime() + seconds * 1000);
      expect(configs.ready('production')?.evaluate('headline', { targetingKey: 'u' })?.value).toBe('Hello');
    }
    expect(checks).toHaveBeenCalledTimes(1);
    // Its own writes still reach apps at once.
    const headline = (await t.store.parameters.listActive('production'))[0];
    checks.mockRestore();
    await updateParameter(t.app.services, headline.id, 'production', { expectedVersion: headline.version, defaultValue: 'Winter sale' }, systemActor);
    expect((await configs.get('production')).evaluate('headline', { targetingKey: 'u' })?.value).toBe('Winter sale');
  });

  it('compiles again after an hour (relative dates) in the background, answering from the old configuration meanwhile', async () => {
    const { b, configs } = await setup();
    const first = configs.ready('production')!;
    b.clock.advance(61 * 60 * 1000);
    vi.setSystemTime(Date.now() + 900);
    expect(configs.ready('production')).toBe(first); // starts the check
    await vi.waitFor(() => expect(configs.ready('production')).not.toBe(first));
    expect(configs.ready('production')!.compiledAt.getTime()).toBeGreaterThan(first.compiledAt.getTime());
  });
});
