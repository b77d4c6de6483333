import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { FieldError } from '../../../shared/contract/common';
import type { createdWebhookSchema, WebhookDelivery } from '../../../shared/contract/webhooks';
import { MemoryWebhooks } from '../../store/memory/memory-webhooks';
import { createTestApp, type Caller, type RawJson } from '../../test/harness';
import { configureWebhookDelivery } from './delivery';

// The webhooks API: admins only, the secret shown once, bad input refused with field paths, and
// the events that existing actions queue (experiment started/completed, change published).

let t: ReturnType<typeof createTestApp>;
let admin: Caller;
const URL_A = 'https://hooks.example.com/switchboard';

type CreatedWebhook = z.infer<typeof createdWebhookSchema>;
type Invalid = { errors: FieldError[] };

beforeEach(async () => {
  t = createTestApp();
  // These tests read the queue; nothing is sent.
  configureWebhookDelivery(t.app.services, { autoDeliver: false });
  admin = await t.setupAdmin();
});

const createHook = <T = RawJson>(body: Record<string, unknown> = {}, environment = 'production', caller = admin) =>
  t.call<T>('POST', `/api/webhooks?environment=${environment}`, { url: URL_A, events: ['experiment.started', 'change.published'], ...body }, caller);
const deliveries = async (id: string) => (await t.call('GET', `/api/webhooks/${id}/deliveries`, undefined, admin)).json.deliveries as { eventType: string; payload: { type: string; data: Record<string, unknown>; environment: { key: string } } }[];

describe('webhooks API', () => {
  it('shows the secret once, lists per environment, rotates, pauses and deletes, each audited', async () => {
    const created = await createHook<CreatedWebhook>({ description: 'Slack relay' });
    expect(created.status).toBe(201);
    const { webhook, secret } = created.json;
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ environmentId: 'production', url: URL_A, description: 'Slack relay', active: true, secretHint: secret.slice(-4) });

    const listed = await t.call('GET', '/api/webhooks?environment=production', undefined, admin);
    expect(listed.json.webhooks).toHaveLength(1);
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    expect((await t.call('GET', '/api/webhooks?environment=staging', undefined, admin)).json.webhooks).toEqual([]);

    const rotated = await t.call('POST', `/api/webhooks/${webhook.id}/rotate-secret`, undefined, admin);
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(secret);
    expect((await t.store.webhooks.getById(webhook.id))?.secret).toBe(rotated.json.secret);

    const paused = await t.call('PATCH', `/api/webhooks/${webhook.id}`, { active: false }, admin);
    expect(paused.json.active).toBe(false);
    expect((await t.call('DELETE', `/api/webhooks/${webhook.id}`, undefined, admin)).status).toBe(204);
    expect((await t.call('DELETE', `/api/webhooks/${webhook.id}`, undefined, admin)).status).toBe(404);

    const audit = (await t.call('GET', '/api/audit?objectType=webhook', undefined, admin)).json.items as { action: string }[];
    expect(audit.map((e) => e.action).sort()).toEqual(['webhook.created', 'webhook.deleted', 'webhook.paused', 'webhook.secretRotated']);
    // The audit log never holds a secret.
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(audit)).not.toContain(rotated.json.secret);
  });

  it('refuses bad input with field paths and changes nothing', async () => {
    const bad = await t.call<Invalid>('POST', '/api/webhooks', { url: 'ftp://example.com/x', events: [] }, admin);
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['events', 'url']);
    const unknownEvent = await createHook<Invalid>({ events: ['experiment.exploded'] });
    expect(unknownEvent.status).toBe(400);
    expect(unknownEvent.json.errors[0].path).toBe('events.0');
    expect((await createHook({ url: 'javascript:alert(1)' })).status).toBe(400);
    expect((await createHook({ extra: true })).status).toBe(400);
    expect((await createHook<Invalid>({}, 'nowhere')).json.errors[0].path).toBe('environment');
    const created = (await createHook<CreatedWebhook>()).json.webhook;
    const badPatch = await t.call<Invalid>('PATCH', `/api/webhooks/${created.id}`, { url: 'not a url', active: 'yes' }, admin);
    expect(badPatch.status).toBe(400);
    expect(badPatch.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['active', 'url']);
    expect((await t.call('GET', '/api/webhooks', undefined, admin)).json.webhooks).toMatchObject([{ url: URL_A, active: true }]);
    expect((await t.call('POST', '/api/webhooks/deliveries/missing/retry', undefined, admin)).status).toBe(404);
    expect((await t.call('GET', '/api/webhooks/missing/deliveries', undefined, admin)).status).toBe(404);
  });

  it('answers 403 to viewers and editors (people and tokens) on every route, 401 to strangers', async () => {
    const hook = (await createHook<CreatedWebhook>()).json.webhook;
    const [delivery] = await t.store.webhooks.listDeliveries(hook.id, 1).then(async (list) => (list.length ? list : [(await t.call<WebhookDelivery>('POST', `/api/webhooks/${hook.id}/test`, undefined, admin)).json]));
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/webhooks'],
      ['POST', '/api/webhooks', { url: URL_A, events: ['change.published'] }],
      ['PATCH', `/api/webhooks/${hook.id}`, { active: false }],
      ['DELETE', `/api/webhooks/${hook.id}`],
      ['POST', `/api/webhooks/${hook.id}/rotate-secret`],
      ['POST', `/api/webhooks/${hook.id}/test`],
      ['GET', `/api/webhooks/${hook.id}/deliveries`],
      ['POST', `/api/webhooks/deliveries/${delivery.id}/retry`],
    ];
    const callers = [await t.userWithRole(admin, 'viewer'), await t.userWithRole(admin, 'editor'), await t.tokenWithRole(admin, 'editor')];
    for (const caller of callers) {
      for (const [method, path, body] of routes) expect([method, path, (await t.call(method, path, body, caller)).status]).toEqual([method, path, 403]);
    }
    for (const [method, path, body] of routes) expect((await t.call(method, path, body)).status).toBe(401);
    expect(await t.store.webhooks.getById(hook.id)).toMatchObject({ active: true });
  });

  it('queues experiment.started and experiment.completed for matching active webhooks of that environment only', async () => {
    const all = (await createHook<CreatedWebhook>({ events: ['experiment.started', 'experiment.completed'] })).json.webhook;
    const startsOnly = (await createHook<CreatedWebhook>({ events: ['experiment.started'] })).json.webhook;
    const paused = (await createHook<CreatedWebhook>({ events: ['experiment.started'] })).json.webhook;
    await t.call('PATCH', `/api/webhooks/${paused.id}`, { active: false }, admin);
    const staging = (await createHook<CreatedWebhook>({ events: ['experiment.started'] }, 'staging')).json.webhook;

    await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Welcome' }, admin);
    const variants = [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'b', name: 'Variant B', weight: 50, overrides: { headline: 'Buy now' } },
    ];
    const experiment = (await t.call('POST', '/api/experiments', { key: 'checkout', name: 'Checkout', variants }, admin)).json;
    const act = async (action: string) => {
      const { version } = (await t.call('GET', `/api/experiments/${experiment.id}`, undefined, admin)).json;
      expect((await t.call('POST', `/api/experiments/${experiment.id}/transitions`, { action, expectedVersion: version }, admin)).status).toBe(200);
    };
    await act('start');
    t.clock.advance(60_000);
    await act('complete');

    expect((await deliveries(all.id)).map((d) => d.eventType)).toEqual(['experiment.completed', 'experiment.started']);
    const [completed] = await deliveries(all.id);
    expect(completed.payload).toMatchObject({ type: 'experiment.completed', environment: { id: 'production', key: 'production' }, data: { experiment: { key: 'checkout', status: 'completed' } } });
    expect((await deliveries(startsOnly.id)).map((d) => d.eventType)).toEqual(['experiment.started']);
    expect(await deliveries(paused.id)).toEqual([]);
    expect(await deliveries(staging.id)).toEqual([]);
  });

  it("a guarded rollout's hidden experiment queues no experiment.* events: its rollout sends rollout.* ones", async () => {
    const hook = (await createHook<CreatedWebhook>({ events: ['experiment.started', 'experiment.completed', 'rollout.rolled_back'] })).json.webhook;
    await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin);
    const metric = (await t.call('POST', '/api/metrics', { key: 'errors', name: 'Errors', kind: 'conversion', event: 'app_error', direction: 'lower' }, admin)).json;
    const rollout = (await t.call('POST', '/api/rollouts?environment=production', {
      name: 'New headline', audience: { kind: 'everyone' }, changes: [{ parameterKey: 'headline', value: 'Hi' }], guardrails: [metric.id],
    }, admin)).json;
    const rolledBack = await t.call('POST', `/api/rollouts/${rollout.id}/actions/roll_back`, { expectedVersion: rollout.version, reason: 'Complaints' }, admin);
    expect(rolledBack.json.status).toBe('rolled_back');
    expect((await deliveries(hook.id)).map((d) => d.eventType)).toEqual(['rollout.rolled_back']);
  });

  it('queues change.published when a change request publishes, with each change', async () => {
    const hook = (await createHook<CreatedWebhook>({ events: ['change.published'] }, 'staging')).json.webhook;
    const p = (await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin)).json;
    const created = (await t.call('POST', '/api/change-requests', {
      environmentId: 'staging', title: 'Warmer headline', changes: [{ parameterId: p.id, baseVersion: 1, after: { defaultValue: 'Hi', killed: false, rules: [] } }],
    }, admin)).json;
    expect((await t.call('POST', `/api/change-requests/${created.id}/publish`, { expectedVersion: created.version }, admin)).status).toBe(200);
    const [published] = await deliveries(hook.id);
    expect(published.payload).toMatchObject({
      type: 'change.published', environment: { key: 'staging' },
      data: { changeRequest: { title: 'Warmer headline' }, parameters: [{ key: 'headline', before: { defaultValue: 'Hello' }, after: { defaultValue: 'Hi' } }] },
    });
  });

  it('a failing queue write is logged and does not fail the action', async () => {
    const logged: string[] = [];
    t = createTestApp({ log: (message) => logged.push(message) });
    configureWebhookDelivery(t.app.services, { autoDeliver: false });
    admin = await t.setupAdmin();
    await createHook({ events: ['change.published'] }, 'staging');
    // Every memory store (a transaction's too) shares the class: make its queue write fail.
    vi.spyOn(MemoryWebhooks.prototype, 'insertDeliveries').mockRejectedValue(new Error('disk full'));
    const p = (await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin)).json;
    const created = (await t.call('POST', '/api/change-requests', {
      environmentId: 'staging', title: 'T', changes: [{ parameterId: p.id, baseVersion: 1, after: { defaultValue: 'Hi', killed: false, rules: [] } }],
    }, admin)).json;
    expect((await t.call('POST', `/api/change-requests/${created.id}/publish`, { expectedVersion: created.version }, admin)).status).toBe(200);
    expect(logged).toContain('Queuing "change.published" webhook deliveries failed');
    vi.restoreAllMocks();
  });
});
