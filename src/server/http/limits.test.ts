import { describe, expect, it, vi } from 'vitest';
import { createTestApp, type RawJson } from '../test/harness';
import { CONTEXT_LIMITS, EVENTS_MAX_BODY_BYTES, MAX_REQUESTED_KEYS, OFREP_MAX_BODY_BYTES } from './limits';

// The limits on what apps send (limits.ts), in-process through app.request: each one refused at
// the door in the shape of its API, and what is within them still answered.

/** An OFREP error answer. */
interface OfrepError {
  key?: string;
  errorCode: string;
  errorDetails: string;
}

async function appWithKey(config: Parameters<typeof createTestApp>[0] = {}) {
  const t = createTestApp(config);
  const admin = await t.setupAdmin();
  await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hi' }, admin);
  const client = (await t.call('POST', '/api/sdk-keys', { name: 'app', kind: 'client', allowEvents: true }, admin)).json.secret as string;
  const evaluate = <T = RawJson>(body: unknown, path = '/headline', headers: Record<string, string> = {}) =>
    t.call<T>('POST', `/ofrep/v1/evaluate/flags${path}`, body, { bearer: client }, headers);
  return { t, admin, client, evaluate };
}

const attributes = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`a${i}`, i]));
const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { deeper: nested(depth - 1) });

describe('OFREP context limits', () => {
  const overLimit: [string, Record<string, unknown>][] = [
    ['too many attributes', { targetingKey: 'u1', ...attributes(CONTEXT_LIMITS.maxAttributes) }],
    ['a long attribute name', { targetingKey: 'u1', ['n'.repeat(CONTEXT_LIMITS.maxNameLength + 1)]: 1 }],
    ['a long nested attribute name', { targetingKey: 'u1', profile: { ['n'.repeat(CONTEXT_LIMITS.maxNameLength + 1)]: 1 } }],
    ['a long string value (60 KB)', { targetingKey: 'u1', note: 'x'.repeat(12_000) }],
    ['a long string in a list', { targetingKey: 'u1', tags: ['ok', 'x'.repeat(CONTEXT_LIMITS.maxStringLength + 1)] }],
    ['a long targetingKey', { targetingKey: 'k'.repeat(CONTEXT_LIMITS.maxTargetingKeyLength + 1) }],
    ['deep nesting', { targetingKey: 'u1', profile: nested(CONTEXT_LIMITS.maxDepth + 1) }],
    ['a NUL character in a value', { targetingKey: 'u1', country: 'C\u0000A' }],
    ['a NUL character in a name', { targetingKey: 'u1', ['coun\u0000try']: 'CA' }],
    ['a NUL character in the targetingKey', { targetingKey: 'u\u00001' }],
    ['a lone surrogate in the targetingKey', { targetingKey: 'u\uD800x' }],
    ['too many values in a list', { targetingKey: 'u1', tags: Array.from({ length: CONTEXT_LIMITS.maxValues }, (_, i) => i) }],
  ];
  for (const [label, context] of overLimit) {
    it(`answers 400 INVALID_CONTEXT for ${label}, and records nothing`, async () => {
      const { t, evaluate } = await appWithKey();
      for (const path of ['/headline', '']) {
        const response = await evaluate<OfrepError>({ context }, path);
        expect(response.status, path).toBe(400);
        expect(response.json, path).toMatchObject({ errorCode: 'INVALID_CONTEXT' });
        expect(response.json.errorDetails.length, path).toBeLessThan(300);
      }
      await t.app.services.knownUsers.flush();
      expect(await t.app.services.store.knownUsers.search('production', undefined, 10)).toEqual([]);
    });
  }

  it('answers a context right at every limit', async () => {
    const { evaluate } = await appWithKey();
    const context = {
      targetingKey: 'k'.repeat(CONTEXT_LIMITS.maxTargetingKeyLength),
      ...attributes(CONTEXT_LIMITS.maxAttributes - 3),
      ['n'.repeat(CONTEXT_LIMITS.maxNameLength)]: 'x'.repeat(CONTEXT_LIMITS.maxStringLength),
      profile: nested(CONTEXT_LIMITS.maxDepth),
    };
    const response = await evaluate({ context });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ key: 'headline', value: 'Hi' });
  });
});

describe('body limits in-process', () => {
  it('refuses an OFREP body over the limit on Content-Length, with Connection: close, in OFREP shape', async () => {
    const { evaluate } = await appWithKey();
    const response = await evaluate('{}', '/headline', { 'content-length': String(OFREP_MAX_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(response.json).toMatchObject({ key: 'headline', errorCode: 'GENERAL' });
  });

  it('refuses an OFREP body over the limit without a Content-Length (counted while read)', async () => {
    const { t, client } = await appWithKey();
    const body = JSON.stringify({ context: { targetingKey: 'u1', note: 'x'.repeat(OFREP_MAX_BODY_BYTES) } });
    const stream = new Blob([body]).stream();
    const response = await t.app.request('/ofrep/v1/evaluate/flags', { method: 'POST', body: stream, duplex: 'half', headers: { authorization: `Bearer ${client}` } } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errorCode: 'GENERAL' });
  });

  it('refuses an event batch over the limit, on Content-Length and while read, as problem+json', async () => {
    const { t, client } = await appWithKey();
    const declared = await t.call('POST', '/sdk/v1/events', '{}', { bearer: client }, { 'content-length': String(EVENTS_MAX_BODY_BYTES + 1) });
    expect(declared.status).toBe(413);
    expect(declared.headers.get('content-type')).toBe('application/problem+json');
    expect(declared.headers.get('connection')).toBe('close');
    const stream = new Blob([JSON.stringify({ events: [], pad: 'x'.repeat(EVENTS_MAX_BODY_BYTES) })]).stream();
    const streamed = await t.app.request('/sdk/v1/events', { method: 'POST', body: stream, duplex: 'half', headers: { authorization: `Bearer ${client}` } } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ status: 413, title: 'Payload too large' });
  });
});

describe('requested flag keys', () => {
  const requested = async (t: ReturnType<typeof createTestApp>) => (await t.app.services.store.requestedKeys.list()).map((r) => r.key);

  it('keeps only keys a parameter could have', async () => {
    const { t, evaluate } = await appWithKey();
    for (const key of ['x'.repeat(15_000), 'has space', '1starts_with_digit', '%3Cscript%3E', 'new_banner']) {
      expect((await evaluate({ context: { targetingKey: 'u1' } }, `/${key}`)).status).toBe(404);
    }
    await vi.waitFor(async () => expect(await requested(t)).toEqual(['new_banner']));
  });

  it(`keeps at most ${MAX_REQUESTED_KEYS} distinct keys, and still counts the kept ones`, async () => {
    const { t, evaluate } = await appWithKey();
    const at = new Date().toISOString();
    await t.app.services.store.requestedKeys.record(Array.from({ length: MAX_REQUESTED_KEYS }, (_, i) => ({ key: `kept_${i}`, firstSeenAt: at, lastSeenAt: at, count: 1 })));
    await evaluate({ context: { targetingKey: 'u1' } }, '/kept_7');
    await evaluate({ context: { targetingKey: 'u1' } }, '/one_too_many');
    await vi.waitFor(async () => expect((await t.app.services.store.requestedKeys.list()).find((r) => r.key === 'kept_7')?.count).toBe(2));
    const keys = await requested(t);
    expect(keys).toHaveLength(MAX_REQUESTED_KEYS);
    expect(keys).not.toContain('one_too_many');
  });
});
