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
  return { store, a, configs, checks };
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
});
