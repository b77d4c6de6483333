import { afterAll, describe, expect, it } from 'vitest';
import { closeStoresUnderTest, storesUnderTest } from '../../store/sql/test-database';
import type { ChangeRequest } from '../../../shared/contract/change-requests';
import type { Environment } from '../../../shared/contract/environments';
import type { Parameter, ParameterVersion } from '../../../shared/contract/parameters';
import { createTestApp, type Caller, type RawJson } from '../../test/harness';

// Change requests and the approval guard through the real app, on the memory store and PGlite
// (and PostgreSQL when TEST_DATABASE_URL is set): direct writes refused where approval is
// required, review by someone other than the author, approvals that lapse with an edit, publish
// in one go (or a 409 naming what changed since), rebase, and admins' audited bypasses.

const stores = storesUnderTest();
afterAll(closeStoresUnderTest);

const settings = (defaultValue: unknown) => ({ defaultValue, killed: false, rules: [] });
const REASON = 'Hotfix for the checkout outage';

describe.each(stores)('change requests API: %s', { timeout: 120_000 }, (_name, open) => {
  async function setup() {
    const t = createTestApp({ store: await open() });
    const admin = await t.setupAdmin();
    const a = await t.userWithRole(admin, 'editor');
    const b = await t.userWithRole(admin, 'editor');
    const p = (await t.call<Parameter>('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin)).json;
    const keys = {
      production: (await t.call('POST', '/api/sdk-keys', { name: 'prod', kind: 'server' }, admin)).json.secret as string,
      staging: (await t.call('POST', '/api/sdk-keys', { name: 'staging', kind: 'server', environmentId: 'staging' }, admin)).json.secret as string,
    };
    /** What an app with the environment's key receives now. */
    const value = async (environment: keyof typeof keys = 'production') => {
      const response = await t.call('POST', '/ofrep/v1/evaluate/flags/headline', { context: { targetingKey: 'user-1' } }, { bearer: keys[environment] });
      expect(response.status).toBe(200);
      return response.json.value;
    };
    const production = (await t.call<{ items: Environment[] }>('GET', '/api/environments', undefined, admin)).json.items.find((e: { key: string }) => e.key === 'production') as Environment;
    const approval = await t.call('PATCH', '/api/environments/production', { expectedVersion: production.version, requiresApproval: true }, admin);
    expect(approval.json.requiresApproval).toBe(true);
    const create = <T = RawJson>(caller: Caller, body: Record<string, unknown> = {}) =>
      t.call<T>('POST', '/api/change-requests', { environmentId: 'production', title: 'Warmer headline', changes: [{ parameterId: p.id, baseVersion: 1, after: settings('Hi there') }], ...body }, caller);
    /** POST /{id}/<action> at the request's current version. */
    const act = async (caller: Caller, id: string, action: string, body: Record<string, unknown> = {}) => {
      const { version } = (await t.call('GET', `/api/change-requests/${id}`, undefined, admin)).json;
      return t.call('POST', `/api/change-requests/${id}/${action}`, { expectedVersion: version, ...body }, caller);
    };
    const auditActions = async (objectType: string) => (await t.call('GET', `/api/audit?objectType=${objectType}`, undefined, admin)).json.items as { action: string; after: Record<string, unknown> }[];
    return { t, admin, a, b, p, value, create, act, auditActions, productionKey: keys.production };
  }

  it('refuses direct writes of what apps receive where approval is required; a rename passes; admins bypass with a reason', async () => {
    const { t, admin, a, p, value, auditActions } = await setup();
    const refused = await t.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: 1, defaultValue: 'Changed' }, a);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.json).toMatchObject({ rule: 'requiresApproval' });
    expect(refused.json.detail).toContain('Production');
    expect((await t.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: 1, rules: [{ audience: { kind: 'condition', condition: { country: 'FR' } }, value: 'Bonjour' }] }, admin)).json.rule).toBe('requiresApproval');
    expect(await value()).toBe('Hello');

    const renamed = await t.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: 1, name: 'Home headline' }, a);
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: 'Home headline', version: 2 });

    expect((await t.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: 2, defaultValue: 'Changed', bypassReason: REASON }, a)).status).toBe(403);
    expect(await value()).toBe('Hello');
    const bypassed = await t.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: 2, defaultValue: 'Changed', bypassReason: REASON }, admin);
    expect(bypassed.status).toBe(200);
    expect(await value()).toBe('Changed');
    expect((await auditActions('parameter')).find((e) => e.action === 'parameter.approvalBypassed')?.after).toMatchObject({ reason: REASON, environment: 'production' });

    const archive = await t.call('POST', '/api/parameters/bulk', { ids: [p.id], action: 'archive' }, a);
    expect(archive.status).toBe(409);
    expect(archive.json.rule).toBe('requiresApproval');
    expect((await t.call('GET', `/api/parameters/${p.id}`, undefined, a)).json.archivedAt).toBeNull();
    // Staging does not require approval.
    expect((await t.call('PATCH', `/api/parameters/${p.id}?environment=staging`, { expectedVersion: 1, defaultValue: 'Staged' }, a)).status).toBe(200);
  });

  it('is reviewed by someone else; an edit needs approval again; publishes once, at once', async () => {
    const { t, a, b, p, value, create, act, auditActions } = await setup();
    const created = await create<ChangeRequest>(a);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'open', revision: 1, approved: false, items: [{ parameterKey: 'headline', baseVersion: 1, before: { defaultValue: 'Hello' } }] });
    const id = created.json.id;
    expect((await act(a, id, 'reviews', { verdict: 'approve' })).status).toBe(403);
    const early = await act(a, id, 'publish');
    expect(early.status).toBe(409);
    expect(early.json.rule).toBe('requiresApproval');
    expect((await act(b, id, 'reviews', { verdict: 'approve', comment: 'Fine by me' })).json).toMatchObject({ approved: true, comments: [{ body: 'Fine by me' }] });

    const { version } = (await t.call('GET', `/api/change-requests/${id}`, undefined, a)).json;
    const edited = await t.call('PATCH', `/api/change-requests/${id}`, { expectedVersion: version, changes: [{ parameterId: p.id, baseVersion: 1, after: settings('Hi again') }] }, a);
    expect(edited.json).toMatchObject({ revision: 2, approved: false });
    expect((await act(a, id, 'publish')).status).toBe(409);
    expect((await act(b, id, 'reviews', { verdict: 'approve' })).json.approved).toBe(true);
    expect(await value()).toBe('Hello');

    const published = await act(a, id, 'publish');
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ status: 'published', bypassReason: null });
    expect(await value()).toBe('Hi again');
    expect((await t.call('GET', `/api/parameters/${p.id}`, undefined, a)).json.version).toBe(2);
    const history = (await t.call<{ items: ParameterVersion[] }>('GET', `/api/parameters/${p.id}/versions`, undefined, a)).json.items;
    expect(history[0]).toMatchObject({ version: 2, snapshot: { defaultValue: 'Hi again' } });
    expect((await act(a, id, 'publish')).status).toBe(409);
    expect((await auditActions('changeRequest')).filter((e) => e.action === 'changeRequest.published')).toHaveLength(1);
  });

  it('refuses to publish a stale draft with the conflicting versions; a rebase publishes after re-approval', async () => {
    const { t, admin, a, b, p, value, create, act } = await setup();
    const id = (await create<ChangeRequest>(a)).json.id;
    await act(b, id, 'reviews', { verdict: 'approve' });
    expect((await t.call('PATCH', `/api/parameters/${p.id}`, { expectedVersion: 1, defaultValue: 'Hotfix', bypassReason: REASON }, admin)).status).toBe(200);

    const stale = await act(a, id, 'publish');
    expect(stale.status).toBe(409);
    expect(stale.json.conflicts).toEqual([expect.objectContaining({ parameterId: p.id, parameterKey: 'headline', baseVersion: 1, currentVersion: 2 })]);
    expect(await value()).toBe('Hotfix');

    const rebased = await act(a, id, 'rebase');
    expect(rebased.json).toMatchObject({ revision: 2, approved: false, items: [{ baseVersion: 2, before: { defaultValue: 'Hotfix' }, after: { defaultValue: 'Hi there' } }] });
    expect((await act(a, id, 'publish')).status).toBe(409);
    await act(b, id, 'reviews', { verdict: 'approve' });
    expect((await act(a, id, 'publish')).status).toBe(200);
    expect(await value()).toBe('Hi there');
    expect((await t.call('GET', `/api/parameters/${p.id}`, undefined, a)).json.version).toBe(3);
  });

  it('lets only admins publish without approval, with a reason the audit log keeps', async () => {
    const { admin, a, value, create, act, auditActions } = await setup();
    const id = (await create<ChangeRequest>(a)).json.id;
    expect((await act(a, id, 'publish', { bypassReason: REASON })).status).toBe(403);
    expect((await act(admin, id, 'publish')).status).toBe(409);
    expect(await value()).toBe('Hello');
    const published = await act(admin, id, 'publish', { bypassReason: REASON });
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ status: 'published', bypassReason: REASON });
    expect(await value()).toBe('Hi there');
    const entry = (await auditActions('changeRequest')).find((e) => e.action === 'changeRequest.publishedWithoutApproval');
    expect(entry?.after).toMatchObject({ bypassReason: REASON, status: 'published' });
  });

  it('is held back by a request for changes; a retitle keeps approvals; a discarded request never publishes', async () => {
    const { t, admin, a, b, value, create, act } = await setup();
    const id = (await create<ChangeRequest>(a)).json.id;
    await act(b, id, 'reviews', { verdict: 'approve' });
    const c = await t.userWithRole(admin, 'editor');
    expect((await act(c, id, 'reviews', { verdict: 'requestChanges', comment: 'Not before the launch' })).json.approved).toBe(false);
    expect((await act(a, id, 'publish')).status).toBe(409);
    expect((await act(c, id, 'reviews', { verdict: 'approve' })).json.approved).toBe(true);

    const { version } = (await t.call('GET', `/api/change-requests/${id}`, undefined, a)).json;
    const retitled = await t.call('PATCH', `/api/change-requests/${id}`, { expectedVersion: version, title: 'Friendlier headline' }, a);
    expect(retitled.json).toMatchObject({ title: 'Friendlier headline', revision: 1, approved: true });
    expect((await t.call('PATCH', `/api/change-requests/${id}`, { expectedVersion: version, title: 'Lost' }, b)).status).toBe(409);

    expect((await act(a, id, 'discard')).json.status).toBe('discarded');
    expect((await act(a, id, 'publish')).status).toBe(409);
    expect((await act(b, id, 'reviews', { verdict: 'approve' })).status).toBe(409);
    expect(await value()).toBe('Hello');
    expect((await t.call('GET', '/api/change-requests?environment=production&status=open', undefined, a)).json.items).toEqual([]);
  });

  it('refuses bad proposals with the field at fault and changes nothing; viewers comment but never propose', async () => {
    const { t, admin, a, p, create } = await setup();
    const paths = (response: { json: { errors?: { path: string }[] } }) => (response.json.errors ?? []).map((e) => e.path);
    const unknown = await create(a, { changes: [{ parameterId: 'nope', baseVersion: 1, after: settings('x') }] });
    expect(unknown.status).toBe(400);
    expect(paths(unknown)).toEqual(['changes.0.parameterId']);
    const wrongType = await create(a, { changes: [{ parameterId: p.id, baseVersion: 1, after: settings(42) }] });
    expect(wrongType.status).toBe(400);
    expect(paths(wrongType).some((path) => path.startsWith('changes.0.after.defaultValue'))).toBe(true);
    const stale = await create(a, { changes: [{ parameterId: p.id, baseVersion: 5, after: settings('x') }] });
    expect(stale.status).toBe(409);
    expect(paths(stale)).toEqual(['changes.0.baseVersion']);
    const twice = await create(a, { changes: [{ parameterId: p.id, baseVersion: 1, after: settings('x') }, { parameterId: p.id, baseVersion: 1, after: settings('y') }] });
    expect(twice.status).toBe(400);
    const nowhere = await create(a, { environmentId: 'nowhere' });
    expect(nowhere.status).toBe(400);
    expect(paths(nowhere)).toEqual(['environmentId']);
    expect((await t.call('GET', '/api/change-requests', undefined, a)).json.items).toEqual([]);

    const viewer = await t.userWithRole(admin, 'viewer');
    expect((await create(viewer)).status).toBe(403);
    const id = (await create<ChangeRequest>(a)).json.id;
    const commented = await t.call('POST', `/api/change-requests/${id}/comments`, { body: 'Why now?' }, viewer);
    expect(commented.status).toBe(200);
    expect(commented.json.comments).toMatchObject([{ body: 'Why now?', userName: expect.stringContaining('viewer') }]);
    expect((await t.call('POST', `/api/change-requests/${id}/comments`, { body: '  ' }, viewer)).status).toBe(400);
  });

  it('publishes without reviews where approval is not required, and leaves Production alone', async () => {
    const { t, a, p, value, create, act, productionKey } = await setup();
    const productionEtag = async () => (await t.call('POST', '/ofrep/v1/evaluate/flags', { context: { targetingKey: 'user-1' } }, { bearer: productionKey })).headers.get('etag');
    const etagBefore = await productionEtag();
    expect(etagBefore).toBeTruthy();
    const created = await create<ChangeRequest>(a, { environmentId: 'staging', changes: [{ parameterId: p.id, baseVersion: 1, after: settings('Staged') }] });
    expect(created.json).toMatchObject({ environmentId: 'staging', approved: true });
    expect((await act(a, created.json.id, 'publish')).status).toBe(200);
    expect(await value('staging')).toBe('Staged');
    expect(await value('production')).toBe('Hello');
    // Production's apps see the same bytes as before: its ETag did not move.
    expect(await productionEtag()).toBe(etagBefore);
  });
});
