import { beforeEach, describe, expect, it } from 'vitest';
import type { Parameter } from '../../../shared/contract/parameters';
import type { Segment } from '../../../shared/contract/segments';
import type { ImpactWarning, Usage } from '../../../shared/contract/usage';
import { createTestApp, type Caller, type RawJson } from '../../test/harness';

// Saves that change what a live experiment serves, whom it reaches or what it measures succeed
// and answer with warnings naming the experiment; the usage endpoints say where things are used.

let t: ReturnType<typeof createTestApp>;
let admin: Caller;

const ok = async <T = RawJson>(method: string, path: string, body?: unknown) => {
  const response = await t.call<T>(method, path, body, admin);
  expect(response.status, JSON.stringify(response.json)).toBeLessThan(300);
  return response.json;
};

async function experiment(key: string, extra: Record<string, unknown>, start: boolean) {
  const created = await ok('POST', '/api/experiments', {
    key, name: `Test ${key}`,
    variants: [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'b', name: 'Orange', weight: 50, overrides: { 'cta-color': '#ff8800' } },
    ],
    ...extra,
  });
  if (start) await ok('POST', `/api/experiments/${created.id}/transitions`, { action: 'start', expectedVersion: created.version });
  return created;
}

beforeEach(async () => {
  t = createTestApp();
  admin = await t.setupAdmin();
  await ok('POST', '/api/parameters', { key: 'cta-color', name: 'CTA colour', spec: { type: 'color' }, defaultValue: '#00aa00' });
});

describe('impact warnings and usage', () => {
  it('warns that a parameter default change reaches the control of a running experiment, and only then', async () => {
    const running = await experiment('live', {}, true);
    await experiment('draft', {}, false);
    const usage = await ok<Usage>('GET', '/api/parameters/cta-color/usage');
    expect(usage.experiments.map((e: { key: string; live: boolean }) => [e.key, e.live])).toEqual(expect.arrayContaining([['live', true], ['draft', false]]));

    const parameter = await ok('GET', '/api/parameters/cta-color');
    const renamed = await ok('PATCH', `/api/parameters/${parameter.id}`, { expectedVersion: parameter.version, name: 'Button colour' });
    expect(renamed.warnings).toEqual([]);
    const saved = await ok<Parameter & { warnings: ImpactWarning[] }>('PATCH', `/api/parameters/${parameter.id}`, { expectedVersion: renamed.version, defaultValue: '#0000ff' });
    expect(saved.defaultValue).toBe('#0000ff'); // the write succeeds
    expect(saved.warnings).toEqual([expect.objectContaining({ experimentId: running.id, experimentKey: 'live' })]);
    expect(saved.warnings[0].message).toMatch(/"Test live" is running .*control.*mid-test/);
  });

  it('follows a segment through the segments that include it to experiments and targeting rules', async () => {
    const germany = await ok('POST', '/api/segments', { name: 'Germany', definition: { kind: 'condition', condition: { country: 'DE' } } });
    const dach = await ok('POST', '/api/segments', { name: 'DACH', definition: { kind: 'combination', combinator: 'or', include: [germany.id], exclude: [] } });
    const running = await experiment('dach', { audience: { kind: 'segment', segmentId: dach.id } }, true);
    const parameter = await ok('GET', '/api/parameters/cta-color');
    await ok('PATCH', `/api/parameters/${parameter.id}`, {
      expectedVersion: parameter.version,
      rules: [{ description: 'Germans see red', audience: { kind: 'segment', segmentId: germany.id }, value: '#ff0000', rollout: 100, enabled: true }],
    });

    const usage = await ok('GET', `/api/segments/${germany.id}/usage`);
    expect(usage.segments).toEqual([{ id: dach.id, name: 'DACH' }]);
    expect(usage.experiments).toEqual([expect.objectContaining({ key: 'dach', live: true, how: 'its audience (segment "DACH") includes this segment' })]);
    expect(usage.rules).toEqual([expect.objectContaining({ parameterKey: 'cta-color', description: 'Germans see red' })]);

    const renamed = await ok('PATCH', `/api/segments/${germany.id}`, { expectedVersion: germany.version, name: 'Deutschland' });
    expect(renamed.warnings).toEqual([]);
    const saved = await ok<Segment & { warnings: ImpactWarning[] }>('PATCH', `/api/segments/${germany.id}`, { expectedVersion: renamed.version, definition: { kind: 'condition', condition: { country: { $in: ['DE', 'AT'] } } } });
    expect(saved.warnings).toEqual([expect.objectContaining({ experimentId: running.id })]);
    expect(saved.warnings[0].message).toMatch(/audience changes mid-test/);
  });

  it('warns when a live experiment\'s metric is redefined, not when it is renamed', async () => {
    const metric = await ok('POST', '/api/metrics', { key: 'buy', name: 'Purchases', kind: 'conversion', event: 'purchase', direction: 'higher' });
    const running = await experiment('measured', { metrics: { primary: metric.id, secondary: [], guardrails: [] } }, true);
    expect((await ok('GET', `/api/metrics/${metric.id}/usage`)).experiments).toEqual([expect.objectContaining({ id: running.id, how: 'primary metric', live: true })]);
    const renamed = await ok('PATCH', `/api/metrics/${metric.id}`, { expectedVersion: metric.version, name: 'Buyers' });
    expect(renamed.warnings).toEqual([]);
    const saved = await ok('PATCH', `/api/metrics/${metric.id}`, { expectedVersion: renamed.version, event: 'order_completed' });
    expect(saved.warnings).toEqual([expect.objectContaining({ experimentId: running.id })]);
  });

  it('answers 404 for the usage of nothing', async () => {
    expect((await t.call('GET', '/api/parameters/nope/usage', undefined, admin)).status).toBe(404);
    expect((await t.call('GET', '/api/segments/nope/usage', undefined, admin)).status).toBe(404);
    expect((await t.call('GET', '/api/parameters/cta-color/usage')).status).toBe(401);
  });
});
