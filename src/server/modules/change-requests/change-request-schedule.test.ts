import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AuditPage } from '../../../shared/contract/audit';
import type { calendarSchema, ChangeRequest } from '../../../shared/contract/change-requests';
import type { Environment } from '../../../shared/contract/environments';
import type { Experiment } from '../../../shared/contract/experiments';
import type { Parameter } from '../../../shared/contract/parameters';
import type { CreatedSdkKey } from '../../../shared/contract/sdk-keys';
import { closeStoresUnderTest, storesUnderTest } from '../../store/sql/test-database';
import { createTestApp, type Caller } from '../../test/harness';
import { runDueChangeRequests } from './publishing';

// Scheduled publishes through the real app and the scheduler, on the memory store and PGlite (and
// PostgreSQL when TEST_DATABASE_URL is set), with the harness clock moved by hand: an approved
// request publishes when its time comes, one not approved is unscheduled with the reason, and the
// calendar lists what is planned in an environment.

const stores = storesUnderTest();
afterAll(closeStoresUnderTest);

type Calendar = z.infer<typeof calendarSchema>;

const HOUR = 60 * 60 * 1000;
const variants = [
  { key: 'control', name: 'Control', weight: 50, overrides: {} },
  { key: 'b', name: 'Variant B', weight: 50, overrides: { 'button-color': '#ff0000' } },
];

describe.each(stores)('scheduled change requests: %s', { timeout: 120_000 }, (_name, open) => {
  it('publishes an approved request at its time; unschedules one not approved, with the reason; the calendar lists both and experiments', async () => {
    const t = createTestApp({ store: await open() });
    const admin = await t.setupAdmin();
    const a = await t.userWithRole(admin, 'editor');
    const b = await t.userWithRole(admin, 'editor');
    const at = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();
    const start = at(0);
    const headline = (await t.call<Parameter>('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin)).json;
    const subtitle = (await t.call<Parameter>('POST', '/api/parameters', { key: 'subtitle', name: 'Subtitle', spec: { type: 'string' }, defaultValue: 'Welcome' }, admin)).json;
    await t.call('POST', '/api/parameters', { key: 'button-color', name: 'Button colour', spec: { type: 'color' }, defaultValue: '#00ff00' }, admin);
    const sdk = { bearer: (await t.call<CreatedSdkKey>('POST', '/api/sdk-keys', { name: 'prod', kind: 'server' }, admin)).json.secret };
    const value = async (key: string) => (await t.call('POST', `/ofrep/v1/evaluate/flags/${key}`, { context: { targetingKey: 'u1' } }, sdk)).json.value;

    // Experiments planned in Production and in Staging: the calendar of Production shows only its own.
    const experiment = (await t.call<Experiment>('POST', '/api/experiments', { key: 'checkout', name: 'Checkout', variants, startAt: at(5), endAt: at(8) }, admin)).json;
    expect((await t.call('POST', `/api/experiments/${experiment.id}/transitions`, { action: 'schedule', expectedVersion: experiment.version }, admin)).json.status).toBe('scheduled');
    const elsewhere = await t.call('POST', '/api/experiments', { key: 'staged', name: 'Staged', variants, environmentId: 'staging', startAt: at(4), endAt: at(6) }, admin);
    await t.call('POST', `/api/experiments/${elsewhere.json.id}/transitions`, { action: 'schedule', expectedVersion: elsewhere.json.version }, admin);

    const production = (await t.call<{ items: Environment[] }>('GET', '/api/environments', undefined, admin)).json.items.find((e: { key: string }) => e.key === 'production') as Environment;
    await t.call('PATCH', '/api/environments/production', { expectedVersion: production.version, requiresApproval: true }, admin);
    const propose = async (caller: Caller, parameterId: string, defaultValue: string, publishAt: string) => {
      const created = (await t.call('POST', '/api/change-requests', { environmentId: 'production', title: `Set ${defaultValue}`, changes: [{ parameterId, baseVersion: 1, after: { defaultValue, killed: false, rules: [] } }] }, caller)).json;
      const scheduled = await t.call<ChangeRequest>('POST', `/api/change-requests/${created.id}/schedule`, { expectedVersion: created.version, publishAt }, caller);
      expect(scheduled.json).toMatchObject({ publishAt, status: 'open' });
      return scheduled.json;
    };
    const approved = await propose(a, headline.id, 'Hi there', at(1));
    await t.call('POST', `/api/change-requests/${approved.id}/reviews`, { expectedVersion: approved.version, verdict: 'approve' }, b);
    const unapproved = await propose(a, subtitle.id, 'Hey', at(2));

    const calendar = (await t.call<Calendar>('GET', '/api/calendar?environment=production', undefined, b)).json.items;
    expect(calendar.map((e: { kind: string; at: string; objectId: string }) => [e.kind, e.at, e.objectId])).toEqual([
      ['publish', at(1), approved.id],
      ['publish', at(2), unapproved.id],
      ['experimentStart', at(5), experiment.id],
      ['experimentEnd', at(8), experiment.id],
    ]);
    expect((await t.call('GET', `/api/calendar?from=${at(3)}&to=${at(4)}`, undefined, b)).json.items).toMatchObject([{ kind: 'experimentStart', environmentId: 'staging' }]);

    expect(await runDueChangeRequests(t.app.services)).toMatchObject({ published: [], failed: [] });
    t.clock.advance(HOUR);
    expect(await runDueChangeRequests(t.app.services)).toMatchObject({ published: [approved.id], failed: [] });
    expect(await value('headline')).toBe('Hi there');
    expect((await t.call('GET', `/api/change-requests/${approved.id}`, undefined, b)).json).toMatchObject({ status: 'published', publishedAt: at(0) });

    t.clock.advance(HOUR);
    expect(await runDueChangeRequests(t.app.services)).toMatchObject({ published: [], failed: [unapproved.id] });
    const failed = (await t.call('GET', `/api/change-requests/${unapproved.id}`, undefined, b)).json;
    expect(failed).toMatchObject({ status: 'open', publishAt: null });
    expect(failed.lastError).toContain('requires approval');
    expect(await value('subtitle')).toBe('Welcome');
    // Not retried: it is off the schedule and the calendar.
    expect(await runDueChangeRequests(t.app.services)).toMatchObject({ published: [], failed: [] });
    expect((await t.call<Calendar>('GET', `/api/calendar?environment=production&from=${start}`, undefined, b)).json.items.map((e: { kind: string }) => e.kind)).toEqual(['experimentStart', 'experimentEnd']);
    const audit = (await t.call<AuditPage>('GET', '/api/audit?objectType=changeRequest', undefined, admin)).json.items.map((e: { action: string }) => e.action);
    expect(audit.filter((action: string) => action === 'changeRequest.published')).toHaveLength(1);
    expect(audit).toContain('changeRequest.scheduledPublishFailed');
  });
});

describe('calendar times', () => {
  it('compares and orders times as instants, whatever offset or precision they were written with', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const p = (await t.call<Parameter>('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin)).json;
    const schedule = async (title: string, publishAt: string) => {
      const created = (await t.call('POST', '/api/change-requests', { environmentId: 'production', title, changes: [{ parameterId: p.id, baseVersion: 1, after: { defaultValue: title, killed: false, rules: [] } }] }, admin)).json;
      expect((await t.call('POST', `/api/change-requests/${created.id}/schedule`, { expectedVersion: created.version, publishAt }, admin)).status).toBe(200);
    };
    await schedule('at 01:00Z', '2026-01-01T03:00:00+02:00');
    await schedule('at 00:30Z', '2026-01-01T00:30:00Z');
    await schedule('at 02:00Z', '2026-01-01T02:00:00.000Z');
    const titles = async (query: string) => (await t.call<Calendar>('GET', `/api/calendar?${query}`, undefined, admin)).json.items.map((e: { title: string }) => e.title);
    expect(await titles('')).toEqual(['at 00:30Z', 'at 01:00Z', 'at 02:00Z']);
    expect(await titles(`from=${encodeURIComponent('2026-01-01T01:30:00.000Z')}`)).toEqual(['at 02:00Z']);
    expect(await titles(`to=${encodeURIComponent('2026-01-01T01:00:00+00:00')}`)).toEqual(['at 00:30Z', 'at 01:00Z']);
    expect(await titles(`from=${encodeURIComponent('2026-01-01T00:30:00.000Z')}&to=${encodeURIComponent('2026-01-01T00:30:00Z')}`)).toEqual(['at 00:30Z']);
  });
});

describe('a scheduled publish of a stale draft', () => {
  it('is unscheduled with the conflict as the reason, and publishes after a rebase and a new schedule', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const p = (await t.call<Parameter>('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin)).json;
    const created = (await t.call('POST', '/api/change-requests', { environmentId: 'staging', title: 'Later', changes: [{ parameterId: p.id, baseVersion: 1, after: { defaultValue: 'Later', killed: false, rules: [] } }] }, admin)).json;
    const soon = new Date(t.clock.now().getTime() + HOUR).toISOString();
    await t.call('POST', `/api/change-requests/${created.id}/schedule`, { expectedVersion: created.version, publishAt: soon }, admin);
    expect((await t.call('PATCH', `/api/parameters/${p.id}?environment=staging`, { expectedVersion: 1, defaultValue: 'Meanwhile' }, admin)).status).toBe(200);
    t.clock.advance(HOUR);
    expect(await runDueChangeRequests(t.app.services)).toMatchObject({ published: [], failed: [created.id] });
    const failed = (await t.call('GET', `/api/change-requests/${created.id}`, undefined, admin)).json;
    expect(failed).toMatchObject({ status: 'open', publishAt: null });
    expect(failed.lastError).toContain('headline (version 1 then, 2 now)');

    const rebased = (await t.call('POST', `/api/change-requests/${created.id}/rebase`, { expectedVersion: failed.version }, admin)).json;
    expect(rebased.lastError).toBeNull();
    await t.call('POST', `/api/change-requests/${created.id}/schedule`, { expectedVersion: rebased.version, publishAt: t.clock.now().toISOString() }, admin);
    expect(await runDueChangeRequests(t.app.services)).toMatchObject({ published: [created.id] });
    expect((await t.call('GET', `/api/parameters/${p.id}?environment=staging`, undefined, admin)).json).toMatchObject({ defaultValue: 'Later', version: 3 });
  });
});
