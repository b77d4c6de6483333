import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/contract/common';
import type { PromotionCheck, PromotionRisk } from '../../../shared/contract/experiments';
import { createTestApp, type Caller, type RawJson, type FieldProblem } from '../../test/harness';
import { experimentDoc, metricDoc, simulate } from '../results/results-fixtures';

// The promotion guard rails: no promotion without exposures, and a variant that is not a
// significant winner (or worsens a guardrail) only with the typed phrase that accepts the risk.

const purchase = metricDoc({ id: 'm-purchase', key: 'purchase', name: 'Purchases', kind: 'conversion', event: 'purchase' });
const errors = metricDoc({ id: 'm-errors', key: 'errors', name: 'Errors', kind: 'conversion', event: 'app_error', direction: 'lower' });
const metrics = { primary: purchase.id, secondary: [], guardrails: [errors.id] };

let t: ReturnType<typeof createTestApp>;
let admin: Caller;

beforeAll(async () => {
  t = createTestApp();
  admin = await t.setupAdmin();
  for (const metric of [purchase, errors]) await t.store.metrics.insert(metric);
  await t.store.experiments.insert(experimentDoc({ id: 'empty', key: 'empty', metrics }));
  await t.store.experiments.insert(experimentDoc({ id: 'aa', key: 'aa', metrics }));
  await simulate(t.store, { experimentId: 'aa', users: 4000, days: 7, seed: 21, prefix: 'aa', arms: [{ key: 'control', share: 0.5, purchaseRate: 0.2 }, { key: 'b', share: 0.5, purchaseRate: 0.2 }] });
  await t.store.experiments.insert(experimentDoc({ id: 'harm', key: 'harm', metrics }));
  await simulate(t.store, {
    experimentId: 'harm', users: 8000, days: 7, seed: 22, prefix: 'harm',
    arms: [{ key: 'control', share: 0.5, purchaseRate: 0.2, errorRate: 0.05 }, { key: 'b', share: 0.5, purchaseRate: 0.27, errorRate: 0.12 }],
  });
  await t.store.experiments.insert(experimentDoc({ id: 'win', key: 'win', metrics }));
  await simulate(t.store, { experimentId: 'win', users: 8000, days: 7, seed: 23, prefix: 'win', arms: [{ key: 'control', share: 0.5, purchaseRate: 0.2 }, { key: 'b', share: 0.5, purchaseRate: 0.27 }] });
}, 120_000);

const check = async (id: string) => {
  const response = await t.call('GET', `/api/experiments/${id}/promotion-check`, undefined, admin);
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json as PromotionCheck;
};
const promote = <T = RawJson>(id: string, extra: Record<string, unknown> = {}) =>
  t.call<T>('POST', `/api/experiments/${id}/promote`, { variant: 'b', audience: { kind: 'everyone' }, expectedVersion: 1, dryRun: false, ...extra }, admin);

describe('promotion guard rails', () => {
  it('refuses to promote, even as a dry run, while no one has been exposed', async () => {
    expect((await check('empty')).blocked).toMatch(/No one has been exposed/);
    for (const dryRun of [true, false]) {
      const refused = await promote('empty', { dryRun, confirmRisk: 'promote b anyway' });
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.json.errors).toContainEqual(expect.objectContaining({ path: 'variant', message: 'No exposed users yet' }));
    }
    expect((await t.store.experiments.getById('empty'))?.status).toBe('running');
  });

  it('says "no difference" and asks for the typed phrase before promoting an A/A variant; refuses without it', async () => {
    const result = await check('aa');
    expect(result.recommended).toBeNull();
    const b = result.variants.find((v) => v.key === 'b')!;
    expect(b).toMatchObject({ significantWinner: false, confirmPhrase: 'promote b anyway', primary: { metricName: 'Purchases', verdict: 'no-difference' } });
    expect(b.risks.map((r) => r.code)).toEqual(['not-significant']);

    expect((await promote('aa', { dryRun: true })).status).toBe(200); // the plan may be looked at
    for (const confirmRisk of [undefined, '', 'yes', 'promote control anyway']) {
      const refused = await promote('aa', confirmRisk === undefined ? {} : { confirmRisk });
      expect(refused.status).toBe(409);
      expect(refused.json.detail).toMatch(/Variant B is not a significant winner on Purchases \(no difference/);
      expect(refused.json.errors).toEqual([expect.objectContaining({ path: 'confirmRisk' })]);
      expect(refused.json.risks).toEqual([expect.objectContaining({ code: 'not-significant' })]);
    }
    expect((await t.store.experiments.getById('aa'))?.status).toBe('running');
    const accepted = await promote('aa', { confirmRisk: ' Promote B anyway ' });
    expect(accepted.status).toBe(200);
    expect(accepted.json.experiment).toMatchObject({ status: 'completed', promotion: { variant: 'b' } });
  });

  it('does not recommend a winner that makes a guardrail worse, and names the guardrail when refusing', async () => {
    const result = await check('harm');
    const b = result.variants.find((v) => v.key === 'b')!;
    expect(b.significantWinner).toBe(true);
    expect(b.guardrails).toEqual([expect.objectContaining({ metricName: 'Errors', verdict: 'losing' })]);
    expect(result.recommended).toBeNull();
    const refused = await promote<Problem & { risks: PromotionRisk[] }>('harm');
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toMatch(/makes the guardrail Errors worse/);
    expect(refused.json.risks.map((r: { code: string }) => r.code)).toEqual(['guardrail-worse']);
  });

  it('pre-selects a clean significant winner and promotes it without a typed phrase', async () => {
    const result = await check('win');
    expect(result.recommended).toBe('b');
    expect(result.variants.find((v) => v.key === 'b')).toMatchObject({ significantWinner: true, risks: [], confirmPhrase: null });
    expect(result.variants[0]).toMatchObject({ key: 'control', significantWinner: false, confirmPhrase: 'promote control anyway' });
    expect((await promote('win')).status).toBe(200);
  });

  it('refuses a phrase that is too long as bad input', async () => {
    const response = await promote<FieldProblem>('harm', { confirmRisk: 'x'.repeat(201) });
    expect(response.status).toBe(400);
    expect(response.json.errors[0].path).toBe('confirmRisk');
  });
});
