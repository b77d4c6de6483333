import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/contract/audit';
import type { Experiment } from '../../../shared/contract/experiments';
import type { Metric } from '../../../shared/contract/metrics';
import { createTestApp } from '../../test/harness';

const shoes = {
  key: 'shoe_purchases',
  name: 'Purchases of shoes',
  kind: 'conversion',
  event: 'purchase',
  filters: [{ property: 'category', operator: 'equals', value: 'shoes' }],
  windowHours: 7 * 24,
};
const revenuePerOrder = { key: 'revenue_per_order', name: 'Revenue per order', kind: 'ratio', event: 'purchase', numeratorUsesValue: true, denominator: { event: 'checkout', filters: [] } };

async function names(t: ReturnType<typeof createTestApp>, caller: Awaited<ReturnType<typeof t.setupAdmin>>, archived = false) {
  return (await t.call<{ items: Metric[] }>('GET', `/api/metrics?archived=${archived}`, undefined, caller)).json.items.map((m: { name: string }) => m.name);
}

describe('metrics', () => {
  it('creates a conversion metric with a filter and a window, lists and reads it, and audits the change', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const created = await t.call('POST', '/api/metrics', shoes, admin);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      ...shoes,
      description: '',
      denominator: null,
      numeratorUsesValue: false,
      direction: 'higher',
      archivedAt: null,
      version: 1,
      updatedBy: 'Ada Admin <admin@example.com>',
    });
    expect((await t.call('GET', `/api/metrics/${created.json.id}`, undefined, admin)).json).toEqual(created.json);
    expect((await t.call('GET', '/api/metrics', undefined, admin)).json.items).toEqual([created.json]);
    const audit = (await t.call<AuditPage>('GET', '/api/audit?objectType=metric', undefined, admin)).json.items;
    expect(audit[0]).toMatchObject({ action: 'metric.created', objectId: created.json.id, objectLabel: 'Purchases of shoes', before: null });
    expect((await t.call('GET', '/api/metrics/missing', undefined, admin)).status).toBe(404);
  });

  it('lists by name and stores only what each kind uses', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    // A count never uses the value, so numeratorUsesValue is dropped.
    const count = await t.call('POST', '/api/metrics', { key: 'searches', name: 'Searches', kind: 'count', event: 'search', numeratorUsesValue: true, direction: 'lower' }, admin);
    expect(count.json).toMatchObject({ numeratorUsesValue: false, direction: 'lower' });
    expect((await t.call('POST', '/api/metrics', revenuePerOrder, admin)).json).toMatchObject({ numeratorUsesValue: true, denominator: { event: 'checkout' } });
    expect((await t.call('POST', '/api/metrics', { key: 'revenue', name: 'Average revenue', kind: 'sum', event: 'purchase' }, admin)).status).toBe(201);
    expect(await names(t, admin)).toEqual(['Average revenue', 'Revenue per order', 'Searches']);
  });

  it('refuses invalid metrics with field errors and stores nothing', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...shoes, kind: 'ratio' }, 'denominator', 'A ratio needs a denominator event'],
      [{ ...shoes, denominator: { event: 'visit', filters: [] } }, 'denominator', 'Only ratio metrics have a denominator'],
      [{ ...shoes, name: '  ' }, 'name', 'Enter a name'],
      [{ ...shoes, key: 'Shoes!' }, 'key', 'Start with a lowercase letter; use lowercase letters, digits, "_" and "-"'],
      [{ ...shoes, event: '' }, 'event', 'Choose an event'],
      [{ ...shoes, windowHours: 0 }, 'windowHours', 'At least 1 hour'],
      [{ ...shoes, filters: [{ property: 'price', operator: 'greaterThan', value: 'ten' }] }, 'filters.0.value', 'Enter a number'],
      [{ ...shoes, filters: [{ property: 'category', operator: 'in', value: 'shoes' }] }, 'filters.0.value', 'Enter a list of values'],
      [{ ...shoes, filters: [{ property: '', operator: 'equals', value: 'x' }] }, 'filters.0.property', 'Choose a property'],
    ];
    for (const [body, path, message] of cases) {
      const response = await t.call('POST', '/api/metrics', body, admin);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.json.errors, path).toContainEqual(expect.objectContaining({ path, message }));
    }
    expect(await names(t, admin)).toEqual([]);
    expect((await t.call<AuditPage>('GET', '/api/audit?objectType=metric', undefined, admin)).json.items).toEqual([]);
  });

  it('refuses a duplicate key with a field error on key', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    await t.call('POST', '/api/metrics', shoes, admin);
    const duplicate = await t.call('POST', '/api/metrics', { ...shoes, name: 'Another' }, admin);
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.errors).toEqual([{ path: 'key', message: 'This key is taken' }]);
    expect(await names(t, admin)).toEqual(['Purchases of shoes']);
  });

  it('saves changes with compare-and-set and answers a stale version with 409 and the current metric', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const metric = (await t.call('POST', '/api/metrics', shoes, admin)).json;
    const saved = await t.call('PATCH', `/api/metrics/${metric.id}`, { expectedVersion: 1, name: 'Shoe buyers', windowHours: null, direction: 'lower' }, admin);
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ name: 'Shoe buyers', windowHours: null, direction: 'lower', version: 2, key: 'shoe_purchases', filters: shoes.filters });

    const stale = await t.call('PATCH', `/api/metrics/${metric.id}`, { expectedVersion: 1, name: 'Lost update' }, admin);
    expect(stale.status).toBe(409);
    const { warnings: _warnings, ...savedMetric } = saved.json; // the save also answers with warnings (none here)
    expect(stale.json.current).toEqual(savedMetric);
    expect((await t.call('GET', `/api/metrics/${metric.id}`, undefined, admin)).json.name).toBe('Shoe buyers');

    // Nothing to change: no new version, no audit entry.
    expect((await t.call('PATCH', `/api/metrics/${metric.id}`, { expectedVersion: 2, name: 'Shoe buyers' }, admin)).json.version).toBe(2);
    const actions = (await t.call<AuditPage>('GET', '/api/audit?objectType=metric', undefined, admin)).json.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['metric.updated', 'metric.created']);
    expect((await t.call('PATCH', '/api/metrics/missing', { expectedVersion: 1, name: 'x' }, admin)).status).toBe(404);
  });

  it('checks the denominator against the merged metric when changing kind', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const conversion = (await t.call('POST', '/api/metrics', shoes, admin)).json;
    const toRatio = await t.call('PATCH', `/api/metrics/${conversion.id}`, { expectedVersion: 1, kind: 'ratio' }, admin);
    expect(toRatio.status).toBe(400);
    expect(toRatio.json.errors).toEqual([{ path: 'denominator', message: 'A ratio needs a denominator event' }]);
    const stray = await t.call('PATCH', `/api/metrics/${conversion.id}`, { expectedVersion: 1, denominator: { event: 'visit', filters: [] } }, admin);
    expect(stray.status).toBe(400);
    expect(stray.json.errors).toEqual([{ path: 'denominator', message: 'Only ratio metrics have a denominator' }]);
    expect((await t.call('GET', `/api/metrics/${conversion.id}`, undefined, admin)).json).toEqual(conversion);

    const ratio = (await t.call('POST', '/api/metrics', revenuePerOrder, admin)).json;
    // A ratio keeps its stored denominator when the body leaves it out.
    expect((await t.call('PATCH', `/api/metrics/${ratio.id}`, { expectedVersion: 1, kind: 'ratio', name: 'Value per checkout' }, admin)).json.denominator).toEqual(revenuePerOrder.denominator);
    const toSum = await t.call('PATCH', `/api/metrics/${ratio.id}`, { expectedVersion: 2, kind: 'sum' }, admin);
    expect(toSum.json).toMatchObject({ kind: 'sum', denominator: null, numeratorUsesValue: false, version: 3 });
  });

  it('archives and restores a metric, refusing while a live experiment measures it', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const metric = (await t.call<Metric>('POST', '/api/metrics', shoes, admin)).json;
    const experiment = await liveExperimentMeasuring(t, metric.id);

    const refused = await t.call('PATCH', `/api/metrics/${metric.id}`, { expectedVersion: 1, archived: true }, admin);
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toContain('“Shoe page test”');
    await t.store.experiments.update({ ...experiment, status: 'completed', version: 2 }, 1);

    const archived = await t.call('PATCH', `/api/metrics/${metric.id}`, { expectedVersion: 1, archived: true }, admin);
    expect(archived.json.archivedAt).toBe(t.clock.now().toISOString());
    expect(await names(t, admin)).toEqual([]);
    expect(await names(t, admin, true)).toEqual(['Purchases of shoes']);
    const restored = await t.call('PATCH', `/api/metrics/${metric.id}`, { expectedVersion: 2, archived: false }, admin);
    expect(restored.json).toMatchObject({ archivedAt: null, version: 3 });
    expect(await names(t, admin)).toEqual(['Purchases of shoes']);
    const actions = (await t.call<AuditPage>('GET', '/api/audit?objectType=metric', undefined, admin)).json.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['metric.unarchived', 'metric.archived', 'metric.created']);
  });

  it('lets viewers read, editors and editor tokens write, and nobody anonymous', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const viewer = await t.userWithRole(admin, 'viewer');
    const editor = await t.userWithRole(admin, 'editor');
    const token = await t.tokenWithRole(admin, 'editor');

    expect((await t.call('POST', '/api/metrics', shoes, viewer)).status).toBe(403);
    const created = await t.call('POST', '/api/metrics', shoes, editor);
    expect(created.status).toBe(201);
    expect((await t.call('PATCH', `/api/metrics/${created.json.id}`, { expectedVersion: 1, archived: true }, viewer)).status).toBe(403);
    expect((await t.call('GET', '/api/metrics', undefined, viewer)).json.items).toHaveLength(1);
    expect((await t.call('GET', `/api/metrics/${created.json.id}`, undefined, viewer)).status).toBe(200);
    const byToken = await t.call('PATCH', `/api/metrics/${created.json.id}`, { expectedVersion: 1, description: 'Set by CI' }, token);
    expect(byToken.json.updatedBy).toBe('API token "editor token"');
    expect((await t.call('GET', '/api/metrics')).status).toBe(401);
    expect((await t.call('POST', '/api/metrics', shoes)).status).toBe(401);
  });
});

/** The experiments module writes experiments; here one is stored directly so the metric has a live user. */
async function liveExperimentMeasuring(t: ReturnType<typeof createTestApp>, metricId: string): Promise<Experiment> {
  const now = t.clock.now().toISOString();
  const experiment: Experiment = {
    id: 'exp-1', environmentId: 'production', key: 'shoe_page', name: 'Shoe page test', hypothesis: '', owner: '', tags: [], status: 'running',
    audience: { kind: 'everyone' }, stickyMembership: true, allocation: 100, seed: 'seed',
    variants: [{ key: 'control', name: 'Control', weight: 50, overrides: {} }, { key: 'b', name: 'B', weight: 50, overrides: {} }],
    metrics: { primary: null, secondary: [metricId], guardrails: [] },
    startAt: null, endAt: null, layer: null, layerRange: null, testUsers: [], startedAt: now, endedAt: null, promotion: null,
    version: 1, createdAt: now, updatedAt: now, updatedBy: null,
  };
  await t.store.experiments.insert(experiment);
  return experiment;
}
