import { OFREPProvider } from '@openfeature/ofrep-provider';
import { OpenFeature } from '@openfeature/server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyType, startLiveServer } from '../../test/live-server';

// The official server-side provider (@openfeature/ofrep-provider) against our running server.
let live: Awaited<ReturnType<typeof startLiveServer>>;
let serverKey: { id: string; secret: string };

beforeAll(async () => {
  live = await startLiveServer();
  for (const parameter of everyType) await live.call('POST', '/api/parameters', parameter, live.admin);
  serverKey = await live.sdkKey('server');
});
afterAll(async () => {
  await OpenFeature.close();
  await live.close();
});

function clientWith(secret: string, domain: string) {
  OpenFeature.setProvider(domain, new OFREPProvider({ baseUrl: live.baseUrl, headers: [['Authorization', `Bearer ${secret}`]] }));
  return OpenFeature.getClient(domain);
}

describe('@openfeature/ofrep-provider (server SDK)', () => {
  it('reads every parameter type', async () => {
    const client = clientWith(serverKey.secret, 'every-type');
    const context = { targetingKey: 'user-42', country: 'CA' };
    for (const parameter of everyType) {
      const expected = parameter.spec.type === 'float' ? Math.fround(parameter.defaultValue as number) : parameter.defaultValue;
      let details;
      switch (typeof parameter.defaultValue) {
        case 'string':
          details = await client.getStringDetails(parameter.key, 'fallback', context);
          break;
        case 'number':
          details = await client.getNumberDetails(parameter.key, -1, context);
          break;
        case 'boolean':
          details = await client.getBooleanDetails(parameter.key, false, context);
          break;
        default:
          details = await client.getObjectDetails(parameter.key, {}, context);
      }
      expect(details.errorCode, parameter.key).toBeUndefined();
      expect(details.value, parameter.key).toEqual(expected);
      expect(details.reason, parameter.key).toBe('STATIC');
    }
  });

  it('reports FLAG_NOT_FOUND and TYPE_MISMATCH with the default value', async () => {
    const client = clientWith(serverKey.secret, 'errors');
    const missing = await client.getBooleanDetails('does_not_exist', true, { targetingKey: 'u' });
    expect(missing).toMatchObject({ value: true, errorCode: 'FLAG_NOT_FOUND' });
    const mismatch = await client.getBooleanDetails('headline', false, { targetingKey: 'u' });
    expect(mismatch).toMatchObject({ value: false, errorCode: 'TYPE_MISMATCH' });
  });

  it('gets defaults once the key is revoked', async () => {
    const doomed = await live.sdkKey('server');
    const client = clientWith(doomed.secret, 'revoked');
    expect(await client.getStringValue('headline', 'fallback', { targetingKey: 'u' })).toBe('Summer sale');
    await live.call('DELETE', `/api/sdk-keys/${doomed.id}`, undefined, live.admin);
    const after = await client.getStringDetails('headline', 'fallback', { targetingKey: 'u' });
    expect(after.value).toBe('fallback');
    expect(after.errorCode).toBeDefined();
  });

  it('an SDK key is refused on the admin API', async () => {
    const client = await live.sdkKey('client');
    const response = await fetch(`${live.baseUrl}/api/parameters`, { headers: { authorization: `Bearer ${client.secret}` } });
    expect(response.status).toBe(401);
    const withApiKey = await fetch(`${live.baseUrl}/api/parameters`, { headers: { 'x-api-key': client.secret } });
    expect(withApiKey.status).toBe(401);
  });
});
