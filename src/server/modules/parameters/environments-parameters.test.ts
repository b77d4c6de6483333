import { afterAll, describe, expect, it } from 'vitest';
import type { ComparisonList } from '../../../shared/contract/environments';
import type { Experiment } from '../../../shared/contract/experiments';
import type { Parameter, ParameterVersion } from '../../../shared/contract/parameters';
import type { CreatedSdkKey } from '../../../shared/contract/sdk-keys';
import { closeStoresUnderTest, storesUnderTest } from '../../store/sql/test-database';
import { createTestApp, type Caller, type RawJson, type FieldProblem, type OfrepFlag } from '../../test/harness';

// A parameter's values per environment, end to end: a change in Staging stays in Staging, each SDK
// key reads its own environment over OFREP (at once, with its own ETag), compare and copy move
// chosen fields between environments, and experiments and reach belong to one environment.

const stores = storesUnderTest();
afterAll(closeStoresUnderTest);

const frenchRule = { description: 'French', audience: { kind: 'condition', condition: { country: 'FR' } }, value: 'Bonjour' };

describe.each(stores)('parameters per environment: %s', { timeout: 120_000 }, (_name, open) => {
  async function setup() {
    const t = createTestApp({ store: await open() });
    const admin = await t.setupAdmin();
    const { json: headline } = await t.call<Parameter>('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin);
    await t.call('POST', '/api/parameters', { key: 'limit', name: 'Limit', spec: { type: 'integer', max: 100 }, defaultValue: 10 }, admin);
    const keyFor = async (environmentId: string): Promise<Caller> => {
      const created = await t.call<CreatedSdkKey>('POST', '/api/sdk-keys', { name: `${environmentId} app`, kind: 'server', environmentId }, admin);
      expect(created.json.key.environmentId).toBe(environmentId);
      return { bearer: created.json.secret };
    };
    const bulk = (key: Caller, context: Record<string, unknown> = { targetingKey: 'user-1' }, headers: Record<string, string> = {}) =>
      t.call('POST', '/ofrep/v1/evaluate/flags', { context }, key, headers);
    const value = async (key: Caller, flag: string, context: Record<string, unknown> = { targetingKey: 'user-1' }) =>
      (await t.call<OfrepFlag>('POST', `/ofrep/v1/evaluate/flags/${flag}`, { context }, key)).json;
    const inStaging = async () => (await t.call<Parameter>('GET', `/api/parameters/${headline.id}?environment=staging`, undefined, admin)).json;
    return { t, admin, headline, keyFor, bulk, value, inStaging };
  }

  it('a change in Staging leaves Production alone, and each key reads its own environment at once', async () => {
    const { t, admin, headline, keyFor, bulk, value, inStaging } = await setup();
    const staging = await keyFor('staging');
    const production = await keyFor('production');
    const before = { staging: await bulk(staging), production: await bulk(production) };
    // Same values so far: the same bytes, so the same ETag.
    expect(before.staging.headers.get('etag')).toBe(before.production.headers.get('etag'));

    const changed = await t.call('PATCH', `/api/parameters/${headline.id}?environment=staging`, { expectedVersion: (await inStaging()).version, defaultValue: 'Hi from staging' }, admin);
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ environmentId: 'staging', defaultValue: 'Hi from staging', version: 2 });
    expect((await t.call('GET', `/api/parameters/${headline.id}`, undefined, admin)).json).toMatchObject({ defaultValue: 'Hello', version: 1 });

    // Read right after the write, with both configurations compiled before it: no stale answer.
    expect(await value(staging, 'headline')).toMatchObject({ value: 'Hi from staging', reason: 'STATIC', metadata: { version: 2 } });
    expect(await value(production, 'headline')).toMatchObject({ value: 'Hello', reason: 'STATIC', metadata: { version: 1 } });
    const compare = await t.call<ComparisonList>('GET', '/api/parameters/compare?from=staging&to=production', undefined, admin);
    expect(compare.json.items.map((i: { parameter: { key: string }; differences: string[] }) => [i.parameter.key, i.differences])).toEqual([['headline', ['defaultValue']]]);

    const after = { staging: await bulk(staging), production: await bulk(production) };
    const etag = { staging: after.staging.headers.get('etag')!, production: after.production.headers.get('etag')! };
    expect(etag.staging).not.toBe(etag.production);
    // Production's flags are untouched (its body's metadata.configVersion is global, so it moves).
    expect(after.production.json.flags).toEqual(before.production.json.flags);
    expect((await bulk(staging, undefined, { 'if-none-match': etag.staging })).status).toBe(304);
    expect((await bulk(production, undefined, { 'if-none-match': etag.staging })).status).toBe(200);

    // The history is per environment too.
    const versions = async (environment: string) => (await t.call<{ items: ParameterVersion[] }>('GET', `/api/parameters/${headline.id}/versions?environment=${environment}`, undefined, admin)).json.items.map((v: { version: number }) => v.version);
    expect(await versions('staging')).toEqual([2, 1]);
    expect(await versions('production')).toEqual([1]);
  });

  it('compares two environments and copies only the chosen fields', async () => {
    const { t, admin, headline, inStaging } = await setup();
    // Production gets a French rule; Staging another default value and its own French rule.
    expect((await t.call('PATCH', `/api/parameters/${headline.id}`, { expectedVersion: 1, rules: [frenchRule] }, admin)).status).toBe(200);
    expect((await t.call('PATCH', `/api/parameters/${headline.id}?environment=staging`, { expectedVersion: 1, defaultValue: 'Hi', rules: [{ ...frenchRule, value: 'Salut' }] }, admin)).status).toBe(200);
    const compare = await t.call<ComparisonList>('GET', '/api/parameters/compare?from=staging&to=production', undefined, admin);
    expect(compare.status).toBe(200);
    expect(compare.json.from.key).toBe('staging');
    expect(compare.json.items).toEqual([expect.objectContaining({
      parameter: expect.objectContaining({ key: 'headline' }),
      from: expect.objectContaining({ defaultValue: 'Hi', rules: [expect.objectContaining({ value: 'Salut' })] }),
      to: expect.objectContaining({ defaultValue: 'Hello', rules: [expect.objectContaining({ value: 'Bonjour' })] }),
      differences: ['defaultValue', 'rules'],
    })]);
    const all = await t.call<ComparisonList>('GET', '/api/parameters/compare?from=staging&to=production&differentOnly=false', undefined, admin);
    expect(all.json.items.map((i: { parameter: { key: string }; differences: string[] }) => [i.parameter.key, i.differences])).toEqual([
      ['headline', ['defaultValue', 'rules']],
      ['limit', []],
    ]);

    // Copy the default value only: Production keeps its rules.
    const copy = <T = RawJson>(body: Record<string, unknown>) => t.call<T>('POST', `/api/parameters/${headline.id}/copy`, { from: 'staging', to: 'production', fields: ['defaultValue'], expectedVersion: 2, ...body }, admin);
    const copied = await copy({});
    expect(copied.status).toBe(200);
    expect(copied.json).toMatchObject({ environmentId: 'production', defaultValue: 'Hi', version: 3 });
    expect(copied.json.rules).toEqual([expect.objectContaining({ value: 'Bonjour' })]);
    const now = await t.call<ComparisonList>('GET', '/api/parameters/compare?from=staging&to=production', undefined, admin);
    expect(now.json.items.map((i: { differences: string[] }) => i.differences)).toEqual([['rules']]);
    expect((await inStaging())).toMatchObject({ defaultValue: 'Hi', rules: [expect.objectContaining({ value: 'Salut' })], version: 2 });

    const stale = await copy({ fields: ['rules'] });
    expect(stale.status).toBe(409);
    expect(stale.json.current).toMatchObject({ version: 3 });
    const same = await copy<FieldProblem>({ to: 'staging' });
    expect(same.status).toBe(400);
    expect(same.json.errors[0].path).toBe('to');
    expect((await copy({ fields: [] })).status).toBe(400);
    // A rule copied over compares equal to its source, though it gets an id of its own.
    const rulesCopied = await copy({ fields: ['rules'], expectedVersion: 3 });
    expect(rulesCopied.json).toMatchObject({ defaultValue: 'Hi', rules: [expect.objectContaining({ value: 'Salut' })], version: 4 });
    expect((await t.call('GET', '/api/parameters/compare?from=staging&to=production', undefined, admin)).json.items).toEqual([]);
  });

  it('refuses an unknown environment with a field error, and a type that does not fit another environment', async () => {
    const { t, admin } = await setup();
    for (const [method, path, body, field] of [
      ['GET', '/api/parameters?environment=nope', undefined, 'environment'],
      ['GET', '/api/parameters/headline?environment=nope', undefined, 'environment'],
      ['PATCH', '/api/parameters/headline?environment=nope', { expectedVersion: 1, defaultValue: 'x' }, 'environment'],
      ['GET', '/api/parameters/compare?from=nope&to=production', undefined, 'from'],
      ['POST', '/api/segments/reach?environment=nope', { definition: { kind: 'condition', condition: {} } }, 'environment'],
      ['POST', '/api/sdk-keys', { name: 'k', kind: 'client', environmentId: 'nope' }, 'environmentId'],
      ['POST', '/api/experiments', { key: 'x', name: 'X', environmentId: 'nope' }, 'environmentId'],
    ] as const) {
      const response = await t.call(method, path, body, admin);
      expect(response.status, path).toBe(400);
      expect(response.json.errors, path).toEqual([expect.objectContaining({ path: field })]);
    }
    expect((await t.call('GET', '/api/parameters/headline', undefined, admin)).json.defaultValue).toBe('Hello');

    // The type is shared: a maximum of 50 would not fit Staging's 80, so Production cannot set it.
    const { json: limit } = await t.call<Parameter>('GET', '/api/parameters/limit?environment=staging', undefined, admin);
    expect((await t.call('PATCH', `/api/parameters/${limit.id}?environment=staging`, { expectedVersion: limit.version, defaultValue: 80 }, admin)).status).toBe(200);
    const narrowed = await t.call<FieldProblem>('PATCH', `/api/parameters/${limit.id}`, { expectedVersion: 1, spec: { type: 'integer', max: 50 } }, admin);
    expect(narrowed.status).toBe(400);
    expect(narrowed.json.errors[0]).toMatchObject({ path: 'spec', message: expect.stringContaining('Staging') });
    expect((await t.call('GET', `/api/parameters/${limit.id}`, undefined, admin)).json).toMatchObject({ spec: { type: 'integer', max: 100 }, version: 1 });
    // One that fits everywhere applies to every environment.
    expect((await t.call('PATCH', `/api/parameters/${limit.id}`, { expectedVersion: 1, spec: { type: 'integer', max: 90 } }, admin)).status).toBe(200);
    expect((await t.call('GET', `/api/parameters/${limit.id}?environment=staging`, undefined, admin)).json.spec).toEqual({ type: 'integer', max: 90 });
  });

  it("an experiment runs in one environment: listed there, served only to that environment's keys", async () => {
    const { t, admin, keyFor, value } = await setup();
    const staging = await keyFor('staging');
    const production = await keyFor('production');
    const created = await t.call<Experiment>('POST', '/api/experiments', {
      key: 'greeting', name: 'Greeting', environmentId: 'staging',
      variants: [{ key: 'control', name: 'Control', weight: 50, overrides: { headline: 'Hey A' } }, { key: 'b', name: 'B', weight: 50, overrides: { headline: 'Hey B' } }],
    }, admin);
    expect(created.status).toBe(201);
    expect(created.json.environmentId).toBe('staging');
    const started = await t.call('POST', `/api/experiments/${created.json.id}/transitions`, { action: 'start', expectedVersion: created.json.version }, admin);
    expect(started.json.status).toBe('running');
    const listed = async (environment: string) => (await t.call<{ items: Experiment[] }>('GET', `/api/experiments?environment=${environment}`, undefined, admin)).json.items.map((e: { key: string }) => e.key);
    expect(await listed('staging')).toEqual(['greeting']);
    expect(await listed('production')).toEqual([]);

    for (const targetingKey of ['user-1', 'user-2', 'user-3']) {
      const inStaging = await value(staging, 'headline', { targetingKey });
      expect(inStaging).toMatchObject({ reason: 'SPLIT', metadata: { experiment: 'greeting' } });
      expect(['Hey A', 'Hey B']).toContain(inStaging.value);
      const inProduction = await value(production, 'headline', { targetingKey });
      expect(inProduction).toMatchObject({ value: 'Hello', reason: 'STATIC' });
      expect(inProduction.metadata.experiment).toBeUndefined();
    }
  });

  it('reach counts the users seen by the environment’s own keys', async () => {
    const { t, admin, keyFor, bulk } = await setup();
    const staging = await keyFor('staging');
    const production = await keyFor('production');
    for (const targetingKey of ['s-1', 's-2', 's-3']) await bulk(staging, { targetingKey, country: targetingKey === 's-3' ? 'DE' : 'FR' });
    await bulk(production, { targetingKey: 'p-1', country: 'FR' });
    await t.app.services.knownUsers.flush();
    const reach = async (environment: string) =>
      (await t.call('POST', `/api/segments/reach?environment=${environment}`, { definition: { kind: 'condition', condition: { country: 'FR' } } }, admin)).json;
    expect(await reach('staging')).toMatchObject({ matched: 2, total: 3 });
    expect(await reach('production')).toMatchObject({ matched: 1, total: 1 });
    expect(await reach('development')).toMatchObject({ matched: 0, total: 0 });
  });
});
