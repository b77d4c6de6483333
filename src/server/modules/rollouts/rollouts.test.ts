import { afterAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/contract/audit';
import type { Problem } from '../../../shared/contract/common';
import type { Environment } from '../../../shared/contract/environments';
import type { Experiment } from '../../../shared/contract/experiments';
import type { Parameter } from '../../../shared/contract/parameters';
import type { Rollout } from '../../../shared/contract/rollouts';
import { closeStoresUnderTest, storesUnderTest } from '../../store/sql/test-database';
import type { FieldProblem } from '../../test/harness';
import { changeBody, MINUTE, rolloutWorld } from './rollout-fixtures';
import { runRolloutChecks } from './rollout-monitor';

// Guarded rollouts through the API, with the harness clock moved by hand and traffic sent as apps
// send it (OFREP evaluations record exposures, /sdk/v1/events the errors). Creating runs on the
// memory store; running also on PGlite and PostgreSQL (TEST_DATABASE_URL), whose results queries
// (rollups, first exposure since the step's start) the monitor reads.

const stores = storesUnderTest();
afterAll(closeStoresUnderTest);


describe('creating a rollout', () => {
  it('refuses invalid changes, unknown metrics and roles with field paths, changing nothing', async () => {
    const w = await rolloutWorld();
    const refused = [
      [changeBody(w.errors.id, { changes: [{ parameterKey: 'checkout-copy', value: 42 }] }), 400, 'changes.0.value'],
      [changeBody(w.errors.id, { changes: [{ parameterKey: 'no-such-thing', value: 'x' }] }), 400, 'changes.0.parameterKey'],
      [changeBody('no-such-metric'), 400, 'guardrails.0'],
      [changeBody(w.errors.id, { steps: [{ percent: 50, minMinutes: 0, minUsers: 0 }] }), 400, 'steps.0.percent'],
      [changeBody(w.errors.id, { audience: { kind: 'segment', segmentId: 'gone' } }), 400, 'audience.segmentId'],
    ] as const;
    for (const [body, status, path] of refused) {
      const response = await w.create<FieldProblem>(body);
      expect(response.status, JSON.stringify(response.json)).toBe(status);
      expect(response.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await w.create(changeBody(w.errors.id), w.viewer)).status).toBe(403);
    expect((await w.call('GET', '/api/rollouts', undefined, w.viewer)).json.rollouts).toEqual([]);
    expect((await w.call('GET', '/api/experiments', undefined, w.viewer)).json.items).toEqual([]);
  });

  it('starts a rollout behind a hidden experiment, lists it by parameter, and refuses a second one on the same parameter', async () => {
    const w = await rolloutWorld();
    const created = await w.create(changeBody(w.errors.id));
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const rollout: Rollout = created.json;
    expect(rollout).toMatchObject({
      status: 'running', stepIndex: 0, environmentId: 'production', source: { kind: 'change' },
      changes: [{ parameterKey: 'checkout-copy', parameterName: 'Checkout copy', before: 'Buy', after: 'Buy now' }],
      steps: [{ percent: 10 }, { percent: 25 }, { percent: 50 }, { percent: 100 }],
      nextCheckAt: new Date(w.clock.now().getTime() + 5 * MINUTE).toISOString(),
    });
    expect(rollout.log.map((e) => e.kind)).toEqual(['started']);
    expect((await w.call<{ rollouts: Rollout[] }>('GET', '/api/rollouts?environment=production&parameterKey=checkout-copy', undefined, w.viewer)).json.rollouts.map((r: Rollout) => r.id)).toEqual([rollout.id]);
    expect((await w.call('GET', '/api/rollouts?parameterKey=other', undefined, w.viewer)).json.rollouts).toEqual([]);
    expect((await w.call('GET', '/api/rollouts?status=completed', undefined, w.viewer)).json.rollouts).toEqual([]);
    // The backing experiment is the rollout's: not listed, and not movable by hand.
    expect((await w.call('GET', '/api/experiments', undefined, w.viewer)).json.items).toEqual([]);
    const hidden = (await w.call<Experiment>('GET', `/api/experiments/${rollout.experimentId}`, undefined, w.viewer)).json;
    expect(hidden).toMatchObject({ status: 'running', rolloutId: rollout.id, variants: [{ key: 'old', weight: 90 }, { key: 'new', weight: 10, overrides: { 'checkout-copy': 'Buy now' } }] });
    const byHand = await w.call('POST', `/api/experiments/${hidden.id}/transitions`, { action: 'complete', expectedVersion: hidden.version }, w.editor);
    expect(byHand.status).toBe(409);
    // Nor through a change request proposing its promotion.
    const proposed = await w.call('POST', '/api/change-requests', {
      environmentId: 'production', title: 'Ship it', experiments: [{ experimentId: hidden.id, action: 'promote', baseVersion: hidden.version, promote: { variant: 'new', audience: { kind: 'everyone' } } }],
    }, w.editor);
    expect(proposed.status, JSON.stringify(proposed.json)).toBe(409);
    expect(proposed.json.detail).toContain('guarded rollout');

    const second = await w.create<Problem>(changeBody(w.errors.id, { name: 'Another' }));
    expect(second.status).toBe(409);
    expect(second.json.detail).toContain('the rollout "Friendlier checkout copy"');
    expect(second.json.errors).toEqual([{ path: 'changes.0.parameterKey', message: expect.stringContaining('Already in') }]);
    expect((await w.call<AuditPage>('GET', '/api/audit?objectType=rollout', undefined, w.admin)).json.items.map((e: { action: string }) => e.action)).toEqual(['rollout.started']);
  });

  it('needs approval where the environment requires it, as promoting does; an admin may start it with a reason', async () => {
    const w = await rolloutWorld();
    const staging = (await w.call<{ items: Environment[] }>('GET', '/api/environments', undefined, w.admin)).json.items.find((e: { key: string }) => e.key === 'staging')!;
    await w.call('PATCH', `/api/environments/${staging.id}`, { expectedVersion: staging.version, requiresApproval: true }, w.admin);
    const refused = await w.create<Problem & { rule: string }>(changeBody(w.errors.id), w.editor, 'staging');
    expect(refused.status).toBe(409);
    expect(refused.json.rule).toBe('requiresApproval');
    expect((await w.create(changeBody(w.errors.id, { bypassReason: 'Hotfix, approvers are away' }), w.editor, 'staging')).status).toBe(403);
    const bypassed = await w.create(changeBody(w.errors.id, { bypassReason: 'Hotfix, approvers are away' }), w.admin, 'staging');
    expect(bypassed.status).toBe(201);
    expect(bypassed.json.environmentId).toBe('staging');
  });
});

describe.each(stores)('running a rollout: %s', { timeout: 180_000 }, (_name, open) => {
  it('goes through every step with sticky sides to complete; afterwards everyone gets the new value', async () => {
    const w = await rolloutWorld(await open());
    const steps = [{ percent: 10, minMinutes: 60, minUsers: 100 }, { percent: 50, minMinutes: 60, minUsers: 100 }, { percent: 100, minMinutes: 0, minUsers: 0 }];
    const webhookEvents = await w.watchWebhooks();
    let rollout: Rollout = (await w.create(changeBody(w.errors.id, { steps }))).json;
    const first = await w.traffic(150);
    expect(first.other).toBe(0);
    expect(first.new).toBeGreaterThan(0);
    expect(first.new).toBeLessThan(40);
    const newAtFirst = new Set<string>();
    for (let i = 0; i < 150; i++) if ((await w.evaluate(`user-${i}`)).value === 'Buy now') newAtFirst.add(`user-${i}`);
    expect(newAtFirst.size).toBe(first.new);

    w.clock.advance(61 * MINUTE);
    expect((await runRolloutChecks(w.app.services)).checked).toEqual([{ rolloutId: rollout.id, decision: 'advance' }]);
    rollout = await w.get(rollout.id);
    expect(rollout).toMatchObject({ stepIndex: 1, stepStartedAt: w.clock.now().toISOString(), lastCheck: { decision: 'advance', stepUsers: { old: first.old, new: first.new } } });
    expect(rollout.log.at(-1)).toMatchObject({ kind: 'advanced', stepIndex: 1, by: null });
    expect(rollout.log.at(-1)!.message).toContain('advancing to 50%');
    // Raising the share moves users only from old to new: whoever had the new value keeps it.
    let movedToNew = 0;
    for (let i = 0; i < 150; i++) {
      const { value } = await w.evaluate(`user-${i}`);
      if (newAtFirst.has(`user-${i}`)) expect(value).toBe('Buy now');
      else if (value === 'Buy now') movedToNew++;
    }
    expect(movedToNew).toBeGreaterThan(20);

    const second = await w.traffic(150);
    expect(second.new).toBeGreaterThan(40);
    w.clock.advance(61 * MINUTE);
    await runRolloutChecks(w.app.services);
    expect((await w.get(rollout.id)).stepIndex).toBe(2);
    w.clock.advance(5 * MINUTE);
    expect((await runRolloutChecks(w.app.services)).checked).toEqual([{ rolloutId: rollout.id, decision: 'complete' }]);
    rollout = await w.get(rollout.id);
    expect(rollout).toMatchObject({ status: 'completed', nextCheckAt: null, endedAt: w.clock.now().toISOString() });
    expect(rollout.log.map((e) => e.kind)).toEqual(['started', 'advanced', 'advanced', 'completed']);

    // The new value is now a rule for the audience, first in order, and every user gets it.
    const parameter = (await w.call<Parameter>('GET', `/api/parameters/${w.parameter.id}`, undefined, w.viewer)).json;
    expect(parameter.rules[0]).toMatchObject({ audience: { kind: 'everyone' }, value: 'Buy now', rollout: 100, enabled: true, description: 'Guarded rollout "Friendlier checkout copy"' });
    for (let i = 0; i < 300; i += 7) expect((await w.evaluate(`user-${i}`)).value).toBe('Buy now');
    for (let i = 0; i < 20; i++) expect((await w.evaluate(`fresh-${i}`)).value).toBe('Buy now');
    expect((await w.call('GET', `/api/experiments/${rollout.experimentId}`, undefined, w.viewer)).json.status).toBe('completed');
    const actions = (await w.call<AuditPage>('GET', '/api/audit?objectType=rollout', undefined, w.admin)).json.items.map((e: { action: string }) => e.action);
    expect(actions.reverse()).toEqual(['rollout.started', 'rollout.advanced', 'rollout.advanced', 'rollout.completed']);
    expect(await webhookEvents()).toEqual(['rollout.advanced', 'rollout.advanced', 'rollout.finished']);
  });

  it('rolls back by itself on a harmful guardrail: everyone gets the old value again', async () => {
    const w = await rolloutWorld(await open());
    const steps = [{ percent: 50, minMinutes: 60, minUsers: 200 }, { percent: 100, minMinutes: 0, minUsers: 0 }];
    const webhookEvents = await w.watchWebhooks();
    const rollout: Rollout = (await w.create(changeBody(w.errors.id, { steps }))).json;
    // The harm test is always valid (a look every few minutes must not raise false alarms), so
    // it needs a few thousand users to call even a large harm clear.
    const sides = await w.traffic(3000, { old: 0.1, new: 0.5 });
    expect(sides.new).toBeGreaterThan(1000);
    w.clock.advance(6 * MINUTE);
    const ran = await runRolloutChecks(w.app.services);
    expect(ran.checked).toEqual([{ rolloutId: rollout.id, decision: 'roll_back' }]);
    const after = await w.get(rollout.id);
    expect(after).toMatchObject({ status: 'rolled_back', nextCheckAt: null, lastCheck: { decision: 'roll_back' } });
    expect(after.lastCheck!.guardrails[0]).toMatchObject({ metricName: 'Errors', harmful: true, higherIsBetter: false });
    expect(after.log.at(-1)).toMatchObject({ kind: 'rolled_back', by: null });
    expect(after.log.at(-1)!.message).toContain('Errors');
    expect(await webhookEvents()).toEqual(['rollout.rolled_back']);
    for (let i = 0; i < 400; i += 3) expect((await w.evaluate(`user-${i}`)).value).toBe('Buy');
    expect((await w.call('GET', `/api/parameters/${w.parameter.id}`, undefined, w.viewer)).json.rules).toEqual([]);
    // The parameter is free again for a new attempt.
    expect((await w.create(changeBody(w.errors.id, { name: 'Second try' }))).status).toBe(201);
  });

  it('holds with too little traffic and says how much is missing', async () => {
    const w = await rolloutWorld(await open());
    let rollout: Rollout = (await w.create(changeBody(w.errors.id))).json;
    await w.traffic(30);
    w.clock.advance(61 * MINUTE);
    const checked = await w.act(rollout, 'check');
    expect(checked.status, JSON.stringify(checked.json)).toBe(200);
    rollout = checked.json;
    expect(rollout).toMatchObject({ status: 'running', stepIndex: 0, lastCheck: { decision: 'hold', stepUsers: { old: expect.any(Number), new: expect.any(Number) } } });
    expect(rollout.lastCheck!.summary).toContain('30 of 1,000 users needed');
    w.clock.advance(5 * MINUTE);
    await runRolloutChecks(w.app.services);
    rollout = await w.get(rollout.id);
    // One "held" entry per step, at the latest numbers.
    expect(rollout.log.map((e) => e.kind)).toEqual(['started', 'held']);
    expect(rollout.lastCheck!.at).toBe(w.clock.now().toISOString());
  });

  it('refuses a stale version and a roll back without a reason; pause serves the old value, resume the split again', async () => {
    const w = await rolloutWorld(await open());
    const steps = [{ percent: 50, minMinutes: 60, minUsers: 100 }, { percent: 100, minMinutes: 0, minUsers: 0 }];
    const rollout: Rollout = (await w.create(changeBody(w.errors.id, { steps }))).json;
    const split = await w.traffic(40);
    expect(split.new).toBeGreaterThan(0);

    const paused = await w.act(rollout, 'pause', { reason: 'Support asked' });
    expect(paused.status).toBe(200);
    expect(paused.json).toMatchObject({ status: 'paused', nextCheckAt: null });
    const stale = await w.act<Problem & { current: Rollout }>(rollout, 'resume');
    expect(stale.status).toBe(409);
    expect(stale.json.current.version).toBe(paused.json.version);
    for (let i = 0; i < 40; i++) expect((await w.evaluate(`user-${i}`)).value).toBe('Buy');
    expect((await w.act(paused.json, 'advance')).status).toBe(409);

    const resumed = await w.act(paused.json, 'resume');
    expect(resumed.json.status).toBe('running');
    const values = await Promise.all(Array.from({ length: 40 }, (_, i) => w.evaluate(`user-${i}`)));
    expect(values.filter((v) => v.value === 'Buy now')).toHaveLength(split.new);

    expect((await w.act<Problem>(resumed.json, 'roll_back')).json.errors).toEqual([{ path: 'reason', message: expect.any(String) }]);
    expect((await w.act(resumed.json, 'roll_back', { reason: 'x' }, w.viewer)).status).toBe(403);
    const rolledBack = await w.act(resumed.json, 'roll_back', { reason: 'Checkout complaints' });
    expect(rolledBack.json.status).toBe('rolled_back');
    expect(rolledBack.json.log.at(-1)).toMatchObject({ kind: 'rolled_back', by: expect.stringMatching(/^editor/) });
    expect(rolledBack.json.log.at(-1)!.message).toContain('Checkout complaints');
    expect((await w.act(rolledBack.json, 'finish')).status).toBe(409);
  });
});

describe('the monitor', () => {
  it('applies each rollout in its own transaction: one that cannot move holds up no other', async () => {
    const w = await rolloutWorld();
    await w.call('POST', '/api/parameters', { key: 'banner', name: 'Banner', spec: { type: 'string' }, defaultValue: 'Hi' }, w.admin);
    const steps = [{ percent: 100, minMinutes: 0, minUsers: 0 }];
    const broken: Rollout = (await w.create(changeBody(w.errors.id, { name: 'Broken', steps }))).json;
    const healthy: Rollout = (await w.create(changeBody(w.errors.id, { name: 'Healthy', steps, changes: [{ parameterKey: 'banner', value: 'Hello' }] }))).json;
    // Someone put the broken one's experiment back to draft behind the API's back: finishing it is refused.
    const hidden = (await w.store.experiments.getById(broken.experimentId))!;
    await w.store.experiments.update({ ...hidden, status: 'draft', version: hidden.version + 1 }, hidden.version);

    w.clock.advance(5 * MINUTE);
    expect((await runRolloutChecks(w.app.services)).checked).toEqual([{ rolloutId: healthy.id, decision: 'complete' }]);
    expect((await w.get(healthy.id)).status).toBe('completed');
    expect(await w.get(broken.id)).toMatchObject({ status: 'running', version: broken.version, lastCheck: null });
  });
});
