import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Webhook, WebhookDelivery } from '../../../../shared/contract/webhooks';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { WebhooksPanel } from './webhooks-panel';

const hook: Webhook = {
  id: 'wh-1',
  environmentId: 'staging',
  url: 'https://hooks.example.com/in',
  description: '#releases',
  events: ['change.published', 'rollout.rolled_back'],
  active: true,
  secretHint: 'abcd',
  createdAt: '2025-01-02T10:00:00.000Z',
  createdBy: 'Ada',
};

const delivery = (overrides: Partial<WebhookDelivery>): WebhookDelivery => ({
  id: 'd-1', webhookId: 'wh-1', eventType: 'change.published', payload: {}, status: 'delivered', attempts: 1, nextAttemptAt: null,
  lastStatus: 200, lastResponse: 'ok', createdAt: '2025-01-03T10:00:00.000Z', deliveredAt: '2025-01-03T10:00:01.000Z', ...overrides,
});

const render = () => renderWithApp(<WebhooksPanel />, { session: testSession(), path: '/settings/webhooks?env=staging' });

describe('WebhooksPanel', () => {
  it("lists the header environment's webhooks, with an empty state", async () => {
    const asked: string[] = [];
    server.use(http.get('/api/webhooks', ({ request }) => (asked.push(new URL(request.url).searchParams.get('environment')!), HttpResponse.json({ webhooks: [] }))));
    render();
    expect(await screen.findByText('No webhooks yet')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Webhooks in Staging' })).toBeInTheDocument();
    expect(asked).toContain('staging');
  });

  it('says when the list cannot load, and tries again', async () => {
    let fail = true;
    server.use(http.get('/api/webhooks', () => (fail ? problemJson(500, 'Internal error', 'Database unavailable') : HttpResponse.json({ webhooks: [hook] }))));
    const { user } = render();
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load webhooks');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('https://hooks.example.com/in')).toBeInTheDocument();
  });

  it('adds a webhook with the chosen events and shows the secret once with how to verify it', async () => {
    const hooks: Webhook[] = [];
    const bodies: unknown[] = [];
    server.use(
      http.get('/api/webhooks', () => HttpResponse.json({ webhooks: hooks })),
      http.post('/api/webhooks', async ({ request }) => {
        const body = (await request.json()) as { url: string; events: Webhook['events'] };
        bodies.push({ ...body, environment: new URL(request.url).searchParams.get('environment') });
        hooks.push({ ...hook, url: body.url, events: body.events });
        return HttpResponse.json({ webhook: hooks[0], secret: 'whsec_the_secret' }, { status: 201 });
      }),
    );
    const { user } = render();
    await user.type(await screen.findByLabelText(/^URL/), 'https://example.org/hook');
    // Every event starts ticked: untick two.
    await user.click(screen.getByRole('checkbox', { name: 'Experiment started' }));
    await user.click(screen.getByRole('checkbox', { name: 'Experiment completed' }));
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));

    expect(await screen.findByLabelText('Signing secret')).toHaveValue('whsec_the_secret');
    expect(screen.getByText(/won’t be shown again/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy secret' })).toBeInTheDocument();
    expect(screen.getByLabelText('How to verify the signature')).toHaveTextContent("createHmac('sha256', secret)");
    expect(bodies[0]).toMatchObject({ url: 'https://example.org/hook', environment: 'staging', description: '' });
    expect((bodies[0] as { events: string[] }).events).not.toContain('experiment.started');
    expect((bodies[0] as { events: string[] }).events).toContain('change.published');
    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByLabelText('Signing secret')).not.toBeInTheDocument();
  });

  it("shows the server's field errors under the field, and asks for at least one event", async () => {
    server.use(
      http.get('/api/webhooks', () => HttpResponse.json({ webhooks: [] })),
      http.post('/api/webhooks', () => problemJson(400, 'Invalid request', 'Check the URL', [{ path: 'url', message: 'Use an http or https URL' }])),
    );
    const { user } = render();
    await user.type(await screen.findByLabelText(/^URL/), 'https://example.org/hook');
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect(await screen.findByText('Use an http or https URL')).toBeInTheDocument();

    for (const box of screen.getAllByRole('checkbox')) if ((box as HTMLInputElement).checked) await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect(await screen.findByText('Choose at least one event')).toBeInTheDocument();
  });

  it('pauses, sends a test and shows the delivery log with answers, and retries a failed delivery', async () => {
    let current = hook;
    const retried: string[] = [];
    let deliveries = [
      delivery({ id: 'd-2', status: 'failed', attempts: 6, lastStatus: 500, lastResponse: 'Internal Server Error from the receiver', deliveredAt: null }),
      delivery({ id: 'd-1' }),
    ];
    server.use(
      http.get('/api/webhooks', () => HttpResponse.json({ webhooks: [current] })),
      http.patch('/api/webhooks/:id', async ({ request }) => {
        current = { ...current, ...((await request.json()) as Partial<Webhook>) };
        return HttpResponse.json(current);
      }),
      http.post('/api/webhooks/:id/test', () => {
        const queued = delivery({ id: 'd-3', eventType: 'webhook.test', status: 'delivered', lastStatus: 204, lastResponse: '' });
        deliveries = [queued, ...deliveries];
        return HttpResponse.json(queued, { status: 202 });
      }),
      http.get('/api/webhooks/:id/deliveries', () => HttpResponse.json({ deliveries })),
      http.post('/api/webhooks/deliveries/:id/retry', ({ params }) => {
        retried.push(params.id as string);
        return HttpResponse.json({ ...deliveries[1], status: 'pending' }, { status: 202 });
      }),
    );
    const { user } = render();
    const card = await screen.findByRole('article', { name: 'Webhook #releases' });
    expect(within(card).getByText('Active')).toBeInTheDocument();
    expect(within(card).getByText('Rollout rolled back')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Pause' }));
    expect(await within(card).findByText('Paused')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Resume' })).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Send test' }));
    const log = await within(card).findByRole('table');
    expect(await within(log).findByText('Test delivery')).toBeInTheDocument();
    expect(within(log).getByText('HTTP 500')).toBeInTheDocument();
    expect(within(log).getByText('Internal Server Error from the receiver')).toBeInTheDocument();
    expect(within(log).getByText('Failed')).toBeInTheDocument();

    const retryButtons = within(log).getAllByRole('button', { name: /^Retry change published/ });
    await user.click(retryButtons[0]);
    await waitFor(() => expect(retried).toEqual(['d-2']));
  });

  it('deletes after confirmation, and rotates the secret showing the new one once', async () => {
    let hooks = [hook];
    server.use(
      http.get('/api/webhooks', () => HttpResponse.json({ webhooks: hooks })),
      http.post('/api/webhooks/:id/rotate-secret', () => HttpResponse.json({ webhook: { ...hook, secretHint: 'wxyz' }, secret: 'whsec_new_one' })),
      http.delete('/api/webhooks/:id', () => {
        hooks = [];
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = render();
    const card = await screen.findByRole('article', { name: 'Webhook #releases' });
    await user.click(within(card).getByRole('button', { name: 'Rotate secret' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Rotate the signing secret?' })).getByRole('button', { name: 'Rotate secret' }));
    expect(await screen.findByLabelText('Signing secret')).toHaveValue('whsec_new_one');
    expect(screen.getByText(/The old secret no longer signs anything/)).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Delete webhook #releases' }));
    expect(screen.getByRole('dialog', { name: 'Delete this webhook?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete webhook' }));
    expect(await screen.findByText('No webhooks yet')).toBeInTheDocument();
  });
});
