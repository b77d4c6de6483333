import { describe, expect, it } from 'vitest';
import { experimentsApi } from '../../../shared/contract/endpoints/experiments';
import { metricsApi } from '../../../shared/contract/endpoints/metrics';
import { parametersApi } from '../../../shared/contract/endpoints/parameters';
import { sdkKeysApi } from '../../../shared/contract/endpoints/sdk-keys';
import { createTestApp, type Caller } from '../../test/harness';

const variants = [
  { key: 'control', name: 'Control', weight: 50, overrides: {} },
  { key: 'b', name: 'Variant B', weight: 50, overrides: { headline: 'Buy now' } },
];

/** A parameter the experiment overrides, a primary metric, and an SDK key whose evaluations expose users. */
async function setup() {
  const t = createTestApp();
  const editor = await t.setupAdmin();
  await t.request(parametersApi.create, { body: { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Welcome' } }, editor);
  const metric = await t.request(metricsApi.create, { body: { key: 'purchase', name: 'Purchases', kind: 'conversion', event: 'purchase' } }, editor);
  const key = await t.request(sdkKeysApi.create, { body: { name: 'server', kind: 'server' } }, editor);
  const sdk: Caller = { bearer: key.secret };
  const evaluate = (targetingKey: string) => t.call('POST', '/ofrep/v1/evaluate/flags', { context: { targetingKey } }, sdk);
  return { t, editor, metric, evaluate };
}

// Every call goes through the shared endpoint descriptions: `request` fails the test when the
// status or the body is not what the description promises the dashboard.
describe('experiments endpoints keep their contract', () => {
  it('create, list, read, update, review, move through the lifecycle, count exposures, check, promote and undo answer their response schemas', async () => {
    const { t, editor, metric, evaluate } = await setup();

    const created = await t.request(experimentsApi.create, { body: { key: 'checkout', name: 'Checkout', variants, metrics: { primary: metric.id, secondary: [], guardrails: [] } } }, editor);
    expect(created).toMatchObject({ key: 'checkout', status: 'draft', version: 1 });
    const listed = await t.request(experimentsApi.list, { query: { search: 'check', status: 'draft' } }, editor);
    expect(listed.items.map((experiment) => experiment.id)).toEqual([created.id]);
    await expect(t.request(experimentsApi.list, { query: { environment: 'production', status: 'running' } }, editor)).resolves.toEqual({ items: [] });
    expect((await t.request(experimentsApi.get, { params: { id: created.id } }, editor)).key).toBe('checkout');
    expect((await t.request(experimentsApi.get, { params: { id: 'checkout' } }, editor)).id).toBe(created.id);

    const saved = await t.request(experimentsApi.update, { params: { id: created.id }, body: { expectedVersion: 1, name: 'Checkout button' } }, editor);
    expect(saved).toMatchObject({ experiment: { name: 'Checkout button', version: 2 }, warnings: [] });
    const review = await t.request(experimentsApi.review, { params: { id: created.id } }, editor);
    expect(review.problems).toEqual([]);

    let current = saved.experiment;
    for (const action of ['start', 'pause', 'resume'] as const) {
      current = await t.request(experimentsApi.transition, { params: { id: current.id }, body: { action, expectedVersion: current.version } }, editor);
    }
    expect(current.status).toBe('running');

    for (const user of ['user-1', 'user-2', 'user-3', 'user-4']) expect((await evaluate(user)).status).toBe(200);
    const exposures = await t.request(experimentsApi.exposures, { params: { id: current.id } }, editor);
    expect(exposures.items.reduce((sum, count) => sum + count.users, 0)).toBe(4);

    const check = await t.request(experimentsApi.promotionCheck, { params: { id: current.id } }, editor);
    expect(check).toMatchObject({ exposedUsers: 4, blocked: null });
    expect(check.variants.map((variant) => variant.key)).toEqual(['control', 'b']);
    expect(check.variants[1]).toMatchObject({ significantWinner: false, primary: { metricName: 'Purchases' }, confirmPhrase: 'promote b anyway' });

    const promote = { variant: 'b', audience: { kind: 'everyone' }, expectedVersion: current.version } as const;
    const plan = await t.request(experimentsApi.promote, { params: { id: current.id }, body: { ...promote, dryRun: true } }, editor);
    expect(plan).toMatchObject({ dryRun: true, changes: [{ parameterKey: 'headline', before: 'Welcome', after: 'Buy now' }], experiment: { status: 'running' } });
    // Four users prove nothing: B is no significant winner, so promoting it takes the typed phrase.
    const done = await t.request(experimentsApi.promote, { params: { id: current.id }, body: { ...promote, dryRun: false, confirmRisk: 'promote b anyway' } }, editor);
    expect(done.experiment).toMatchObject({ status: 'completed', promotion: { variant: 'b', undoneAt: null } });

    const undone = await t.request(experimentsApi.undoPromotion, { params: { id: current.id }, body: { expectedVersion: done.experiment.version } }, editor);
    expect(undone.promotion?.undoneAt).not.toBeNull();
  });

  it('a status other than the success status fails with the endpoint named', async () => {
    const { t, editor } = await setup();
    const created = await t.request(experimentsApi.create, { body: { key: 'checkout', name: 'Checkout', variants } }, editor);
    await expect(t.request(experimentsApi.transition, { params: { id: created.id }, body: { action: 'pause', expectedVersion: created.version } }, editor)).rejects.toThrow(
      /^POST \/api\/experiments\/\{id\}\/transitions answered 409/,
    );
    await expect(t.request(experimentsApi.get, { params: { id: 'missing' } }, editor)).rejects.toThrow(/^GET \/api\/experiments\/\{id\} answered 404/);
  });
});
