import { describe, expect, it } from 'vitest';
import type { Environment } from '../../../shared/contract/environments';
import type { Experiment } from '../../../shared/contract/experiments';
import type { Rollout } from '../../../shared/contract/rollouts';
import type { RawJson } from '../../test/harness';
import { rolloutWorld } from './rollout-fixtures';

// Promoting an experiment's winner through a guarded rollout: the promotion's risk check and
// audience, approval as promote has it, and the experiment completes as the rollout starts.

async function withExperiment() {
  const w = await rolloutWorld();
  const created = (await w.call<Experiment>('POST', '/api/experiments', {
    key: 'copy-test', name: 'Copy test',
    variants: [{ key: 'control', name: 'Control', weight: 50, overrides: {} }, { key: 'b', name: 'Variant B', weight: 50, overrides: { 'checkout-copy': 'Buy now' } }],
    metrics: { primary: null, secondary: [], guardrails: [w.errors.id] },
  }, w.editor)).json;
  const started = (await w.call<Experiment>('POST', `/api/experiments/${created.id}/transitions`, { action: 'start', expectedVersion: created.version }, w.editor)).json;
  return { w, experiment: started };
}

describe('guarded promotion', () => {
  it('refuses a risky promotion without the phrase and a stale version; with them, completes the experiment and starts the rollout', async () => {
    const { w, experiment } = await withExperiment();
    const promote = <T = RawJson>(body: object, caller = w.editor) => w.call<T>('POST', `/api/experiments/${experiment.id}/promote/guarded`, body, caller);
    const body = { variant: 'b', audience: { kind: 'experiment' }, expectedVersion: experiment.version };
    // Nobody exposed yet: nothing to promote.
    expect((await promote(body)).status).toBe(409);
    await w.traffic(40);

    const risky = await promote(body);
    expect(risky.status).toBe(409);
    expect(risky.json.errors).toEqual([{ path: 'confirmRisk', message: expect.stringContaining('promote b anyway') }]);
    expect((await promote({ ...body, confirmRisk: 'promote b anyway' }, w.viewer)).status).toBe(403);
    expect((await promote({ ...body, confirmRisk: 'promote b anyway', expectedVersion: experiment.version - 1 })).status).toBe(409);

    const started = await promote<Rollout>({ ...body, confirmRisk: 'promote b anyway', steps: [{ percent: 20, minMinutes: 30, minUsers: 10 }, { percent: 100, minMinutes: 0, minUsers: 0 }] });
    expect(started.status, JSON.stringify(started.json)).toBe(201);
    const rollout: Rollout = started.json;
    expect(rollout).toMatchObject({
      status: 'running', name: 'Copy test: Variant B', audience: { kind: 'everyone' }, guardrails: [w.errors.id],
      source: { kind: 'promotion', experimentId: experiment.id, experimentName: 'Copy test', variant: 'b' },
      changes: [{ parameterKey: 'checkout-copy', before: 'Buy', after: 'Buy now' }],
    });
    expect((await w.call('GET', `/api/experiments/${experiment.id}`, undefined, w.viewer)).json.status).toBe('completed');
    // The experiment is listed; the rollout's hidden one is not.
    expect((await w.call<{ items: Experiment[] }>('GET', '/api/experiments', undefined, w.viewer)).json.items.map((e: { id: string }) => e.id)).toEqual([experiment.id]);
    const values = await Promise.all(Array.from({ length: 100 }, (_, i) => w.evaluate(`fresh-${i}`)));
    const gotNew = values.filter((v) => v.value === 'Buy now').length;
    expect(gotNew).toBeGreaterThan(5);
    expect(gotNew).toBeLessThan(40);
  }, 60_000);

  it('needs approval where the environment requires it, as promote does', async () => {
    const { w, experiment } = await withExperiment();
    await w.traffic(20);
    const production = (await w.call<{ items: Environment[] }>('GET', '/api/environments', undefined, w.admin)).json.items.find((e: { key: string }) => e.key === 'production')!;
    await w.call('PATCH', `/api/environments/${production.id}`, { expectedVersion: production.version, requiresApproval: true }, w.admin);
    const body = { variant: 'b', audience: { kind: 'everyone' }, expectedVersion: experiment.version, confirmRisk: 'promote b anyway' };
    const refused = await w.call('POST', `/api/experiments/${experiment.id}/promote/guarded`, body, w.editor);
    expect(refused.status).toBe(409);
    expect(refused.json.rule).toBe('requiresApproval');
    expect((await w.call('GET', `/api/experiments/${experiment.id}`, undefined, w.viewer)).json.status).toBe('running');
    const bypassed = await w.call('POST', `/api/experiments/${experiment.id}/promote/guarded`, { ...body, bypassReason: 'Launch day, approvers are out' }, w.admin);
    expect(bypassed.status, JSON.stringify(bypassed.json)).toBe(201);
  }, 60_000);
});
