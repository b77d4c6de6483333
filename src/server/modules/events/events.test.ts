import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/harness';

async function setup(kind: 'server' | 'client' = 'server', allowEvents = false) {
  const t = createTestApp();
  const admin = await t.setupAdmin();
  const key = (await t.call('POST', '/api/sdk-keys', { name: 'k', kind, allowEvents }, admin)).json.secret;
  const send = (body: unknown) => t.call('POST', '/sdk/v1/events', body, {}, { authorization: `Bearer ${key}` });
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
    const bad = await send({ events: [event('ok'), { ...event('x'), id: undefined }, event('late', { timestamp: '2026-01-03T00:00:00.000Z' }), event('ok')] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['events.1.id', 'events.2.timestamp', 'events.3.id']);
    const tooMany = await send({ events: Array.from({ length: 1001 }, (_, i) => event(`b${i}`)) });
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
});
