import { expect, it } from 'vitest';
import type { ChangeRequestRecord, Store } from './types';

// Change requests and each environment's configVersion: part of the store contract (memory,
// PGlite, PostgreSQL). Every fresh store starts with Production, Staging and Development.

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

function changeRequest(overrides: Partial<ChangeRequestRecord> = {}): ChangeRequestRecord {
  return {
    id: 'cr1', environmentId: 'production', title: 'Warmer headline', status: 'open',
    items: [{
      parameterId: 'p1', parameterKey: 'headline', parameterName: 'Headline', baseVersion: 3,
      before: { defaultValue: 'Hello', killed: false, rules: [] },
      after: { defaultValue: { text: 'Hi', emoji: ['👋'] }, killed: true, rules: [{ id: 'r1', audience: { kind: 'everyone' }, value: 'Yo' }] },
    }],
    experiments: [{ experimentId: 'e1', experimentKey: 'cta', experimentName: 'CTA', action: 'promote', baseVersion: 4, promote: { variant: 'b', audience: { kind: 'everyone' } } }],
    authorId: 'u1', authorName: 'Ada', editorIds: ['u3'], revision: 1,
    reviews: [{ userId: 'u2', userName: 'Bob', verdict: 'approve', revision: 1, at: at(2) }],
    comments: [{ id: 'c1', userId: null, userName: 'Switchboard', body: 'Looks fine', at: at(3) }],
    publishAt: null, publishedAt: null, publishedBy: null, bypassReason: null, lastError: null,
    version: 1, createdAt: at(1), updatedAt: at(1),
    ...overrides,
  };
}

export function changeRequestStoreContract(current: () => Store) {
  it('stores a change request whole, lists it newest first by environment and status, and compares-and-sets', async () => {
    const store = current();
    const first = changeRequest();
    const second = changeRequest({ id: 'cr2', environmentId: 'staging', createdAt: at(5), updatedAt: at(5) });
    const third = changeRequest({ id: 'cr3', status: 'discarded', createdAt: at(9), updatedAt: at(9) });
    for (const request of [first, second, third]) await store.changeRequests.insert(request);

    expect(await store.changeRequests.getById('cr1')).toEqual(first);
    expect(await store.changeRequests.getById('missing')).toBeNull();
    expect((await store.changeRequests.list({})).map((r) => r.id)).toEqual(['cr3', 'cr2', 'cr1']);
    expect((await store.changeRequests.list({ environmentId: 'production' })).map((r) => r.id)).toEqual(['cr3', 'cr1']);
    expect((await store.changeRequests.list({ status: 'open' })).map((r) => r.id)).toEqual(['cr2', 'cr1']);
    expect((await store.changeRequests.list({ environmentId: 'staging', status: 'discarded' }))).toEqual([]);

    const published = { ...first, status: 'published' as const, publishedAt: at(7), publishedBy: 'Bob', bypassReason: 'Outage fix, nobody around', version: 2, updatedAt: at(7) };
    expect(await store.changeRequests.update(published, 1)).toEqual(published);
    expect(await store.changeRequests.getById('cr1')).toEqual(published);
    // The stored version is 2 now: a writer that read version 1 loses.
    expect(await store.changeRequests.update({ ...first, title: 'Lost', version: 2 }, 1)).toBeNull();
    expect((await store.changeRequests.getById('cr1'))?.title).toBe('Warmer headline');
    expect(await store.changeRequests.update(changeRequest({ id: 'missing' }), 1)).toBeNull();
    // Status and environment are queried from the stored columns, which follow the update.
    expect((await store.changeRequests.list({ status: 'published' })).map((r) => r.id)).toEqual(['cr1']);
  });

  it('lists the open requests whose publish time has come, oldest time first', async () => {
    const store = current();
    await store.changeRequests.insert(changeRequest({ id: 'late', publishAt: at(30) }));
    await store.changeRequests.insert(changeRequest({ id: 'early', publishAt: '2026-01-01T00:10:00.000Z' }));
    await store.changeRequests.insert(changeRequest({ id: 'exact', publishAt: at(20) }));
    await store.changeRequests.insert(changeRequest({ id: 'unscheduled' }));
    await store.changeRequests.insert(changeRequest({ id: 'discarded', status: 'discarded', publishAt: at(0) }));
    const done = changeRequest({ id: 'done', publishAt: at(1) });
    await store.changeRequests.insert(done);
    await store.changeRequests.update({ ...done, status: 'published', version: 2 }, 1);

    expect((await store.changeRequests.listDue(at(20))).map((r) => r.id)).toEqual(['early', 'exact']);
    expect((await store.changeRequests.listDue(at(0))).map((r) => r.id)).toEqual([]);
    expect((await store.changeRequests.listDue(at(60))).map((r) => r.id)).toEqual(['early', 'exact', 'late']);
    // Unscheduling takes it off the due list.
    const early = (await store.changeRequests.getById('early'))!;
    await store.changeRequests.update({ ...early, publishAt: null, lastError: 'Not approved', version: 2 }, 1);
    expect((await store.changeRequests.listDue(at(60))).map((r) => r.id)).toEqual(['exact', 'late']);
  });

  it("keeps each environment's configVersion: a bump for one environment leaves the others alone", async () => {
    const store = current();
    const start = await store.configVersion.get();
    const production = await store.configVersion.getFor('production');
    const staging = await store.configVersion.getFor('staging');

    const bumped = await store.configVersion.bump('staging');
    expect(bumped).toBe(start + 1);
    expect(await store.configVersion.get()).toBe(bumped);
    expect(await store.configVersion.getFor('staging')).toBe(bumped);
    expect(await store.configVersion.getFor('production')).toBe(production);
    expect(staging).not.toBe(bumped);

    // Without an environment every environment's answers change.
    const everywhere = await store.configVersion.bump();
    expect(everywhere).toBe(bumped + 1);
    for (const id of ['production', 'staging', 'development']) expect(await store.configVersion.getFor(id)).toBe(everywhere);

    const again = await store.configVersion.bump('production');
    expect(await store.configVersion.getFor('production')).toBe(again);
    expect(await store.configVersion.getFor('development')).toBe(everywhere);
    expect(await store.configVersion.getFor('unknown')).toBe(0);
  });

  it('rolls a change request back with its transaction', async () => {
    const store = current();
    await expect(
      store.transaction(async (inside) => {
        await inside.changeRequests.insert(changeRequest());
        await inside.configVersion.bump('production');
        throw new Error('publish failed');
      }),
    ).rejects.toThrow('publish failed');
    expect(await store.changeRequests.getById('cr1')).toBeNull();
  });
}
