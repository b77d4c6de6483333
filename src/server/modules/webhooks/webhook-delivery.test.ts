import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookDelivery } from '../../../shared/contract/webhooks';
import { createTestApp, type Caller } from '../../test/harness';
import { configureWebhookDelivery, deliverWebhooks, MAX_ATTEMPTS, RETRY_DELAYS_MS, webhookDeliveryIdle } from './delivery';

// Deliveries to a real HTTP receiver on this machine (node:http on port 0), on a fake clock.

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => { s.closeAllConnections(); s.close(done); })));
});

/** A receiver answering with `answer`; resolves its URL and what it got. */
async function receiver(answer: (res: ServerResponse, received: Received) => void) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const entry = { headers: req.headers, body };
      received.push(entry);
      answer(res, entry);
    });
  });
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

/** How a receiver checks a delivery (the README snippet, in Node). */
function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex');
  return expected.length === parts.v1.length && timingSafeEqual(Buffer.from(expected), Buffer.from(parts.v1));
}

async function setup() {
  const t = createTestApp();
  const admin: Caller = await t.setupAdmin();
  const addHook = async (url: string, events = ['change.published']) => (await t.call('POST', '/api/webhooks?environment=staging', { url, events }, admin)).json as { webhook: { id: string }; secret: string };
  const log = async (id: string) => (await t.call<{ deliveries: WebhookDelivery[] }>('GET', `/api/webhooks/${id}/deliveries`, undefined, admin)).json.deliveries;
  return { t, admin, addHook, log };
}

describe('webhook delivery', { timeout: 30_000 }, () => {
  it('a real receiver gets a signed delivery right after the test is queued, and it is logged as delivered', async () => {
    const { t, admin, addHook, log } = await setup();
    const target = await receiver((res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks'));
    const { webhook, secret } = await addHook(target.url);

    const queued = await t.call<WebhookDelivery>('POST', `/api/webhooks/${webhook.id}/test`, undefined, admin);
    expect(queued.status).toBe(202);
    await webhookDeliveryIdle(t.app.services);

    expect(target.received).toHaveLength(1);
    const [{ headers, body }] = target.received;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['switchboard-event']).toBe('webhook.test');
    expect(headers['switchboard-delivery']).toBe(queued.json.id);
    const signature = headers['switchboard-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(signature.startsWith(`t=${Math.floor(t.clock.now().getTime() / 1000)},`)).toBe(true);
    expect(verify(secret, signature, body)).toBe(true);
    expect(verify(secret, signature, body.replace('webhook.test', 'webhook.fake'))).toBe(false);
    expect(JSON.parse(body)).toEqual({
      id: queued.json.id, type: 'webhook.test', environment: { id: 'staging', key: 'staging' }, occurredAt: t.clock.now().toISOString(),
      data: { message: 'A test delivery from Switchboard', sentBy: expect.stringContaining('admin@example.com') },
    });
    const [logged] = await log(webhook.id);
    expect(logged).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200, lastResponse: 'thanks', nextAttemptAt: null, deliveredAt: t.clock.now().toISOString() });
  });

  it('retries a failing receiver with backoff on the clock, then gives up; the log keeps its answers; Retry sends once more', async () => {
    const { t, admin, addHook, log } = await setup();
    configureWebhookDelivery(t.app.services, { autoDeliver: false });
    let answers = 0;
    const target = await receiver((res) => res.writeHead(500).end(`broken #${++answers} ${'x'.repeat(5000)}`));
    const { webhook } = await addHook(target.url);
    await t.call('POST', `/api/webhooks/${webhook.id}/test`, undefined, admin);

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect((await deliverWebhooks(t.app.services)).attempted).toBe(1);
      const [delivery] = await log(webhook.id);
      expect(delivery).toMatchObject({ attempts: attempt, lastStatus: 500 });
      expect(delivery.lastResponse).toHaveLength(1000);
      expect((delivery.lastResponse as string).startsWith(`broken #${attempt} `)).toBe(true);
      if (attempt < MAX_ATTEMPTS) {
        const wait = RETRY_DELAYS_MS[attempt - 1];
        expect(delivery).toMatchObject({ status: 'pending', nextAttemptAt: new Date(t.clock.now().getTime() + wait).toISOString() });
        // Not before its time.
        t.clock.advance(wait - 1000);
        expect((await deliverWebhooks(t.app.services)).attempted).toBe(0);
        t.clock.advance(1000);
      } else {
        expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null });
      }
    }
    t.clock.advance(24 * 3_600_000);
    expect((await deliverWebhooks(t.app.services)).attempted).toBe(0);
    expect(target.received).toHaveLength(MAX_ATTEMPTS);
    // Every attempt sent the same bytes.
    expect(new Set(target.received.map((r) => r.body)).size).toBe(1);

    const [failed] = await log(webhook.id);
    expect((await t.call('POST', `/api/webhooks/deliveries/${failed.id}/retry`, undefined, admin)).status).toBe(202);
    expect((await deliverWebhooks(t.app.services)).attempted).toBe(1);
    expect((await log(webhook.id))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS + 1 });
  });

  it('a receiver that never answers times out and is retried, while others are delivered in the same run', async () => {
    const { t, admin, addHook, log } = await setup();
    configureWebhookDelivery(t.app.services, { autoDeliver: false, timeoutMs: 300 });
    const silent = await receiver(() => {}); // never answers
    const prompt = await receiver((res) => res.writeHead(204).end());
    const slowHook = (await addHook(silent.url)).webhook;
    const quickHook = (await addHook(prompt.url)).webhook;
    await t.call('POST', `/api/webhooks/${slowHook.id}/test`, undefined, admin);
    await t.call('POST', `/api/webhooks/${quickHook.id}/test`, undefined, admin);

    expect((await deliverWebhooks(t.app.services)).attempted).toBe(2);
    expect((await log(slowHook.id))[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatus: null, lastResponse: 'No answer within 0.3 s' });
    expect((await log(quickHook.id))[0]).toMatchObject({ status: 'delivered', lastStatus: 204 });
  });

  it('queuing does not wait for the receiver: the API answers while the receiver still holds the request', async () => {
    const { t, admin, addHook, log } = await setup();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const target = await receiver((res) => void held.then(() => res.writeHead(200).end('late')));
    const { webhook } = await addHook(target.url);
    const queued = await t.call<WebhookDelivery>('POST', `/api/webhooks/${webhook.id}/test`, undefined, admin);
    expect(queued.status).toBe(202);
    expect(queued.json.status).toBe('pending');
    release();
    await webhookDeliveryIdle(t.app.services);
    expect((await log(webhook.id))[0]).toMatchObject({ status: 'delivered', lastResponse: 'late' });
  });

  it('an unreachable receiver is logged as such, and a paused webhook sends no queued event', async () => {
    const { t, admin, addHook, log } = await setup();
    configureWebhookDelivery(t.app.services, { autoDeliver: false });
    const closed = await receiver(() => {});
    const url = closed.url;
    await new Promise((done) => servers.pop()!.close(done));
    const { webhook } = await addHook(url);
    await t.call('POST', `/api/webhooks/${webhook.id}/test`, undefined, admin);
    await deliverWebhooks(t.app.services);
    expect((await log(webhook.id))[0]).toMatchObject({ status: 'pending', lastStatus: null, lastResponse: expect.stringMatching(/^Could not connect/) });

    const other = await receiver((res) => res.writeHead(200).end());
    const paused = (await addHook(other.url)).webhook;
    const p = (await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin)).json;
    const created = (await t.call('POST', '/api/change-requests', {
      environmentId: 'staging', title: 'T', changes: [{ parameterId: p.id, baseVersion: 1, after: { defaultValue: 'Hi', killed: false, rules: [] } }],
    }, admin)).json;
    await t.call('POST', `/api/change-requests/${created.id}/publish`, { expectedVersion: created.version }, admin);
    await t.call('PATCH', `/api/webhooks/${paused.id}`, { active: false }, admin);
    await deliverWebhooks(t.app.services);
    expect(other.received).toHaveLength(0);
    expect((await log(paused.id))[0]).toMatchObject({ eventType: 'change.published', status: 'failed', lastResponse: 'Not sent: the webhook is paused' });
  });
});
