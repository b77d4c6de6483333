import { describe, expect, it } from 'vitest';
import { segmentsApi } from '../../../shared/contract/endpoints/segments';
import { createTestApp, type Caller } from '../../test/harness';

// Every call goes through the shared endpoint descriptions: `request` fails the test when the
// status or the body is not what the description promises the dashboard.

const canada = { kind: 'rules', builder: { type: 'group', combinator: 'and', children: [{ type: 'rule', attribute: 'country', kind: 'text', operator: 'is', value: 'CA' }] } } as const;

/** An app on the memory store with four known users (seen through OFREP with an SDK key). */
async function withKnownUsers() {
  const t = createTestApp();
  const admin = await t.setupAdmin();
  const key = (await t.call('POST', '/api/sdk-keys', { name: 'app', kind: 'client' }, admin)).json.secret;
  for (const context of [
    { targetingKey: 'u1', country: 'CA', platform: 'ios' },
    { targetingKey: 'u2', country: 'CA', platform: 'android' },
    { targetingKey: 'u3', country: 'US', platform: 'ios' },
    { targetingKey: 'u4', country: 'FR' },
  ]) {
    expect((await t.call('POST', '/ofrep/v1/evaluate/flags', { context }, {}, { authorization: `Bearer ${key}` })).status).toBe(200);
  }
  await t.app.services.knownUsers.flush();
  return { t, admin };
}

/** A running experiment whose audience is the segment, so saving the segment warns. */
async function runningExperimentFor(t: ReturnType<typeof createTestApp>, admin: Caller, segmentId: string) {
  expect((await t.call('POST', '/api/parameters', { key: 'cta-color', name: 'CTA colour', spec: { type: 'color' }, defaultValue: '#00aa00' }, admin)).status).toBe(201);
  const created = await t.call('POST', '/api/experiments', {
    key: 'canada-cta',
    name: 'Canada CTA',
    audience: { kind: 'segment', segmentId },
    variants: [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'b', name: 'Orange', weight: 50, overrides: { 'cta-color': '#ff8800' } },
    ],
  }, admin);
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const started = await t.call('POST', `/api/experiments/${created.json.id}/transitions`, { action: 'start', expectedVersion: created.json.version }, admin);
  expect(started.status, JSON.stringify(started.json)).toBe(200);
  return created.json.id as string;
}

describe('segments endpoints keep their contract', () => {
  it('create, list, read, reach, members, usage, update, duplicate, archive and unarchive answer their response schemas', async () => {
    const { t, admin } = await withKnownUsers();
    const environment = 'production';

    const reach = await t.request(segmentsApi.reach, { query: { environment }, body: { definition: canada } }, admin);
    expect(reach).toMatchObject({ matched: 2, total: 4, exact: true });

    const created = await t.request(segmentsApi.create, { body: { name: 'Canada', definition: canada } }, admin);
    const ids = await t.request(segmentsApi.create, { body: { name: 'Testers', definition: { kind: 'ids', ids: ['u1', 'u3'] } } }, admin);
    expect(ids.definition).toEqual({ kind: 'ids', attribute: 'targetingKey', idCount: 2 });
    const either = await t.request(segmentsApi.create, { body: { name: 'Canada or testers', definition: { kind: 'combination', combinator: 'or', include: [created.id, ids.id] } } }, admin);
    const condition = await t.request(segmentsApi.create, { body: { name: 'iOS', definition: { kind: 'condition', condition: { platform: 'ios' } } } }, admin);

    const list = await t.request(segmentsApi.list, {}, admin);
    expect(list.items.map((segment) => segment.name).sort()).toEqual(['Canada', 'Canada or testers', 'Testers', 'iOS']);
    await expect(t.request(segmentsApi.get, { params: { id: created.id } }, admin)).resolves.toMatchObject({ name: 'Canada', version: 1 });

    const members = await t.request(segmentsApi.members, { params: { id: either.id }, query: { environment, limit: 10 } }, admin);
    expect(members.items.map((user) => user.targetingKey).sort()).toEqual(['u1', 'u2', 'u3']);

    const experimentId = await runningExperimentFor(t, admin, created.id);
    const usage = await t.request(segmentsApi.usage, { params: { id: created.id } }, admin);
    expect(usage.experiments).toEqual([expect.objectContaining({ id: experimentId, live: true })]);
    expect(usage.segments).toEqual([{ id: either.id, name: 'Canada or testers' }]);

    const saved = await t.request(
      segmentsApi.update,
      { params: { id: created.id }, body: { expectedVersion: 1, definition: { kind: 'condition', condition: { country: { $in: ['CA', 'US'] } } } } },
      admin,
    );
    expect(saved).toMatchObject({ version: 2, warnings: [expect.objectContaining({ experimentId })] });

    const copy = await t.request(segmentsApi.duplicate, { params: { id: condition.id } }, admin);
    expect(copy.id).not.toBe(condition.id);
    const archived = await t.request(segmentsApi.archive, { params: { id: copy.id } }, admin);
    expect(archived.archivedAt).not.toBeNull();
    await expect(t.request(segmentsApi.list, { query: { archived: 'true' } }, admin)).resolves.toMatchObject({ items: [expect.objectContaining({ id: copy.id })] });
    await expect(t.request(segmentsApi.unarchive, { params: { id: copy.id } }, admin)).resolves.toMatchObject({ id: copy.id, archivedAt: null });
  });

  it('a status other than the success status fails with the endpoint named', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const segment = await t.request(segmentsApi.create, { body: { name: 'Canada', definition: canada } }, admin);
    await expect(t.request(segmentsApi.update, { params: { id: segment.id }, body: { expectedVersion: 7, name: 'Stale' } }, admin)).rejects.toThrow(
      /^PATCH \/api\/segments\/\{id\} answered 409/,
    );
    await expect(t.request(segmentsApi.members, { params: { id: 'ghost' } }, admin)).rejects.toThrow(/^GET \/api\/segments\/\{id\}\/members answered 404/);
  });
});
