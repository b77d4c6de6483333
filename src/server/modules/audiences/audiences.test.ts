import { describe, expect, it } from 'vitest';
import type { Preview } from '../../../shared/contract/preview';
import type { KnownUser, Segment } from '../../../shared/contract/segments';
import { createTestApp, type FieldProblem } from '../../test/harness';

async function withUsers() {
  const t = createTestApp();
  const admin = await t.setupAdmin();
  const key = (await t.call('POST', '/api/sdk-keys', { name: 'app', kind: 'client' }, admin)).json.secret;
  await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin);
  const users = [
    { targetingKey: 'u1', country: 'CA', age: 17, appVersion: '5.3.0', signup: '2025-12-20T00:00:00Z', tags: ['vip'] },
    { targetingKey: 'u2', country: 'CA', age: 30, appVersion: '5.1.9' },
    { targetingKey: 'u3', country: 'US', appVersion: '6.0.0' },
    { targetingKey: 'u4', country: 'FR', age: 44, premium: true },
  ];
  for (const context of users) {
    const response = await t.call('POST', '/ofrep/v1/evaluate/flags', { context }, {}, { authorization: `Bearer ${key}` });
    expect(response.status).toBe(200);
  }
  await t.app.services.knownUsers.flush();
  return { t, admin, key };
}

const rule = (attribute: string, kind: string, operator: string, value?: unknown) => ({ type: 'rule', attribute, kind, operator, ...(value !== undefined && { value }) });
const reachOf = async (t: Awaited<ReturnType<typeof withUsers>>['t'], admin: object, children: object[], combinator = 'and') =>
  (await t.call('POST', '/api/segments/reach', { definition: { kind: 'rules', builder: { type: 'group', combinator, children } } }, admin)).json;

describe('known users, attributes and reach', () => {
  it('records users and attribute kinds from evaluation requests', async () => {
    const { t, admin } = await withUsers();
    const users = (await t.call<{ items: KnownUser[] }>('GET', '/api/known-users', undefined, admin)).json.items;
    expect(users.map((u: { targetingKey: string }) => u.targetingKey).sort()).toEqual(['u1', 'u2', 'u3', 'u4']);
    const attributes = (await t.call<{ items: { name: string; kinds: string[] }[] }>('GET', '/api/attributes', undefined, admin)).json.items;
    const kinds = Object.fromEntries(attributes.map((a: { name: string; kinds: string[] }) => [a.name, a.kinds]));
    expect(kinds).toMatchObject({ country: ['text'], age: ['number'], appVersion: ['version'], signup: ['date'], tags: ['list'], premium: ['boolean'] });
    expect((await t.call<KnownUser>('GET', '/api/known-users/u1', undefined, admin)).json.attributes.country).toBe('CA');
  });

  it('counts reach exactly and never matches users without the attribute', async () => {
    const { t, admin } = await withUsers();
    expect(await reachOf(t, admin, [rule('age', 'number', 'lt', 18)])).toMatchObject({ matched: 1, total: 4, exact: true, share: 0.25 });
    expect(await reachOf(t, admin, [rule('country', 'text', 'is', 'CA'), rule('appVersion', 'version', 'gte', '5.2.0')])).toMatchObject({ matched: 1 });
    expect(await reachOf(t, admin, [rule('country', 'text', 'isOneOf', ['CA', 'US'])])).toMatchObject({ matched: 3 });
    expect(await reachOf(t, admin, [rule('age', 'number', 'isNotSet')])).toMatchObject({ matched: 1 });
    expect(await reachOf(t, admin, [rule('signup', 'date', 'after', '2025-12-01')])).toMatchObject({ matched: 1 });
    expect(await reachOf(t, admin, [rule('country', 'text', 'is', 'FR'), rule('premium', 'boolean', 'isTrue')], 'or')).toMatchObject({ matched: 1 });
  });

  it('previews a user with traces, and OFREP serves the targeted value to matching users only', async () => {
    const { t, admin, key } = await withUsers();
    const segment = (await t.call<Segment>('POST', '/api/segments', { name: 'Canada', definition: { kind: 'rules', builder: { type: 'group', combinator: 'and', children: [rule('country', 'text', 'is', 'CA')] } } }, admin)).json;
    const members = (await t.call<{ items: KnownUser[] }>('GET', `/api/segments/${segment.id}/members`, undefined, admin)).json.items;
    expect(members.map((u: { targetingKey: string }) => u.targetingKey).sort()).toEqual(['u1', 'u2']);
    expect((await t.call('GET', '/api/segments/ghost/members', undefined, admin)).status).toBe(404);
    const p = (await t.call('GET', '/api/parameters/headline', undefined, admin)).json;
    const saved = await t.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: p.version, rules: [{ description: 'Canada', audience: { kind: 'segment', segmentId: segment.id }, value: 'Bonjour' }] }, admin);
    expect(saved.status).toBe(200);

    const inside = (await t.call<Preview>('POST', '/api/preview', { context: { targetingKey: 'u1', country: 'CA' } }, admin)).json.results[0];
    expect(inside).toMatchObject({ key: 'headline', value: 'Bonjour', reason: 'TARGETING_MATCH' });
    expect(inside.trace[0]).toMatchObject({ kind: 'rule', label: 'Canada', matched: true });
    const outside = (await t.call<Preview>('POST', '/api/preview', { context: { targetingKey: 'u3', country: 'US' } }, admin)).json.results[0];
    expect(outside).toMatchObject({ value: 'Hello', reason: 'DEFAULT' });
    expect(outside.trace.map((s: { matched: boolean }) => s.matched)).toEqual([false, true]);
    expect((await t.call('POST', '/api/preview', { context: { country: 'CA' } }, admin)).status).toBe(400);

    const ofrep = async (context: object) => (await t.call('POST', '/ofrep/v1/evaluate/flags/headline', { context }, {}, { authorization: `Bearer ${key}` })).json;
    expect(await ofrep({ targetingKey: 'u1', country: 'CA' })).toMatchObject({ value: 'Bonjour', reason: 'TARGETING_MATCH' });
    expect(await ofrep({ targetingKey: 'u3', country: 'US' })).toMatchObject({ value: 'Hello', reason: 'DEFAULT' });
  });

  it('rolls a rule out to a sticky share of its audience with reason SPLIT', async () => {
    const { t, admin, key } = await withUsers();
    const p = (await t.call('GET', '/api/parameters/headline', undefined, admin)).json;
    await t.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: p.version, rules: [{ audience: { kind: 'everyone' }, value: 'New', rollout: 30 }] }, admin);
    const values: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const result = (await t.call<{ value: string; reason: string }>('POST', '/ofrep/v1/evaluate/flags/headline', { context: { targetingKey: `user-${i}` } }, {}, { authorization: `Bearer ${key}` })).json;
      values.push(result.value);
      if (result.value === 'New') expect(result.reason).toBe('SPLIT');
    }
    const share = values.filter((v) => v === 'New').length / values.length;
    // The rule's seed is random, so the share is too: 0.30 ± 0.045 is 4.4 standard deviations at
    // 2,000 users (about 1 run in 100,000 misses), while a 25% or 35% rollout would fail it often.
    expect(share).toBeGreaterThan(0.255);
    expect(share).toBeLessThan(0.345);
    const again = (await t.call('POST', '/ofrep/v1/evaluate/flags/headline', { context: { targetingKey: 'user-7' } }, {}, { authorization: `Bearer ${key}` })).json.value;
    expect(again).toBe(values[7]);
  });

  it('refuses a rule aimed at an unknown segment or with a value of the wrong type', async () => {
    const { t, admin } = await withUsers();
    const p = (await t.call('GET', '/api/parameters/headline', undefined, admin)).json;
    const response = await t.call<FieldProblem>('PATCH', `/api/parameters/${p.id}`, { expectedVersion: p.version, rules: [{ audience: { kind: 'segment', segmentId: 'ghost' }, value: 42 }] }, admin);
    expect(response.status).toBe(400);
    expect(response.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['rules.0.audience.segmentId', 'rules.0.value']);
  });
});
