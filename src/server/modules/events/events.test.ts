import { describe, expect, it } from 'vitest';
import { createTestApp, type RawJson, type FieldProblem } from '../../test/harness';
import { experimentDoc } from '../results/results-fixtures';

async function setup(kind: 'server' | 'client' = 'server', allowEvents = false) {
  const t = createTestApp();
  const admin = await t.setupAdmin();
  const key = (await t.call('POST', '/api/sdk-keys', { name: 'k', kind, allowEvents }, admin)).json.secret;
  const send = <T = RawJson>(body: unknown) => t.call<T>('POST', '/sdk/v1/events', body, {}, { authorization: `Bearer ${key}` });
  return { t, admin, send };
}


const event = (id: string, extra: object = {}) => ({ id, type: 'track', targetingKey: 'u1', event: 'purchase', value: 12.5, timestamp: '2026-01-01T00:00:00.000Z', properties: { category: 'shoes' }, ...extra });

describe('events', () => {
  it('stores a batch and counts a retried batch once', async () => {
    const { t, admin, send } = await setup();
    const batch = { events: [event('e1'), event('e2', { targetingKey: 'u2', value: undefined })] };
    expect((await send(batch)).json).toEqual({ accepted: 2, duplicates: 0 });
    expect((await send(batch)).json).toEqual({ accepted: 0, duplicates: 2 });
    const catalog = (await t.call('GET', '/api/events/catalog', undefined, admin)).json.items;
    expect(catalog).toEqual([{ event: 'purchase', type: 'track', count: 2, users: 2, withValue: 1, properties: ['category'], lastSeenAt: '2026-01-01T00:00:00.000Z' }]);
  });

  it('refuses the whole batch with per-item errors: missing ids, future timestamps, duplicates, 1,001 items', async () => {
    const { t, admin, send } = await setup();
    const bad = await send<FieldProblem>({ events: [event('ok'), { ...event('x'), id: undefined }, event('late', { timestamp: '2026-01-03T00:00:00.000Z' }), event('ok')] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['events.1.id', 'events.2.timestamp', 'events.3.id']);
    const tooMany = await send<FieldProblem>({ events: Array.from({ length: 1001 }, (_, i) => event(`b${i}`)) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors[0].path).toBe('events');
    expect((await send('{not json')).status).toBe(400);
    expect((await t.call('GET', '/api/events/catalog', undefined, admin)).json.items).toEqual([]);
  });

  it('needs a server key or a client key that allows events', async () => {
    const plainClient = await setup('client', false);
    expect((await plainClient.send({ events: [event('e1')] })).status).toBe(403);
    const eventsClient = await setup('client', true);
    expect((await eventsClient.send({ events: [event('e1')] })).status).toBe(200);
    const t = createTestApp();
    expect((await t.call('POST', '/sdk/v1/events', { events: [event('e1')] })).status).toBe(401);
  });

  it('records an exposure from an exposure event, keeping the earliest time and the first variant, in the same commit', async () => {
    const { t, send } = await setup();
    const store = t.app.services.store;
    await store.experiments.insert(experimentDoc({ id: 'exp-1', key: 'checkout-button' }));
    const exposure = (id: string, targetingKey: string, variant: string, timestamp: string) =>
      event(id, { type: 'exposure', event: '$exposure', targetingKey, value: undefined, timestamp, properties: { experiment: 'checkout-button', variant } });
    const first = await send({ events: [
      exposure('x1', 'u1', 'b', '2026-01-01T00:00:00.000Z'),
      exposure('x2', 'u1', 'control', '2026-01-01T01:00:00+01:00'), // the same instant, later in the batch
      exposure('x3', 'u2', 'control', '2025-12-30T12:00:00Z'),
      event('t1'),
    ] });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ accepted: 4, duplicates: 0 });
    expect(await store.exposures.counts('exp-1')).toEqual([{ variant: 'b', users: 1 }, { variant: 'control', users: 1 }]);
    // Later sightings keep the variant; an earlier one moves the time back.
    await send({ events: [exposure('x4', 'u1', 'control', '2025-12-01T00:00:00.000Z'), exposure('x5', 'u2', 'b', '2026-01-01T00:00:00.000Z')] });
    expect(Object.fromEntries(await store.exposures.variantsOf('exp-1'))).toEqual({ u1: 'b', u2: 'control' });
    const byDay = await store.results.aggregate({ experimentId: 'exp-1', metrics: [], from: null, to: null, groupBy: { kind: 'day' }, preExposureDays: 0 });
    expect(byDay.map((row) => [row.variant, row.bucket, row.users])).toEqual([['b', '2025-12-01', 1], ['control', '2025-12-30', 1]]);
  });

  it('refuses exposure events for an unknown experiment or variant, storing nothing of the batch', async () => {
    const { t, send } = await setup();
    const store = t.app.services.store;
    await store.experiments.insert(experimentDoc({ id: 'exp-1', key: 'checkout-button' }));
    const exposure = (id: string, properties: object) => event(id, { type: 'exposure', event: '$exposure', value: undefined, properties });
    const bad = await send<FieldProblem>({ events: [
      exposure('x1', { experiment: 'checkout-button', variant: 'b' }),
      exposure('x2', { experiment: 'nope', variant: 'b' }),
      exposure('x3', { experiment: 'checkout-button', variant: 'z' }),
      exposure('x4', { experiment: 'checkout-button' }),
      exposure('x5', { variant: 'b' }),
    ] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string; message: string }) => [e.path, e.message])).toEqual([
      ['events.1.properties.experiment', 'No experiment has the key "nope"'],
      ['events.2.properties.variant', 'Experiment "checkout-button" has no variant "z" (its variants: control, b)'],
      ['events.3.properties.variant', 'Give the key of the variant the user saw'],
      ['events.4.properties.experiment', 'Give the key of the experiment the user was exposed to'],
    ]);
    expect(await store.exposures.counts('exp-1')).toEqual([]);
    expect(await store.events.catalog()).toEqual([]);
    // An experiment created after a refusal is found at once: misses are never cached.
    await store.experiments.insert(experimentDoc({ id: 'exp-2', key: 'nope' }));
    expect((await send({ events: [exposure('x2', { experiment: 'nope', variant: 'b' })] })).json).toEqual({ accepted: 1, duplicates: 0 });
    expect(await store.exposures.counts('exp-2')).toEqual([{ variant: 'b', users: 1 }]);
  });

  it('stores exposure events of test users and of experiments not started yet without counting them as exposures', async () => {
    const { t, send } = await setup();
    const store = t.app.services.store;
    await store.experiments.insert(experimentDoc({ id: 'exp-1', key: 'running', testUsers: [{ targetingKey: 'qa-phone', variant: 'b' }] }));
    await store.experiments.insert(experimentDoc({ id: 'exp-2', key: 'draft', status: 'draft', startedAt: null }));
    const exposure = (id: string, experiment: string, targetingKey: string) =>
      event(id, { type: 'exposure', event: '$exposure', targetingKey, value: undefined, properties: { experiment, variant: 'b' } });
    const sent = await send({ events: [exposure('x1', 'running', 'qa-phone'), exposure('x2', 'draft', 'u1'), exposure('x3', 'running', 'u1')] });
    expect(sent.json).toEqual({ accepted: 3, duplicates: 0 });
    expect(Object.fromEntries(await store.exposures.variantsOf('exp-1'))).toEqual({ u1: 'b' });
    expect(await store.exposures.counts('exp-2')).toEqual([]);
  });
});
