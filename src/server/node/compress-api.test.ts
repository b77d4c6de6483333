import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/harness';
import { compressApi } from './compress-api';

describe('compressApi', () => {
  const t = createTestApp({ apiCompression: compressApi() });

  it('gzips a large JSON answer for a client that accepts it, and the body decodes to the same JSON', async () => {
    const plain = await t.call('GET', '/api/openapi.json');
    const zipped = await t.call('GET', '/api/openapi.json', undefined, {}, { 'accept-encoding': 'gzip, deflate, br' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const body = Buffer.from(await (await t.app.request('/api/openapi.json', { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer());
    expect(body.length).toBeLessThan(JSON.stringify(plain.json).length / 4);
    expect(JSON.parse(gunzipSync(body).toString())).toEqual(plain.json);
  });

  it('leaves small answers and the apps\u2019 OFREP endpoint plain', async () => {
    const small = await t.app.request('/api/health', { headers: { 'accept-encoding': 'gzip' } });
    expect(small.status).toBe(200);
    expect(small.headers.get('content-encoding')).toBeNull();
    const ofrep = await t.app.request('/ofrep/v1/evaluate/flags', { method: 'POST', headers: { 'accept-encoding': 'gzip', 'content-type': 'application/json' }, body: '{}' });
    expect(ofrep.headers.get('content-encoding')).toBeNull();
  });
});
