import { afterAll, describe, expect, it } from 'vitest';
import { closeStoresUnderTest, replicaStoresUnderTest } from '../../store/sql/test-database';
import type { AuditPage } from '../../../shared/contract/audit';
import type { Parameter, ParameterVersion } from '../../../shared/contract/parameters';
import { createTestApp } from '../../test/harness';
import { runDueChangeRequests } from './publishing';

// Two replicas run the scheduler at the same moment, many times over: each scheduled change
// request is published once (one new parameter version, one audit entry). On PGlite the two
// apps share the one database, as the other replica tests do; on PostgreSQL (TEST_DATABASE_URL)
// each app has its own connection pool to the same database, so the job lock is what keeps them apart.

const ROUNDS = 12;

const databases = replicaStoresUnderTest();
afterAll(closeStoresUnderTest);

describe.each(databases)('scheduled change requests with two replicas: %s', { timeout: 180_000 }, (_name, open) => {
  it('publishes each scheduled change request once though both schedulers run at once', async () => {
    const [storeA, storeB] = await open();
    const a = createTestApp({ store: storeA });
    const b = createTestApp({ store: storeB });
    const admin = await a.setupAdmin();
    const p = (await a.call<Parameter>('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'v0' }, admin)).json;
    const stagingVersion = async () => (await a.call('GET', `/api/parameters/${p.id}?environment=staging`, undefined, admin)).json.version as number;

    for (let round = 1; round <= ROUNDS; round++) {
      const before = await stagingVersion();
      const created = (await a.call('POST', '/api/change-requests', {
        environmentId: 'staging', title: `Round ${round}`, changes: [{ parameterId: p.id, baseVersion: before, after: { defaultValue: `v${round}`, killed: false, rules: [] } }],
      }, admin)).json;
      const publishAt = a.clock.now().toISOString();
      expect((await a.call('POST', `/api/change-requests/${created.id}/schedule`, { expectedVersion: created.version, publishAt }, admin)).status).toBe(200);
      // Both replicas' clocks agree (each harness clock moves alike); the request is due on both.
      a.clock.advance(1000);
      b.clock.advance(1000);
      const [first, second] = await Promise.all([runDueChangeRequests(a.app.services), runDueChangeRequests(b.app.services)]);
      expect([...first.published, ...second.published]).toEqual([created.id]);
      expect([...first.failed, ...second.failed]).toEqual([]);
      expect(await stagingVersion()).toBe(before + 1);
    }

    const audit = (await b.call<AuditPage>('GET', '/api/audit?objectType=changeRequest&limit=200', undefined, admin)).json.items.map((e: { action: string }) => e.action);
    expect(audit.filter((action: string) => action === 'changeRequest.published')).toHaveLength(ROUNDS);
    const versions = (await b.call<{ items: ParameterVersion[] }>('GET', `/api/parameters/${p.id}/versions?environment=staging`, undefined, admin)).json.items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, i) => ROUNDS + 1 - i));
    expect(versions[0].snapshot.defaultValue).toBe(`v${ROUNDS}`);
  });
});
