import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/contract/audit';
import type { Environment } from '../../../shared/contract/environments';
import type { Experiment } from '../../../shared/contract/experiments';
import { createTestApp } from '../../test/harness';

// Where Production requires approval, starting an experiment goes through a change request.
describe('experiment starts through change requests', () => {
  async function setup() {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const [author, reviewer] = [await t.userWithRole(admin, 'editor'), await t.userWithRole(admin, 'editor')];
    await t.call('POST', '/api/parameters', { key: 'cta', name: 'CTA', spec: { type: 'string' }, defaultValue: 'Buy' }, admin);
    const experiment = (
      await t.call<Experiment>('POST', '/api/experiments', {
        key: 'cta-test', name: 'CTA test',
        variants: [{ key: 'control', name: 'Control', weight: 50, overrides: {} }, { key: 'b', name: 'B', weight: 50, overrides: { cta: 'Buy now' } }],
      }, author)
    ).json;
    const production = (await t.call<{ items: Environment[] }>('GET', '/api/environments', undefined, admin)).json.items.find((e: { id: string }) => e.id === 'production') as Environment;
    expect((await t.call('PATCH', '/api/environments/production', { expectedVersion: production.version, requiresApproval: true }, admin)).status).toBe(200);
    return { t, admin, author, reviewer, experiment };
  }

  it('refuses a direct start, starts when an approved change request is published, and lets an admin bypass with a reason', async () => {
    const { t, admin, author, reviewer, experiment } = await setup();
    const direct = await t.call('POST', `/api/experiments/${experiment.id}/transitions`, { action: 'start', expectedVersion: experiment.version }, author);
    expect(direct.status).toBe(409);
    expect(direct.json).toMatchObject({ rule: 'requiresApproval', environment: 'production' });

    const created = await t.call('POST', '/api/change-requests', {
      environmentId: 'production', title: 'Start the CTA test',
      experiments: [{ experimentId: experiment.id, action: 'start', baseVersion: experiment.version }],
    }, author);
    expect(created.status).toBe(201);
    expect(created.json.experiments).toEqual([expect.objectContaining({ experimentKey: 'cta-test', action: 'start', baseVersion: experiment.version })]);
    const approved = (await t.call('POST', `/api/change-requests/${created.json.id}/reviews`, { expectedVersion: created.json.version, verdict: 'approve' }, reviewer)).json;
    const published = await t.call('POST', `/api/change-requests/${created.json.id}/publish`, { expectedVersion: approved.version }, author);
    expect(published.status).toBe(200);
    expect((await t.call('GET', `/api/experiments/${experiment.id}`, undefined, admin)).json.status).toBe('running');

    // Pausing stops exposure: it stays direct. Resuming goes live again: it needs approval, or an admin's reason.
    const running = (await t.call('GET', `/api/experiments/${experiment.id}`, undefined, admin)).json;
    const paused = (await t.call('POST', `/api/experiments/${experiment.id}/transitions`, { action: 'pause', expectedVersion: running.version }, author)).json;
    expect(paused.status).toBe('paused');
    expect((await t.call('POST', `/api/experiments/${experiment.id}/transitions`, { action: 'resume', expectedVersion: paused.version }, author)).status).toBe(409);
    const bypassed = await t.call('POST', `/api/experiments/${experiment.id}/transitions`, { action: 'resume', expectedVersion: paused.version, bypassReason: 'Paused by mistake during the launch' }, admin);
    expect(bypassed.status).toBe(200);
    const audit = (await t.call<AuditPage>('GET', '/api/audit?objectType=experiment', undefined, admin)).json.items.map((e: { action: string }) => e.action);
    expect(audit).toContain('experiment.approvalBypassed');
  });

  it('refuses a start that could not run, and reports a stale experiment as a conflict on publish', async () => {
    const { t, author, reviewer, experiment } = await setup();
    const bad = await t.call('POST', '/api/change-requests', {
      environmentId: 'production', title: 'Start', experiments: [{ experimentId: experiment.id, action: 'start', baseVersion: experiment.version + 1 }],
    }, author);
    expect(bad.status).toBe(409);
    const created = (await t.call('POST', '/api/change-requests', {
      environmentId: 'production', title: 'Start', experiments: [{ experimentId: experiment.id, action: 'start', baseVersion: experiment.version }],
    }, author)).json;
    await t.call('PATCH', `/api/experiments/${experiment.id}`, { expectedVersion: experiment.version, name: 'CTA test, renamed' }, author);
    const approved = (await t.call('POST', `/api/change-requests/${created.id}/reviews`, { expectedVersion: created.version, verdict: 'approve' }, reviewer)).json;
    const stale = await t.call('POST', `/api/change-requests/${created.id}/publish`, { expectedVersion: approved.version }, author);
    expect(stale.status).toBe(409);
    expect(stale.json.conflicts).toEqual([{ kind: 'experiment', parameterId: experiment.id, parameterKey: 'cta-test', baseVersion: experiment.version, currentVersion: experiment.version + 1 }]);
  });
});

describe('four eyes on edits', () => {
  it('does not let someone who edited a change request approve it, and refuses a manifest import that would change Production defaults', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const [author, editor, reviewer] = [await t.userWithRole(admin, 'editor'), await t.userWithRole(admin, 'editor'), await t.userWithRole(admin, 'editor')];
    const parameter = (await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin)).json;
    const production = (await t.call<{ items: Environment[] }>('GET', '/api/environments', undefined, admin)).json.items.find((e: { id: string }) => e.id === 'production') as Environment;
    await t.call('PATCH', '/api/environments/production', { expectedVersion: production.version, requiresApproval: true }, admin);
    const after = (defaultValue: string) => ({ parameterId: parameter.id, baseVersion: parameter.version, after: { defaultValue, killed: false, rules: [] } });
    const created = (await t.call('POST', '/api/change-requests', { environmentId: 'production', title: 'Headline', changes: [after('A wrote')] }, author)).json;
    const edited = (await t.call('PATCH', `/api/change-requests/${created.id}`, { expectedVersion: created.version, changes: [after('B wrote')] }, editor)).json;
    expect((await t.call('POST', `/api/change-requests/${created.id}/reviews`, { expectedVersion: edited.version, verdict: 'approve' }, editor)).status).toBe(403);
    const approved = await t.call('POST', `/api/change-requests/${created.id}/reviews`, { expectedVersion: edited.version, verdict: 'approve' }, reviewer);
    expect(approved.json.approved).toBe(true);

    const manifest = { format: 'switchboard.parameters/v1', parameters: [{ key: 'fresh', spec: { type: 'string' }, defaultValue: 'new' }, { key: 'headline', spec: { type: 'string' }, defaultValue: 'Imported' }] };
    const imported = await t.call('POST', '/api/parameters/import', { manifest, dryRun: false }, author);
    expect(imported.status).toBe(409);
    expect((await t.call('GET', '/api/parameters/fresh', undefined, admin)).status).toBe(404);
  });
});
