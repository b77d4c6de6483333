import { afterAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/contract/audit';
import type { Environment } from '../../../shared/contract/environments';
import type { CreatedSdkKey } from '../../../shared/contract/sdk-keys';
import { closeStoresUnderTest, storesUnderTest } from '../../store/sql/test-database';
import { createTestApp, type Caller, type FieldProblem } from '../../test/harness';

// The environments API through the real app, on the memory store and on PGlite (and PostgreSQL
// when TEST_DATABASE_URL is set): who may list and change environments, what a new one holds,
// optimistic versions, what archiving refuses, and the audit trail.

const stores = storesUnderTest();
afterAll(closeStoresUnderTest);


const headline = { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' };

describe.each(stores)('environments API: %s', { timeout: 120_000 }, (_name, open) => {
  async function setup() {
    const t = createTestApp({ store: await open() });
    const admin = await t.setupAdmin();
    return { t, admin };
  }
  const environments = async (t: ReturnType<typeof createTestApp>, caller: Caller) => (await t.call('GET', '/api/environments', undefined, caller)).json.items as { id: string; key: string; version: number; archivedAt: string | null }[];

  it('lists for any role; only admins create; bad and taken keys are refused', async () => {
    const { t, admin } = await setup();
    const viewer = await t.userWithRole(admin, 'viewer');
    const editor = await t.userWithRole(admin, 'editor');
    expect((await environments(t, viewer)).map((e) => e.key)).toEqual(['production', 'staging', 'development']);
    expect((await t.call('GET', '/api/environments')).status).toBe(401);

    expect((await t.call('POST', '/api/environments', { key: 'qa', name: 'QA' }, editor)).status).toBe(403);
    const bad = await t.call<FieldProblem>('POST', '/api/environments', { key: 'Bad Key', name: '' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['key', 'name']);
    const taken = await t.call('POST', '/api/environments', { key: 'staging', name: 'Another staging' }, admin);
    expect(taken.status).toBe(409);
    expect(taken.json.errors).toEqual([expect.objectContaining({ path: 'key' })]);
    expect(await environments(t, admin)).toHaveLength(3);

    const created = await t.call('POST', '/api/environments', { key: 'qa', name: 'QA', color: '#00aa00' }, admin);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ key: 'qa', name: 'QA', color: '#00aa00', position: 3, archivedAt: null, version: 1 });
    expect((await environments(t, viewer)).map((e) => e.key)).toEqual(['production', 'staging', 'development', 'qa']);
  });

  it("a new environment holds every parameter with Production's values", async () => {
    const { t, admin } = await setup();
    const { json: p } = await t.call('POST', '/api/parameters', { ...headline, rules: [{ audience: { kind: 'condition', condition: { country: 'FR' } }, value: 'Bonjour' }] }, admin);
    expect((await t.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: 1, defaultValue: 'Hi' }, admin)).status).toBe(200);
    const { json: flag } = await t.call('POST', '/api/parameters', { key: 'promo', name: 'Promo', spec: { type: 'boolean' }, defaultValue: true }, admin);
    expect((await t.call('PATCH', `/api/parameters/${flag.id}`, { expectedVersion: 1, killed: true }, admin)).status).toBe(200);
    const { json: qa } = await t.call('POST', '/api/environments', { key: 'qa', name: 'QA' }, admin);
    const production = (await t.call('GET', `/api/parameters/${p.id}`, undefined, admin)).json;
    const copy = await t.call('GET', `/api/parameters/${p.id}?environment=qa`, undefined, admin);
    expect(copy.status).toBe(200);
    expect(copy.json).toMatchObject({ defaultValue: 'Hi', killed: false, rules: production.rules, version: 1 });
    expect((await t.call('GET', `/api/parameters/promo?environment=qa`, undefined, admin)).json).toMatchObject({ killed: true, version: 1 });
    // By id as well as by key.
    expect((await t.call('GET', `/api/parameters/${p.id}?environment=${qa.id}`, undefined, admin)).json.defaultValue).toBe('Hi');
  });

  it('renames and recolours against expectedVersion (409 when stale); refuses unknown fields', async () => {
    const { t, admin } = await setup();
    const staging = (await environments(t, admin)).find((e) => e.key === 'staging')!;
    const renamed = await t.call('PATCH', `/api/environments/${staging.id}`, { expectedVersion: staging.version, name: 'Pre-production', color: '#123abc' }, admin);
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ key: 'staging', name: 'Pre-production', color: '#123abc', version: staging.version + 1 });
    const stale = await t.call('PATCH', `/api/environments/${staging.id}`, { expectedVersion: staging.version, name: 'Lost' }, admin);
    expect(stale.status).toBe(409);
    expect(stale.json.current).toMatchObject({ name: 'Pre-production' });
    expect((await t.call('PATCH', `/api/environments/${staging.id}`, { expectedVersion: 2, key: 'other' }, admin)).status).toBe(400);
    expect((await t.call<FieldProblem>('PATCH', `/api/environments/${staging.id}`, { expectedVersion: 2, color: 'red' }, admin)).json.errors[0].path).toBe('color');
    expect((await t.call('PATCH', '/api/environments/nope', { expectedVersion: 1, name: 'X' }, admin)).status).toBe(404);
    const editor = await t.userWithRole(admin, 'editor');
    expect((await t.call('PATCH', `/api/environments/${staging.id}`, { expectedVersion: 2, name: 'X' }, editor)).status).toBe(403);
  });

  it('refuses to archive Production, or an environment with an active SDK key or a live experiment', async () => {
    const { t, admin } = await setup();
    const byKey = async (key: string) => (await environments(t, admin)).find((e) => e.key === key)!;
    const archive = async (key: string) => {
      const environment = await byKey(key);
      return t.call('PATCH', `/api/environments/${environment.id}`, { expectedVersion: environment.version, archived: true }, admin);
    };
    const production = await archive('production');
    expect(production.status).toBe(409);
    expect(production.json.detail).toMatch(/Production cannot be archived/);

    const key = await t.call<CreatedSdkKey>('POST', '/api/sdk-keys', { name: 'staging app', kind: 'client', environmentId: 'staging' }, admin);
    const withKey = await archive('staging');
    expect(withKey.status).toBe(409);
    expect(withKey.json.detail).toMatch(/still has 1 active SDK key: revoke it first/);
    await t.call('DELETE', `/api/sdk-keys/${key.json.key.id}`, undefined, admin);

    await t.call('POST', '/api/parameters?environment=staging', headline, admin);
    const experiment = await t.call('POST', '/api/experiments', {
      key: 'greeting', name: 'Greeting', environmentId: 'staging',
      variants: [{ key: 'control', name: 'Control', weight: 50, overrides: {} }, { key: 'b', name: 'B', weight: 50, overrides: { headline: 'Hey' } }],
    }, admin);
    expect(experiment.status).toBe(201);
    const started = await t.call('POST', `/api/experiments/${experiment.json.id}/transitions`, { action: 'start', expectedVersion: experiment.json.version }, admin);
    expect(started.json.status).toBe('running');
    const withExperiment = await archive('staging');
    expect(withExperiment.status).toBe(409);
    expect(withExperiment.json.detail).toMatch(/"Greeting" is running in Staging: complete it first/);
    expect((await byKey('staging')).archivedAt).toBeNull();

    await t.call('POST', `/api/experiments/${experiment.json.id}/transitions`, { action: 'complete', expectedVersion: started.json.version }, admin);
    const archived = await archive('staging');
    expect(archived.status).toBe(200);
    expect(archived.json.archivedAt).not.toBeNull();

    // An archived environment takes no changes, and no new keys.
    const { json: p } = await t.call('GET', '/api/parameters/headline?environment=staging', undefined, admin);
    const write = await t.call('PATCH', `/api/parameters/${p.id}?environment=staging`, { expectedVersion: p.version, defaultValue: 'Nope' }, admin);
    expect(write.status).toBe(409);
    expect(write.json.detail).toMatch(/archived/);
    expect((await t.call('GET', `/api/parameters/${p.id}?environment=staging`, undefined, admin)).json.defaultValue).toBe('Hello');
    expect((await t.call('POST', '/api/sdk-keys', { name: 'late', kind: 'client', environmentId: 'staging' }, admin)).status).toBe(409);

    // Unarchiving brings it back.
    const back = await t.call('PATCH', `/api/environments/${archived.json.id}`, { expectedVersion: archived.json.version, archived: false }, admin);
    expect(back.json.archivedAt).toBeNull();
    expect((await t.call('PATCH', `/api/parameters/${p.id}?environment=staging`, { expectedVersion: p.version, defaultValue: 'Yes' }, admin)).status).toBe(200);
  });

  it('reorders when given every active environment once, and records each change in the audit log', async () => {
    const { t, admin } = await setup();
    const [production, staging, development] = await environments(t, admin);
    for (const ids of [[staging.id, production.id], [production.id, staging.id, staging.id], [production.id, staging.id, development.id, 'nope'], []]) {
      const refused = await t.call('PUT', '/api/environments/order', { ids }, admin);
      expect(refused.status, JSON.stringify(ids)).toBe(400);
    }
    const reordered = await t.call<{ items: Environment[] }>('PUT', '/api/environments/order', { ids: [development.id, production.id, staging.id] }, admin);
    expect(reordered.status).toBe(200);
    expect(reordered.json.items.map((e: { key: string }) => e.key)).toEqual(['development', 'production', 'staging']);
    expect((await environments(t, admin)).map((e) => e.key)).toEqual(['development', 'production', 'staging']);

    const { json: qa } = await t.call('POST', '/api/environments', { key: 'qa', name: 'QA' }, admin);
    const renamed = await t.call('PATCH', `/api/environments/${qa.id}`, { expectedVersion: 1, name: 'Quality' }, admin);
    await t.call('PATCH', `/api/environments/${qa.id}`, { expectedVersion: renamed.json.version, archived: true }, admin);
    // Archived environments stay out of the order a reorder names.
    expect((await t.call('PUT', '/api/environments/order', { ids: [production.id, staging.id, development.id] }, admin)).status).toBe(200);

    const audit = await t.call<AuditPage>('GET', '/api/audit?objectType=environment', undefined, admin);
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual([
      'environment.reordered', 'environment.archived', 'environment.updated', 'environment.created', 'environment.reordered',
    ]);
    expect(audit.json.items[2]).toMatchObject({ objectId: qa.id, before: expect.objectContaining({ name: 'QA' }), after: expect.objectContaining({ name: 'Quality' }) });
    expect(audit.json.items[4]).toMatchObject({ before: ['production', 'staging', 'development'], after: ['development', 'production', 'staging'] });
  });
});
