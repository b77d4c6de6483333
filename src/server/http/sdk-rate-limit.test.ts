import { describe, expect, it } from 'vitest';
import { readSettings } from '../node/settings';
import { createTestApp } from '../test/harness';
import { SdkRateLimiter } from './sdk-rate-limit';

describe('SdkRateLimiter (token bucket per key)', () => {
  it('lets a minute’s allowance through at once, then asks to wait until a token refills', () => {
    let now = 0;
    const limiter = new SdkRateLimiter(60, () => now);
    for (let i = 0; i < 60; i++) expect(limiter.take('key-a')).toBe(0);
    expect(limiter.take('key-a')).toBe(1);
    expect(limiter.take('key-b')).toBe(0);
    now += 1000;
    expect(limiter.take('key-a')).toBe(0);
    expect(limiter.take('key-a')).toBe(1);
  });

  it('gives whole seconds to wait when the rate is slow', () => {
    let now = 0;
    const limiter = new SdkRateLimiter(2, () => now);
    limiter.take('k');
    limiter.take('k');
    expect(limiter.take('k')).toBe(30);
    now += 29_000;
    expect(limiter.take('k')).toBe(1);
    now += 1000;
    expect(limiter.take('k')).toBe(0);
  });

  it('never limits when off (0)', () => {
    const limiter = new SdkRateLimiter(0);
    for (let i = 0; i < 10_000; i++) expect(limiter.take('k')).toBe(0);
  });
});

describe('SDK_RATE_LIMIT_PER_MIN', () => {
  it('is off unless set, and refuses what is not a whole number', () => {
    expect(readSettings({}).sdkRateLimitPerMin).toBe(0);
    expect(readSettings({ SDK_RATE_LIMIT_PER_MIN: '6000' }).sdkRateLimitPerMin).toBe(6000);
    expect(() => readSettings({ SDK_RATE_LIMIT_PER_MIN: 'lots' })).toThrow(/SDK_RATE_LIMIT_PER_MIN/);
    expect(() => readSettings({ SDK_RATE_LIMIT_PER_MIN: '-5' })).toThrow(/SDK_RATE_LIMIT_PER_MIN/);
  });
});

describe('per-SDK-key rate limit on /ofrep and /sdk', () => {
  it('answers 429 with integer Retry-After per key, across OFREP and events, in each API’s shape', async () => {
    const t = createTestApp({ config: { sdkRateLimitPerMin: 3 } });
    const admin = await t.setupAdmin();
    const newKey = async (name: string) => (await t.call('POST', '/api/sdk-keys', { name, kind: 'server' }, admin)).json.secret as string;
    const limited = await newKey('busy');
    const other = await newKey('quiet');
    const context = { context: { targetingKey: 'u1' } };
    expect((await t.call('POST', '/ofrep/v1/evaluate/flags', context, { bearer: limited })).status).toBe(200);
    expect((await t.call('POST', '/ofrep/v1/evaluate/flags/missing', context, { bearer: limited })).status).toBe(404);
    expect((await t.call('POST', '/sdk/v1/events', { events: [] }, { bearer: limited })).status).toBeLessThan(429);

    const ofrep = await t.call('POST', '/ofrep/v1/evaluate/flags', context, { bearer: limited });
    expect(ofrep.status).toBe(429);
    expect(ofrep.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(ofrep.json).toHaveProperty('errorDetails');
    const events = await t.call('POST', '/sdk/v1/events', { events: [] }, { bearer: limited });
    expect(events.status).toBe(429);
    expect(events.headers.get('content-type')).toBe('application/problem+json');
    expect(events.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);

    expect((await t.call('POST', '/ofrep/v1/evaluate/flags', context, { bearer: other })).status).toBe(200);
    // Unknown keys are refused as before, and hold no bucket.
    expect((await t.call('POST', '/ofrep/v1/evaluate/flags', context, { bearer: 'sbc_unknown' })).status).toBe(401);
  });

  it('is off by default', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const key = (await t.call('POST', '/api/sdk-keys', { name: 'app', kind: 'client' }, admin)).json.secret as string;
    for (let i = 0; i < 200; i++) {
      expect((await t.call('POST', '/ofrep/v1/evaluate/flags', { context: { targetingKey: `u${i}` } }, { bearer: key })).status).toBe(200);
    }
  });
});
