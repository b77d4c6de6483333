import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/harness';

// The bulk body's configVersion is the environment's own: a change in Staging must not make
// every Production app download its unchanged values again.
describe('bulk ETags per environment', () => {
  it('keeps Production’s bytes and ETag when only Staging changes, and moves them when Production changes', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const created = (await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin)).json;
    const production = (await t.call('POST', '/api/sdk-keys', { name: 'p', kind: 'client' }, admin)).json.secret;
    const bulk = async () => {
      const response = await t.call('POST', '/ofrep/v1/evaluate/flags', { context: { targetingKey: 'u1' } }, {}, { authorization: `Bearer ${production}` });
      return { etag: response.headers.get('etag'), body: JSON.stringify(response.json) };
    };
    const before = await bulk();

    const staging = (await t.call('GET', `/api/parameters/${created.id}?environment=staging`, undefined, admin)).json;
    expect((await t.call('PATCH', `/api/parameters/${created.id}?environment=staging`, { expectedVersion: staging.version, defaultValue: 'Staging only' }, admin)).status).toBe(200);
    expect(await bulk()).toEqual(before);

    expect((await t.call('PATCH', `/api/parameters/${created.id}`, { expectedVersion: created.version, defaultValue: 'Hi' }, admin)).status).toBe(200);
    const after = await bulk();
    expect(after.etag).not.toBe(before.etag);
    expect(after.body).toContain('"Hi"');
  });
});
