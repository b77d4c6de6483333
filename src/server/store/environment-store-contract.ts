import { expect, it } from 'vitest';
import type { Environment } from '../../shared/contract/environments';
import type { Experiment } from '../../shared/contract/experiments';
import type { Parameter } from '../../shared/contract/parameters';
import { UniqueViolation } from '../lib/errors';
import type { ParameterVersionRecord, Store } from './types';

// Environments and what lives in them: part of the store contract (memory, PGlite, PostgreSQL).
// Every fresh store starts with Production, Staging and Development, as migration 10 creates them.

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

function parameter(overrides: Partial<Parameter> = {}): Parameter {
  return {
    id: 'p1', environmentId: 'production', key: 'headline', name: 'Headline', description: '', tags: ['home'], spec: { type: 'string' },
    defaultValue: 'Hello', killed: false, rules: [], archivedAt: null, version: 1, createdAt: at(0), updatedAt: at(0), updatedBy: 'Ada',
    ...overrides,
  };
}

const created = (p: Parameter): ParameterVersionRecord => ({
  parameterId: p.id, version: p.version, action: 'created', snapshot: p, changes: [], restoredFrom: null, authorId: null, authorName: 'Ada', createdAt: p.updatedAt,
});

function environment(overrides: Partial<Environment> = {}): Environment {
  return { id: 'qa', key: 'qa', name: 'QA', color: '#475467', position: 3, requiresApproval: false, archivedAt: null, version: 1, createdAt: at(0), updatedAt: at(0), ...overrides };
}

/** A parameter defined once with settings in Production and Staging, as createParameter stores it. */
async function inTwoEnvironments(store: Store) {
  const production = parameter();
  const staging = parameter({ environmentId: 'staging', defaultValue: 'Hi from staging', killed: true });
  await store.parameters.insert(production);
  await store.parameters.insertSettings(staging);
  return { production, staging };
}

export function environmentStoreContract(current: () => Store) {
  it('lists the seeded environments by position, refuses a taken key, compares-and-sets and reorders', async () => {
    const store = current();
    const keys = async () => (await store.environments.list()).map((e) => e.key);
    expect(await keys()).toEqual(['production', 'staging', 'development']);
    expect((await store.environments.list()).map((e) => e.position)).toEqual([0, 1, 2]);

    const qa = environment();
    await store.environments.insert(qa);
    await expect(store.environments.insert(environment({ id: 'other', key: 'qa' }))).rejects.toEqual(new UniqueViolation('key'));
    expect(await store.environments.getById('qa')).toEqual(qa);
    expect(await store.environments.getByKey('qa')).toEqual(qa);
    expect(await store.environments.getByKey('missing')).toBeNull();
    expect(await keys()).toEqual(['production', 'staging', 'development', 'qa']);

    const renamed = { ...qa, name: 'Quality', color: '#000000', requiresApproval: true, archivedAt: at(2), updatedAt: at(2) };
    expect(await store.environments.update(renamed, 1)).toEqual({ ...renamed, version: 2 });
    expect(await store.environments.update({ ...qa, name: 'Stale' }, 1)).toBeNull();
    expect(await store.environments.getById('qa')).toEqual({ ...renamed, version: 2 });

    await store.environments.reorder(['qa', 'development', 'production', 'staging']);
    expect(await keys()).toEqual(['qa', 'development', 'production', 'staging']);
    expect((await store.environments.list()).map((e) => e.position)).toEqual([0, 1, 2, 3]);
  });

  it('keeps settings per environment while the definition is shared', async () => {
    const store = current();
    const { production, staging } = await inTwoEnvironments(store);
    expect(await store.parameters.getById('p1', 'production')).toEqual(production);
    expect(await store.parameters.getById('p1', 'staging')).toEqual(staging);
    expect(await store.parameters.getByKey('headline', 'staging')).toEqual(staging);
    expect(await store.parameters.getById('p1', 'development')).toBeNull();
    expect((await store.parameters.listActive('staging')).map((p) => p.defaultValue)).toEqual(['Hi from staging']);
    expect((await store.parameters.listActive('development'))).toEqual([]);
    const query = { sort: 'key' as const, archived: false, offset: 0, limit: 10 };
    expect(await store.parameters.list({ ...query, environmentId: 'staging' })).toEqual({ items: [staging], total: 1 });
    expect(await store.parameters.list({ ...query, environmentId: 'development' })).toEqual({ items: [], total: 0 });

    // A rename made in Staging shows in Production too; Production's values stay its own.
    const renamed = { ...staging, name: 'Main headline', tags: ['home', 'sale'], updatedAt: at(5), updatedBy: 'Bob' };
    expect(await store.parameters.update(renamed, 1)).toEqual({ ...renamed, version: 2 });
    expect(await store.parameters.getById('p1', 'production')).toEqual({ ...production, name: 'Main headline', tags: ['home', 'sale'], updatedAt: at(5), updatedBy: 'Bob' });
    expect(await store.parameters.tags()).toEqual(['home', 'sale']);

    // Archiving is a definition change: the parameter leaves every environment's active list.
    const archived = await store.parameters.update({ ...production, name: 'Main headline', tags: ['home', 'sale'], archivedAt: at(6), updatedAt: at(6) }, 1);
    expect(archived?.archivedAt).toBe(at(6));
    expect(await store.parameters.listActive('staging')).toEqual([]);
    expect((await store.parameters.list({ ...query, environmentId: 'staging', archived: true })).items.map((p) => [p.defaultValue, p.version])).toEqual([['Hi from staging', 2]]);
  });

  it('compares-and-sets each environment on its own version', async () => {
    const store = current();
    const { production, staging } = await inTwoEnvironments(store);
    const stagingEdit = { ...staging, defaultValue: 'Staging v2', updatedAt: at(1) };
    expect(await store.parameters.update(stagingEdit, 1)).toEqual({ ...stagingEdit, version: 2 });
    // Staging is at version 2 now: a stale save there fails, while Production's version 1 still saves.
    expect(await store.parameters.update({ ...staging, defaultValue: 'Lost' }, 1)).toBeNull();
    const productionEdit = { ...production, killed: true, updatedAt: at(2) };
    expect(await store.parameters.update(productionEdit, 1)).toEqual({ ...productionEdit, version: 2 });
    expect((await store.parameters.getById('p1', 'staging'))?.defaultValue).toBe('Staging v2');
    // Settings in an environment the parameter has none in are not created by an update.
    expect(await store.parameters.update({ ...production, environmentId: 'development' }, 1)).toBeNull();
    expect(await store.parameters.getById('p1', 'development')).toBeNull();
  });

  it('lists and finds versions per environment', async () => {
    const store = current();
    const { production, staging } = await inTwoEnvironments(store);
    const productionV2 = { ...production, version: 2, defaultValue: 'Hello again', updatedAt: at(1) };
    const versions = [created(production), created(staging), { ...created(productionV2), action: 'updated' as const, changes: [{ path: 'defaultValue', before: 'Hello', after: 'Hello again' }] }];
    for (const version of versions) await store.parameters.insertVersion(version);
    const withoutId = ({ parameterId: _id, ...version }: ParameterVersionRecord) => version;
    expect(await store.parameters.listVersions('p1', 'production')).toEqual([withoutId(versions[2]), withoutId(versions[0])]);
    expect(await store.parameters.listVersions('p1', 'staging')).toEqual([withoutId(versions[1])]);
    expect(await store.parameters.listVersions('p1', 'development')).toEqual([]);
    expect((await store.parameters.getVersion('p1', 'staging', 1))?.snapshot).toEqual(staging);
    expect(await store.parameters.getVersion('p1', 'staging', 2)).toBeNull();
  });

  it("copies every parameter's settings into a new environment at version 1, with a history entry", async () => {
    const store = current();
    const { production } = await inTwoEnvironments(store);
    const rule = { id: 'r1', description: '', audience: { kind: 'everyone' as const }, value: 'Targeted', rollout: 50, enabled: true };
    const productionV2 = { ...production, defaultValue: 'Production value', killed: true, rules: [rule], updatedAt: at(3) };
    await store.parameters.update(productionV2, 1);
    const other = parameter({ id: 'p2', key: 'price', name: 'Price', tags: [], spec: { type: 'number' }, defaultValue: 9.99, archivedAt: at(1) });
    await store.parameters.insert(other);
    await store.environments.insert(environment());

    await store.parameters.copyEnvironment('production', 'qa', at(10), 'Copied from Production');
    const expected = { ...productionV2, environmentId: 'qa', version: 1, updatedAt: at(10), updatedBy: 'Copied from Production' };
    expect(await store.parameters.getById('p1', 'qa')).toEqual(expected);
    expect(await store.parameters.getById('p2', 'qa')).toEqual({ ...other, environmentId: 'qa', updatedAt: at(10), updatedBy: 'Copied from Production' });
    expect(await store.parameters.listVersions('p1', 'qa')).toEqual([
      { version: 1, action: 'created', snapshot: expected, changes: [], restoredFrom: null, authorId: null, authorName: 'Copied from Production', createdAt: at(10) },
    ]);
    expect((await store.parameters.listVersions('p2', 'qa')).map((v) => v.snapshot.defaultValue)).toEqual([9.99]);
    // The source keeps its own settings and history.
    expect((await store.parameters.getById('p1', 'production'))?.version).toBe(2);
    expect((await store.parameters.getById('p1', 'staging'))?.defaultValue).toBe('Hi from staging');
  });

  it('keeps known users with the same targetingKey apart per environment', async () => {
    const store = current();
    await store.knownUsers.upsert('production', [{ targetingKey: 'u1', attributes: { plan: 'pro' }, lastSeenAt: at(1) }]);
    await store.knownUsers.upsert('staging', [{ targetingKey: 'u1', attributes: { plan: 'free' }, lastSeenAt: at(5) }, { targetingKey: 'u2', attributes: {}, lastSeenAt: at(6) }]);
    expect(await store.knownUsers.get('production', 'u1')).toEqual({ targetingKey: 'u1', attributes: { plan: 'pro' }, lastSeenAt: at(1) });
    expect(await store.knownUsers.get('staging', 'u1')).toEqual({ targetingKey: 'u1', attributes: { plan: 'free' }, lastSeenAt: at(5) });
    expect(await store.knownUsers.get('production', 'u2')).toBeNull();
    expect(await store.knownUsers.get('development', 'u1')).toBeNull();
    expect((await store.knownUsers.search('production', undefined, 10)).map((u) => u.targetingKey)).toEqual(['u1']);
    expect((await store.knownUsers.search('staging', 'u', 10)).map((u) => u.targetingKey)).toEqual(['u2', 'u1']);
    expect(await store.knownUsers.sample('production', at(0), 10)).toEqual({ total: 1, users: [{ targetingKey: 'u1', attributes: { plan: 'pro' }, lastSeenAt: at(1) }] });
    expect((await store.knownUsers.sample('staging', at(2), 10)).total).toBe(2);
    expect((await store.knownUsers.sample('development', at(0), 10)).total).toBe(0);
  });

  it('lists experiments of one environment when asked', async () => {
    const store = current();
    const experiment = (id: string, environmentId: string, minute: number): Experiment => ({
      id, environmentId, key: id, name: id, hypothesis: '', owner: '', tags: [], status: 'running', audience: { kind: 'everyone' }, stickyMembership: true,
      allocation: 100, seed: 'seed', variants: [{ key: 'control', name: 'Control', weight: 100, overrides: {} }], metrics: { primary: null, secondary: [], guardrails: [] },
      startAt: null, endAt: null, layer: null, layerRange: null, testUsers: [], startedAt: at(minute), endedAt: null, promotion: null,
      version: 1, createdAt: at(minute), updatedAt: at(minute), updatedBy: null,
    });
    await store.experiments.insert(experiment('in-production', 'production', 1));
    await store.experiments.insert(experiment('in-staging', 'staging', 2));
    await store.experiments.insert({ ...experiment('staging-draft', 'staging', 3), status: 'draft' });
    const keys = (list: Experiment[]) => list.map((e) => e.key);
    expect(keys(await store.experiments.list())).toEqual(['staging-draft', 'in-staging', 'in-production']);
    expect(keys(await store.experiments.list(undefined, 'staging'))).toEqual(['staging-draft', 'in-staging']);
    expect(keys(await store.experiments.list(['running'], 'staging'))).toEqual(['in-staging']);
    expect(keys(await store.experiments.list(['running'], 'production'))).toEqual(['in-production']);
    expect(await store.experiments.list(undefined, 'development')).toEqual([]);
  });
}
