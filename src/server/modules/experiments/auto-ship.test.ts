import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../../shared/contract/common';
import type { Environment } from '../../../shared/contract/environments';
import type { Experiment } from '../../../shared/contract/experiments';
import type { RawJson } from '../../test/harness';
import { AUTO_SHIP_CHECK_EVERY_MS, runAutoShip } from './auto-ship';
import { autoShipWorld, clearWinner, DAY } from './auto-ship-fixtures';

// Auto-ship through the API with a fake clock (the world is in auto-ship-fixtures.ts).

describe('auto-ship', () => {
  it('ships a clear winner only after the minimum days: a guarded rollout to the chosen audience, the experiment completed, winner_found once', async () => {
    const { w, experiment, traffic, read, rollouts, webhookEvents } = await autoShipWorld();
    await traffic(2000, clearWinner);

    // Day 0: the winner is found (and told once) but nothing ships before 7 days.
    const early = await runAutoShip(w.app.services);
    expect(early).toMatchObject({ checked: [experiment.id], winnersFound: [experiment.id], shipped: [] });
    expect((await read()).winnerFound).toMatchObject({ variant: 'b' });
    expect(await rollouts()).toEqual([]);

    w.clock.advance(6 * DAY);
    expect((await runAutoShip(w.app.services)).shipped).toEqual([]);
    expect((await read()).status).toBe('running');

    w.clock.advance(DAY);
    const run = await runAutoShip(w.app.services);
    expect(run.shipped).toHaveLength(1);
    const [rollout] = await rollouts();
    expect(rollout).toMatchObject({
      id: run.shipped[0].rolloutId, status: 'running', audience: { kind: 'everyone' }, stepIndex: 0,
      steps: [{ percent: 10 }, { percent: 25 }, { percent: 50 }, { percent: 100 }],
      source: { kind: 'promotion', experimentId: experiment.id, variant: 'b' },
      changes: [{ parameterKey: 'checkout-copy', after: 'Buy now' }],
    });
    expect(new Set(rollout.guardrails)).toEqual(new Set([w.errors.id, experiment.metrics.primary]));
    const shipped = await read();
    expect(shipped.status).toBe('completed');
    expect(shipped.autoShip?.shipped).toMatchObject({ variant: 'b', rolloutId: rollout.id });
    expect(await webhookEvents()).toEqual(['experiment.winner_found', 'experiment.completed']);
    const audit = (await w.call('GET', `/api/audit?objectType=experiment&objectId=${experiment.id}`, undefined, w.admin)).json;
    expect(JSON.stringify(audit)).toContain('experiment.auto-shipped');

    // Later runs change nothing.
    w.clock.advance(AUTO_SHIP_CHECK_EVERY_MS);
    expect(await runAutoShip(w.app.services)).toEqual({ checked: [], winnersFound: [], shipped: [] });
    expect(await rollouts()).toHaveLength(1);
  }, 120_000);

  it('does not ship when a guardrail gets worse, nor without a winner; reads results at most every 5 minutes per experiment', async () => {
    const worse = await autoShipWorld();
    await worse.traffic(2000, { control: { purchase: 0.1, error: 0.05 }, b: { purchase: 0.5, error: 0.5 } });
    worse.w.clock.advance(8 * DAY);
    expect(await runAutoShip(worse.w.app.services)).toMatchObject({ checked: [worse.experiment.id], winnersFound: [], shipped: [] });
    expect(await runAutoShip(worse.w.app.services)).toMatchObject({ checked: [] }); // within 5 minutes: not read again
    worse.w.clock.advance(AUTO_SHIP_CHECK_EVERY_MS);
    expect(await runAutoShip(worse.w.app.services)).toMatchObject({ checked: [worse.experiment.id], shipped: [] });
    expect((await worse.read()).status).toBe('running');
    expect(await worse.rollouts()).toEqual([]);
    expect(await worse.webhookEvents()).toEqual([]);

    const even = await autoShipWorld();
    await even.traffic(2000, { control: { purchase: 0.2, error: 0.1 }, b: { purchase: 0.2, error: 0.1 } });
    even.w.clock.advance(8 * DAY);
    expect(await runAutoShip(even.w.app.services)).toMatchObject({ checked: [even.experiment.id], shipped: [] });
    expect((await even.read()).winnerFound).toBeUndefined();
    expect(await even.rollouts()).toEqual([]);
  }, 120_000);

  it('where approval became required after it was turned on, does not ship and says why on the experiment', async () => {
    const { w, experiment, traffic, read, rollouts } = await autoShipWorld();
    const production = (await w.call<{ items: Environment[] }>('GET', '/api/environments', undefined, w.admin)).json.items.find((e: { key: string }) => e.key === 'production') as Environment;
    await w.call('PATCH', `/api/environments/${production.id}`, { expectedVersion: production.version, requiresApproval: true }, w.admin);
    await traffic(2000, clearWinner);
    w.clock.advance(8 * DAY);
    expect(await runAutoShip(w.app.services)).toMatchObject({ winnersFound: [experiment.id], shipped: [] });
    const refused = await read();
    expect(refused.status).toBe('running');
    expect(refused.autoShip?.problem?.message).toMatch(/requires approval/);
    expect(await rollouts()).toEqual([]);
    // The same reason is noted once, not at every check.
    w.clock.advance(AUTO_SHIP_CHECK_EVERY_MS);
    await runAutoShip(w.app.services);
    expect((await read()).version).toBe(refused.version);
  }, 120_000);

  it('leaves experiments without auto-ship alone, except telling a listening webhook about a winner', async () => {
    const { w, experiment, traffic, read, rollouts, webhookEvents } = await autoShipWorld({ enabled: false });
    await traffic(2000, clearWinner);
    w.clock.advance(2 * DAY);
    expect(await runAutoShip(w.app.services)).toMatchObject({ winnersFound: [experiment.id], shipped: [] });
    w.clock.advance(AUTO_SHIP_CHECK_EVERY_MS);
    expect(await runAutoShip(w.app.services)).toMatchObject({ checked: [], winnersFound: [] }); // told once, not read again
    expect((await read()).status).toBe('running');
    expect(await rollouts()).toEqual([]);
    expect(await webhookEvents()).toEqual(['experiment.winner_found']);
  }, 120_000);

  it('refuses bad settings and auto-ship where approval is required with 400s naming the field, changing nothing', async () => {
    const { w, experiment } = await autoShipWorld({ enabled: false });
    const patch = <T = RawJson>(autoShip: unknown) => w.call<T>('PATCH', `/api/experiments/${experiment.id}`, { expectedVersion: experiment.version, autoShip }, w.editor);
    for (const [autoShip, path] of [
      [{ enabled: true, minDays: 0 }, 'autoShip.minDays'],
      [{ enabled: true, minDays: 91 }, 'autoShip.minDays'],
      [{ enabled: true, minDays: 2.5 }, 'autoShip.minDays'],
      [{ enabled: true, audience: 'segment' }, 'autoShip.audience'],
      [{ enabled: 'yes' }, 'autoShip.enabled'],
      [{ enabled: true, later: 1 }, 'autoShip.later'],
    ] as const) {
      const refused = await patch<{ errors: FieldError[] }>(autoShip);
      expect(refused.status, JSON.stringify(autoShip)).toBe(400);
      expect(refused.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const noPrimary = await w.call('POST', '/api/experiments', { key: 'no-primary', name: 'No primary', autoShip: { enabled: true } }, w.editor);
    expect(noPrimary.status).toBe(400);
    expect(noPrimary.json.errors).toEqual([{ path: 'autoShip.enabled', message: expect.stringContaining('primary metric') }]);

    const production = (await w.call<{ items: Environment[] }>('GET', '/api/environments', undefined, w.admin)).json.items.find((e: { key: string }) => e.key === 'production') as Environment;
    await w.call('PATCH', `/api/environments/${production.id}`, { expectedVersion: production.version, requiresApproval: true }, w.admin);
    const approval = await patch({ enabled: true });
    expect(approval.status).toBe(400);
    expect(approval.json.errors).toEqual([{ path: 'autoShip.enabled', message: expect.stringContaining('requires approval') }]);
    const unchanged = (await w.call('GET', `/api/experiments/${experiment.id}`, undefined, w.viewer)).json;
    expect(unchanged).toMatchObject({ version: experiment.version, autoShip: { enabled: false } });

    // Off is always allowed; the defaults fill in.
    const off = await patch<{ experiment: Experiment; warnings: string[] }>({ enabled: false });
    expect(off.status).toBe(200);
    expect(off.json.experiment.autoShip).toMatchObject({ enabled: false, minDays: 7, audience: 'experiment' });
  }, 60_000);
});
