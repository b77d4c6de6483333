import { describe, expect, it } from 'vitest';
import { audiencesApi } from '../../../shared/contract/endpoints/audiences';
import { MemoryStore } from '../../store/memory/memory-store';
import { createTestApp } from '../../test/harness';
import { behaviourWorld, cartNotBought } from '../behaviour/behaviour-fixtures';

// Every call goes through the shared endpoint descriptions: `request` fails the test when the
// status or the body is not what the description promises the dashboard.

describe('audiences endpoints keep their contract', () => {
  it('attributes, known users, one known user and the preview answer their response schemas', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const environment = 'production';
    const key = (await t.call('POST', '/api/sdk-keys', { name: 'app', kind: 'client' }, admin)).json.secret;
    for (const context of [
      { targetingKey: 'u1', country: 'CA', age: 17, appVersion: '5.3.0', signup: '2025-12-20T00:00:00Z', tags: ['vip'] },
      { targetingKey: 'u2', country: 'US', premium: true },
    ]) {
      expect((await t.call('POST', '/ofrep/v1/evaluate/flags', { context }, {}, { authorization: `Bearer ${key}` })).status).toBe(200);
    }
    await t.app.services.knownUsers.flush();

    const attributes = await t.request(audiencesApi.attributes, {}, admin);
    expect(attributes.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'age', kinds: ['number'], declared: false }),
        // Declared and not sent yet: never seen.
        expect.objectContaining({ name: 'language', declared: true, lastSeenAt: null }),
      ]),
    );

    const users = await t.request(audiencesApi.knownUsers, { query: { environment, limit: 10 } }, admin);
    expect(users.items.map((user) => user.targetingKey).sort()).toEqual(['u1', 'u2']);
    await expect(t.request(audiencesApi.knownUsers, { query: { search: 'u2' } }, admin)).resolves.toMatchObject({ items: [{ targetingKey: 'u2' }] });
    const user = await t.request(audiencesApi.knownUser, { params: { targetingKey: 'u1' }, query: { environment } }, admin);
    expect(user.attributes).toMatchObject({ country: 'CA', tags: ['vip'] });

    const segment = (await t.call('POST', '/api/segments', { name: 'Canada', definition: { kind: 'condition', condition: { country: 'CA' } } }, admin)).json;
    const rules = [{ description: 'Canada', audience: { kind: 'segment', segmentId: segment.id }, value: 'Bonjour' }];
    expect((await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello', rules }, admin)).status).toBe(201);
    const preview = await t.request(audiencesApi.preview, { query: { environment }, body: { context: { targetingKey: 'u1', country: 'CA' } } }, admin);
    expect(preview.results).toEqual([expect.objectContaining({ key: 'headline', value: 'Bonjour', reason: 'TARGETING_MATCH' })]);
    expect(preview.behaviour).toBeUndefined();
  });

  it('the preview explains behavioural rules in the shape the schema gives', async () => {
    const w = await behaviourWorld(new MemoryStore());
    await w.target('paywall', await w.segment('Cart, no purchase', cartNotBought));
    await w.send([{ user: 'u1', event: 'add_to_cart' }]);
    await w.sync();
    const preview = await w.t.request(audiencesApi.preview, { body: { context: { targetingKey: 'u1' } } }, w.admin);
    expect(preview.results).toEqual([expect.objectContaining({ key: 'paywall', value: 'offer' })]);
    expect(preview.behaviour?.map((rule) => rule.holds)).toEqual([true, true]);
  });

  it('a status other than the success status fails with the endpoint named', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    await expect(t.request(audiencesApi.knownUser, { params: { targetingKey: 'nobody' }, query: {} }, admin)).rejects.toThrow(
      /^GET \/api\/known-users\/\{targetingKey\} answered 404/,
    );
    await expect(t.request(audiencesApi.preview, { body: { context: { targetingKey: 'u1' } } }, {})).rejects.toThrow(/^POST \/api\/preview answered 401/);
  });
});
