import { describe, expect, it } from 'vitest';
import type { CreatedSdkKey } from '../../shared/contract/sdk-keys';
import type { CompiledConfig, EvaluationResult } from '../../shared/evaluation';
import { systemClock } from '../lib/clock';
import type { ServerConfig } from '../services';
import { ExposureRecorder } from './exposure-recorder';
import { DEFAULT_EXPOSURE_MEMORY_MAX_USERS, readSettings } from '../node/settings';
import { MemoryStore } from '../store/memory/memory-store';
import { createTestApp, type Caller } from '../test/harness';

// The cap on exposed users remembered in memory (EXPOSURE_MEMORY_MAX_USERS), through the real
// app: what a user past it gets, what is recorded, and that a stopped experiment gives its room back.
type TestApp = ReturnType<typeof createTestApp>;

const headlineOn = async (t: TestApp, sdk: Caller, targetingKey: string, plan: string) => {
  const response = await t.call('POST', '/ofrep/v1/evaluate/flags', { context: { targetingKey, plan } }, sdk);
  return (response.json.flags as { key: string; reason: string; variant: string }[]).find((f) => f.key === 'headline')!;
};

async function appWithCap(exposureMemoryMaxUsers: number) {
  const logged: string[] = [];
  const store = new MemoryStore();
  const t = createTestApp({ store, config: { exposureMemoryMaxUsers }, log: (message) => logged.push(message) });
  const admin = await t.setupAdmin();
  await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Welcome' }, admin);
  const sdk: Caller = { bearer: (await t.call<CreatedSdkKey>('POST', '/api/sdk-keys', { name: 'server', kind: 'server' }, admin)).json.secret };
  const variants = [
    { key: 'control', name: 'Control', weight: 50, overrides: {} },
    { key: 'b', name: 'Variant B', weight: 50, overrides: { headline: 'Buy now' } },
  ];
  const created = await t.call('POST', '/api/experiments', { key: 'checkout', name: 'Checkout', variants, audience: { kind: 'condition', condition: { plan: 'free' } } }, admin);
  const act = async (action: string) => {
    const current = (await t.call('GET', `/api/experiments/${created.json.id}`, undefined, admin)).json;
    return t.call('POST', `/api/experiments/${created.json.id}/transitions`, { action, expectedVersion: current.version }, admin);
  };
  expect((await act('start')).status).toBe(200);
  const headline = (targetingKey: string, plan: string) => headlineOn(t, sdk, targetingKey, plan);
  const exposed = async () => {
    await t.app.services.exposures.flush();
    const counts = (await t.call('GET', `/api/experiments/${created.json.id}/exposures`, undefined, admin)).json.items as { users: number }[];
    return counts.reduce((sum, c) => sum + c.users, 0);
  };
  return { recorder: t.app.services.exposures, logged, headline, exposed, act, store, sdk, experimentId: created.json.id as string };
}

describe('exposure recorder memory cap', () => {
  it('keeps sticky membership for the users it remembers and still records, once, the exposures of those past the cap', async () => {
    const { recorder, logged, headline, exposed } = await appWithCap(1);
    const first = await headline('user-1', 'free');
    expect((await headline('user-2', 'free')).reason).toBe('SPLIT');
    await headline('user-2', 'free');
    expect(recorder.remembered.users).toBe(1);
    expect(await exposed()).toBe(2);
    // user-1 is remembered: still in their variant after leaving the audience.
    expect(await headline('user-1', 'pro')).toMatchObject({ reason: 'SPLIT', variant: first.variant });
    // user-2 came past the cap: the audience decides again.
    expect((await headline('user-2', 'pro')).reason).toBe('DEFAULT');
    expect(logged.filter((m) => m.includes('EXPOSURE_MEMORY_MAX_USERS'))).toHaveLength(1);
  });

  it('gives the room of an experiment that stops running back to the cap', async () => {
    const { recorder, headline, act } = await appWithCap(10);
    for (let i = 0; i < 5; i++) await headline(`user-${i}`, 'free');
    expect(recorder.remembered.users).toBe(5);
    expect((await act('pause')).status).toBe(200);
    await headline('user-9', 'free');
    expect(recorder.remembered.users).toBe(0);
  });

  it('after a restart, keeps the sticky membership of a user stored past the first page of exposures', async () => {
    const first = await appWithCap(100_000);
    const member = await first.headline('zz-member', 'free');
    await first.exposed();
    const firstSeenAt = new Date().toISOString();
    await first.store.exposures.record(Array.from({ length: 10_050 }, (_, i) => ({ experimentId: first.experimentId, targetingKey: `user-${i}`, variant: 'b', firstSeenAt })));
    const restarted = createTestApp({ store: first.store });
    // The first evaluation compiles the configuration, which starts loading the stored exposures.
    await headlineOn(restarted, first.sdk, 'someone', 'pro');
    await restarted.app.services.exposures.loaded();
    expect(restarted.app.services.exposures.remembered.users).toBe(10_051);
    expect(await headlineOn(restarted, first.sdk, 'zz-member', 'pro')).toMatchObject({ reason: 'SPLIT', variant: member.variant });
  });

  it('reads the cap from EXPOSURE_MEMORY_MAX_USERS and refuses what is not a whole number', () => {
    expect(readSettings({}).exposureMemoryMaxUsers).toBe(DEFAULT_EXPOSURE_MEMORY_MAX_USERS);
    expect(readSettings({ EXPOSURE_MEMORY_MAX_USERS: ' 500 ' }).exposureMemoryMaxUsers).toBe(500);
    expect(readSettings({ EXPOSURE_MEMORY_MAX_USERS: '0' }).exposureMemoryMaxUsers).toBe(0);
    for (const bad of ['-1', '1.5', 'lots']) expect(() => readSettings({ EXPOSURE_MEMORY_MAX_USERS: bad })).toThrow(/EXPOSURE_MEMORY_MAX_USERS/);
  });
});

describe('exposure recorder backlog', () => {
  it('says once, when 100,000 exposures wait for a database that does not answer, that later users are recorded at their next evaluation', () => {
    const logged: string[] = [];
    const store = new MemoryStore();
    // A database that never finishes a write: the backlog only grows.
    store.exposures.record = () => new Promise<void>(() => {});
    // The recorder reads only the memory cap from the configuration.
    const config = { exposureMemoryMaxUsers: 1_000_000 } as ServerConfig;
    const recorder = new ExposureRecorder({ store, clock: systemClock, config, log: (message) => logged.push(message) });
    const result = {} as EvaluationResult;
    const compiled = {
      runningExperiments: [{ id: 'e1', key: 'checkout', sticky: true }],
      exposureOf: () => ({ experimentId: 'e1', experimentKey: 'checkout', variant: 'b' }),
    } as unknown as CompiledConfig;
    for (let i = 0; i < 100_000; i++) recorder.observe(compiled, `user-${i}`, result);
    expect(logged).toEqual([]);
    for (let i = 100_000; i < 100_010; i++) recorder.observe(compiled, `user-${i}`, result);
    expect(logged.filter((m) => m.includes('wait for the database'))).toHaveLength(1);
    // The users past the backlog stay unmarked, so their next evaluation queues them again.
    expect(recorder.wasExposed('e1', 'user-99999')).toBe(true);
    expect(recorder.wasExposed('e1', 'user-100005')).toBe(false);
  });
});
