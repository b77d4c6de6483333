import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../test/harness';
import { MemoryStore } from '../../store/memory/memory-store';
import { systemActor } from '../audit/audit-service';
import { createParameter, updateParameter } from '../parameters/parameters-service';
import { createSdkKey, revokeSdkKey } from '../sdk-keys/sdk-keys-service';

// The OFREP hot path answers from in-memory caches without waiting (SDK key, compiled
// configuration, last bulk body). These check that it still answers exactly what the store says.

type TestApp = ReturnType<typeof createTestApp>;

async function seed(t: TestApp) {
  await createParameter(t.app.services, 'production', { key: 'headline', name: 'Headline', description: '', tags: [], killed: false, rules: [], spec: { type: 'string' }, defaultValue: 'Hello' }, systemActor);
  await createParameter(t.app.services, 'production', { key: 'price', name: 'Price', description: '', tags: [], killed: false, rules: [], spec: { type: 'number' }, defaultValue: 9.99 }, systemActor);
  return createSdkKey(t.app.services, { name: 'app', kind: 'client', allowEvents: false }, systemActor);
}

const bulk = (t: TestApp, secret: string, headers: Record<string, string> = {}) =>
  t.app.request('/ofrep/v1/evaluate/flags', {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ context: { targetingKey: 'user-1' } }),
  });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('OFREP fast paths', () => {
  it('answers repeated bulk requests with the same bytes and ETag, and 304 to that ETag', async () => {
    const t = createTestApp();
    const { secret } = await seed(t);
    const first = await bulk(t, secret);
    const second = await bulk(t, secret);
    expect(first.status).toBe(200);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('access-control-expose-headers')).toBe('ETag');
    const notModified = await bulk(t, secret, { 'if-none-match': first.headers.get('etag')! });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('refuses a key revoked on this replica at once, even right after it was served from the cache', async () => {
    const t = createTestApp();
    const { secret, key } = await seed(t);
    expect((await bulk(t, secret)).status).toBe(200);
    expect((await bulk(t, secret)).status).toBe(200);
    await revokeSdkKey(t.app.services, key.id, systemActor);
    expect((await bulk(t, secret)).status).toBe(401);
  });

  it('refuses a key revoked on another replica once the key cache expires (1 s)', async () => {
    const store = new MemoryStore();
    const a = createTestApp({ store });
    const b = createTestApp({ store });
    const { secret, key } = await seed(a);
    expect((await bulk(b, secret)).status).toBe(200);
    await revokeSdkKey(a.app.services, key.id, systemActor);
    vi.setSystemTime(Date.now() + 1001);
    expect((await bulk(b, secret)).status).toBe(401);
  });

  it('serves a change made on another replica after the version check (1 s)', async () => {
    const store = new MemoryStore();
    const a = createTestApp({ store });
    const b = createTestApp({ store });
    const { secret } = await seed(a);
    const before = await (await bulk(b, secret)).json();
    expect(before.flags.find((f: { key: string }) => f.key === 'headline').value).toBe('Hello');
    const headline = (await store.parameters.listActive('production')).find((p) => p.key === 'headline')!;
    await updateParameter(a.app.services, headline.id, 'production', { expectedVersion: headline.version, defaultValue: 'Winter sale' }, systemActor);
    vi.setSystemTime(Date.now() + 1001);
    const after = await (await bulk(b, secret)).json();
    expect(after.flags.find((f: { key: string }) => f.key === 'headline').value).toBe('Winter sale');
  });

  it('keeps OFREP answers for unknown OFREP paths and the API answers for other app paths', async () => {
    const t = createTestApp();
    const { secret } = await seed(t);
    const unknown = await t.app.request('/ofrep/v1/nothing', { method: 'GET', headers: { authorization: `Bearer ${secret}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ errorCode: 'GENERAL' });
    expect((await t.app.request('/ofrep/v1/nothing', { method: 'GET' })).status).toBe(401);
    const preflight = await t.app.request('/ofrep/v1/evaluate/flags', { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    const sdkUnknown = await t.app.request('/sdk/v1/nothing', { method: 'GET' });
    expect(sdkUnknown.status).toBe(404);
    expect(sdkUnknown.headers.get('content-type')).toContain('application/problem+json');
  });
});
