// @vitest-environment jsdom
import { OFREPWebProvider } from '@openfeature/ofrep-web-provider';
import { OpenFeature } from '@openfeature/web-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyType, startLiveServer } from '../../test/live-server';

// The official browser/mobile provider (@openfeature/ofrep-web-provider) against our running
// server: bulk evaluation, the ETag/304 round trip and a changed value reaching the app.
let live: Awaited<ReturnType<typeof startLiveServer>>;
let clientKey: string;
const requests: { status: number; ifNoneMatch: string | null }[] = [];

// Records what went over the wire, then uses Node's real fetch (no mocks in between).
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const response = await fetch(request);
  requests.push({ status: response.status, ifNoneMatch: request.headers.get('if-none-match') });
  return response;
};

beforeAll(async () => {
  live = await startLiveServer();
  for (const parameter of everyType) await live.call('POST', '/api/parameters', parameter, live.admin);
  clientKey = (await live.sdkKey('client')).secret;
  await OpenFeature.setContext({ targetingKey: 'device-7', platform: 'web' });
  await OpenFeature.setProviderAndWait(
    new OFREPWebProvider({
      baseUrl: live.baseUrl,
      headers: [['Authorization', `Bearer ${clientKey}`]],
      fetchImplementation: recordingFetch,
      cacheMode: 'disabled',
      changeDetection: 'none',
    }),
  );
});
afterAll(async () => {
  await OpenFeature.close();
  await live.close();
});

describe('@openfeature/ofrep-web-provider (web SDK)', () => {
  it('reads every parameter type', () => {
    const client = OpenFeature.getClient();
    for (const parameter of everyType) {
      const expected = parameter.spec.type === 'float' ? Math.fround(parameter.defaultValue as number) : parameter.defaultValue;
      const value =
        typeof parameter.defaultValue === 'string'
          ? client.getStringValue(parameter.key, 'fallback')
          : typeof parameter.defaultValue === 'number'
            ? client.getNumberValue(parameter.key, -1)
            : typeof parameter.defaultValue === 'boolean'
              ? client.getBooleanValue(parameter.key, false)
              : client.getObjectValue(parameter.key, {});
      expect(value, parameter.key).toEqual(expected);
    }
    expect(client.getBooleanDetails('missing_flag', true).errorCode).toBe('FLAG_NOT_FOUND');
  });

  it('gets 304 when nothing changed and the new value after a change', async () => {
    const client = OpenFeature.getClient();
    // Same targetingKey, other attributes: the provider re-sends its ETag (docs/ofrep.md trap).
    await OpenFeature.setContext({ targetingKey: 'device-7', platform: 'web', visit: 2 });
    expect(requests.at(-1)).toMatchObject({ status: 304 });
    expect(requests.at(-1)?.ifNoneMatch).toMatch(/^".+"$/);

    const p = (await live.call('GET', '/api/parameters/button_colour', undefined, live.admin)).json;
    await live.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: p.version, defaultValue: '#00AA00' }, live.admin);
    await OpenFeature.setContext({ targetingKey: 'device-7', platform: 'web', visit: 3 });
    expect(requests.at(-1)).toMatchObject({ status: 200 });
    expect(client.getStringValue('button_colour', 'fallback')).toBe('#00AA00');
  });
});

describe('@openfeature/ofrep-web-provider with targeting', () => {
  it('receives the targeted value for the matching user only, with reason TARGETING_MATCH', async () => {
    const segment = await live.call(
      'POST',
      '/api/segments',
      { name: 'Canada', definition: { kind: 'rules', builder: { type: 'group', combinator: 'and', children: [{ type: 'rule', attribute: 'country', kind: 'text', operator: 'is', value: 'CA' }] } } },
      live.admin,
    );
    const p = (await live.call('GET', '/api/parameters/headline', undefined, live.admin)).json;
    const saved = await live.call(
      'PATCH',
      `/api/parameters/${p.id}`,
      { expectedVersion: p.version, rules: [{ description: 'Canada', audience: { kind: 'segment', segmentId: segment.json.id }, value: 'Soldes d’été' }] },
      live.admin,
    );
    expect(saved.status).toBe(200);
    const client = OpenFeature.getClient();

    await OpenFeature.setContext({ targetingKey: 'device-ca', country: 'CA' });
    expect(client.getStringDetails('headline', 'fallback')).toMatchObject({ value: 'Soldes d’été', reason: 'TARGETING_MATCH' });

    await OpenFeature.setContext({ targetingKey: 'device-us', country: 'US' });
    expect(client.getStringDetails('headline', 'fallback')).toMatchObject({ value: 'Summer sale', reason: 'DEFAULT' });

    // Same targetingKey, changed attributes: the provider re-sends its ETag; the body changed, so 200 with the new value.
    await OpenFeature.setContext({ targetingKey: 'device-us', country: 'CA' });
    expect(requests.at(-1)).toMatchObject({ status: 200 });
    expect(client.getStringValue('headline', 'fallback')).toBe('Soldes d’été');
  });
});
