import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyType, startLiveServer } from '../../test/live-server';

let live: Awaited<ReturnType<typeof startLiveServer>>;
let key: string;

beforeAll(async () => {
  live = await startLiveServer();
  for (const parameter of everyType) await live.call('POST', '/api/parameters', parameter, live.admin);
  key = (await live.sdkKey('client')).secret;
});
afterAll(() => live.close());

const evaluate = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${live.baseUrl}/ofrep/v1/evaluate/flags${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('OFREP over HTTP', () => {
  it('evaluates one flag with reason STATIC and metadata', async () => {
    const response = await evaluate('/price', { context: { targetingKey: 'user-1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ key: 'price', value: 9.99, reason: 'STATIC', variant: 'default', metadata: { type: 'number', version: 1 } });
  });

  it('evaluates every flag in bulk with an ETag, and answers 304 to a matching If-None-Match', async () => {
    const first = await evaluate('', { context: { targetingKey: 'user-1' } });
    const body = await first.json();
    expect(body.flags.map((f: { key: string }) => f.key)).toEqual(everyType.map((p) => p.key).sort());
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await evaluate('', { context: { targetingKey: 'user-1' } }, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('changes the ETag when a value changes', async () => {
    const before = (await evaluate('', { context: { targetingKey: 'user-1' } })).headers.get('etag');
    const p = (await live.call('GET', '/api/parameters/headline', undefined, live.admin)).json;
    await live.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: p.version, defaultValue: 'Winter sale' }, live.admin);
    const after = await evaluate('', { context: { targetingKey: 'user-1' } }, { 'if-none-match': before! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
    expect((await after.json()).flags.find((f: { key: string }) => f.key === 'headline').value).toBe('Winter sale');
  });

  it('serves a killed flag as false with reason DISABLED', async () => {
    const p = (await live.call('GET', '/api/parameters/new_checkout', undefined, live.admin)).json;
    await live.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: p.version, killed: true }, live.admin);
    expect(await (await evaluate('/new_checkout', { context: { targetingKey: 'u' } })).json()).toMatchObject({ value: false, reason: 'DISABLED' });
  });

  it('gives the spec error shapes', async () => {
    const notFound = await evaluate('/nope', { context: { targetingKey: 'u' } });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ key: 'nope', errorCode: 'FLAG_NOT_FOUND' });
    const noKey = await evaluate('/price', { context: { country: 'CA' } });
    expect(noKey.status).toBe(400);
    expect(await noKey.json()).toMatchObject({ key: 'price', errorCode: 'TARGETING_KEY_MISSING' });
    const badContext = await evaluate('', { context: 'yes' });
    expect(badContext.status).toBe(400);
    expect(await badContext.json()).toMatchObject({ errorCode: 'INVALID_CONTEXT' });
    const malformed = await evaluate('', '{"context":');
    expect(await malformed.json()).toMatchObject({ errorCode: 'PARSE_ERROR' });
    const noAuth = await evaluate('/price', { context: { targetingKey: 'u' } }, { authorization: '' });
    expect(noAuth.status).toBe(401);
  });

  it('accepts X-API-Key and answers CORS preflights', async () => {
    const viaHeader = await evaluate('/price', { context: { targetingKey: 'u' } }, { authorization: '', 'x-api-key': key });
    expect(viaHeader.status).toBe(200);
    const preflight = await fetch(`${live.baseUrl}/ofrep/v1/evaluate/flags`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,if-none-match' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
    const actual = await evaluate('', { context: { targetingKey: 'u' } }, { origin: 'https://app.example.com' });
    expect(actual.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('etag');
  });

  it('lists keys apps asked for that do not exist', async () => {
    await evaluate('/missing_banner', { context: { targetingKey: 'u' } });
    await expect
      .poll(async () => (await live.call<{ items: { key: string }[] }>('GET', '/api/parameters/requested', undefined, live.admin)).json.items.map((i: { key: string }) => i.key), { timeout: 7000, interval: 500 })
      .toContain('nope');
  });
});
