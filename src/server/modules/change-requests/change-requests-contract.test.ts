import { describe, expect, it } from 'vitest';
import { calendarApi, changeRequestsApi } from '../../../shared/contract/endpoints/change-requests';
import { parametersApi } from '../../../shared/contract/endpoints/parameters';
import { createTestApp } from '../../test/harness';

// Every call goes through the shared endpoint descriptions: `request` fails the test when the
// status or the body is not what the description promises the dashboard.
describe('change request endpoints keep their contract', () => {
  async function setup() {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const author = await t.userWithRole(admin, 'editor');
    const reviewer = await t.userWithRole(admin, 'editor');
    const parameter = await t.request(parametersApi.create, { query: { environment: 'production' }, body: { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' } }, admin);
    const propose = (title: string) =>
      t.request(changeRequestsApi.create, {
        body: { environmentId: 'production', title, changes: [{ parameterId: parameter.id, baseVersion: 1, after: { defaultValue: 'Hi there', killed: false, rules: [] } }] },
      }, author);
    return { t, admin, author, reviewer, propose };
  }

  it('create, read, list, edit, comment, review, schedule and publish answer their response schemas', async () => {
    const { t, author, reviewer, propose } = await setup();
    const created = await propose('Warmer headline');
    expect(created).toMatchObject({ status: 'open', revision: 1 });
    expect((await t.request(changeRequestsApi.get, { params: { id: created.id } }, reviewer)).id).toBe(created.id);
    expect((await t.request(changeRequestsApi.list, { query: { environment: 'production' } }, reviewer)).items.map((r) => r.id)).toEqual([created.id]);

    const edited = await t.request(changeRequestsApi.update, { params: { id: created.id }, body: { expectedVersion: created.version, title: 'Warmest headline' } }, author);
    expect(edited.title).toBe('Warmest headline');
    const commented = await t.request(changeRequestsApi.comments, { params: { id: created.id }, body: { body: 'Checked with legal' } }, reviewer);
    const reviewed = await t.request(changeRequestsApi.reviews, { params: { id: created.id }, body: { expectedVersion: commented.version, verdict: 'approve' } }, reviewer);
    expect(reviewed.approved).toBe(true);

    const publishAt = '2026-01-02T09:00:00.000Z';
    const scheduled = await t.request(changeRequestsApi.schedule, { params: { id: created.id }, body: { expectedVersion: reviewed.version, publishAt } }, author);
    expect(scheduled.publishAt).toBe(publishAt);
    const calendar = await t.request(calendarApi.get, { query: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-03T00:00:00.000Z' } }, author);
    expect(calendar.items.length).toBeGreaterThan(0);
    const unscheduled = await t.request(changeRequestsApi.schedule, { params: { id: created.id }, body: { expectedVersion: scheduled.version, publishAt: null } }, author);

    const published = await t.request(changeRequestsApi.publish, { params: { id: created.id }, body: { expectedVersion: unscheduled.version } }, author);
    expect(published.status).toBe('published');
  });

  it('rebase and discard answer their response schemas; a stale version is a 409', async () => {
    const { t, author, propose } = await setup();
    const created = await propose('Warmer headline');
    const edited = await t.request(changeRequestsApi.update, { params: { id: created.id }, body: { expectedVersion: created.version, title: 'Warmest headline' } }, author);
    const rebased = await t.request(changeRequestsApi.rebase, { params: { id: created.id }, body: { expectedVersion: edited.version } }, author);
    await expect(t.request(changeRequestsApi.discard, { params: { id: created.id }, body: { expectedVersion: created.version } }, author)).rejects.toThrow(
      /^POST \/api\/change-requests\/\{id\}\/discard answered 409/,
    );
    const discarded = await t.request(changeRequestsApi.discard, { params: { id: created.id }, body: { expectedVersion: rebased.version } }, author);
    expect(discarded.status).toBe('discarded');
  });
});
