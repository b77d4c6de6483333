import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useRealApi } from '../../features/experiments/test/real-api';
import { testRollout } from '../../features/rollouts/test/fixtures';
import { problemJson, renderWithApp } from '../../test/render';
import { server } from '../../test/server';
import { routes } from '../routing/routes';

describe('parameter page: guarded rollouts', () => {
  it('links to the rollout in progress, and "Roll out safely…" posts the new value, steps and guardrails, showing errors in place', async () => {
    const api = await useRealApi();
    await api.call('POST', '/api/parameters', { key: 'cta-text', name: 'CTA text', spec: { type: 'string' }, defaultValue: 'Buy' });
    const metric = (await api.call('POST', '/api/metrics', { key: 'purchases', name: 'Purchases', kind: 'conversion', event: 'purchase', direction: 'higher' })) as { id: string };
    const sent: Array<{ search: string; body: unknown }> = [];
    server.use(
      http.get('/api/rollouts', ({ request }) =>
        HttpResponse.json({ rollouts: new URL(request.url).searchParams.get('parameterKey') === 'cta-text' ? [testRollout({ id: 'rollout-7', name: 'Older CTA test' })] : [] }),
      ),
      http.post('/api/rollouts', async ({ request }) => {
        sent.push({ search: new URL(request.url).search, body: await request.json() });
        return sent.length === 1
          ? problemJson(400, 'Invalid request', 'Some fields need attention.', [{ path: 'changes.0.value', message: 'Use at most 10 characters' }, { path: 'guardrails', message: 'Choose at least one guardrail metric' }])
          : HttpResponse.json(testRollout({ id: 'rollout-8' }), { status: 201 });
      }),
      http.get('/api/rollouts/:id', () => HttpResponse.json(testRollout({ id: 'rollout-8' }))),
    );
    const { user, router } = renderWithApp(null, { routes, path: '/parameters/cta-text?env=production', session: api.session });

    expect(await screen.findByText('Guarded rollout in progress: step 2 of 4 (25%)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the rollout “Older CTA test”' })).toHaveAttribute('href', '/rollouts/rollout-7?env=production');

    await user.click(screen.getByRole('button', { name: 'Roll out safely…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Roll out a new value of CTA text' });
    const value = within(dialog).getByRole('textbox', { name: /^New value/ });
    expect(value).toHaveValue('Buy');
    await user.clear(value);
    await user.type(value, 'Buy it today, really');
    await user.click(within(dialog).getByRole('button', { name: 'Remove step 2' }));
    await user.click(within(dialog).getByRole('button', { name: 'Start guarded rollout' }));

    expect(await within(dialog).findByText('Use at most 10 characters')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose at least one guardrail metric')).toBeInTheDocument();
    expect(sent[0]).toEqual({
      search: '?environment=production',
      body: {
        name: 'New CTA text',
        audience: { kind: 'everyone' },
        changes: [{ parameterKey: 'cta-text', value: 'Buy it today, really' }],
        steps: [
          { percent: 10, minMinutes: 60, minUsers: 1000 },
          { percent: 50, minMinutes: 60, minUsers: 1000 },
          { percent: 100, minMinutes: 0, minUsers: 0 },
        ],
        guardrails: [],
      },
    });

    await user.click(within(dialog).getByRole('combobox', { name: 'Guardrail metrics' }));
    await user.click(await screen.findByRole('option', { name: 'Purchases' }));
    await user.click(within(dialog).getByRole('button', { name: 'Start guarded rollout' }));
    // The rollout page is a lazy chunk of its own: its first load may take a while on a busy machine.
    await screen.findByRole('heading', { level: 1, name: 'New paywall title' }, { timeout: 15_000 });
    expect(router.state.location.pathname).toBe('/rollouts/rollout-8');
    expect((sent[1]?.body as { guardrails: string[] }).guardrails).toEqual([metric.id]);
  });

  it('where the environment requires approval, lets an admin start it directly with a reason', async () => {
    const api = await useRealApi();
    await api.call('POST', '/api/parameters', { key: 'cta-text', name: 'CTA text', spec: { type: 'string' }, defaultValue: 'Buy' });
    const production = ((await api.call('GET', '/api/environments')) as { items: Array<{ id: string; version: number }> }).items.find((e) => e.id === 'production')!;
    await api.call('PATCH', '/api/environments/production', { expectedVersion: production.version, requiresApproval: true });
    const sent: unknown[] = [];
    server.use(
      http.get('/api/rollouts', () => HttpResponse.json({ rollouts: [] })),
      http.post('/api/rollouts', async ({ request }) => {
        sent.push(await request.json());
        return problemJson(400, 'Invalid request', 'Some fields need attention.', [{ path: 'bypassReason', message: 'Say why, in at least 10 characters' }]);
      }),
    );
    const { user } = renderWithApp(null, { routes, path: '/parameters/cta-text?env=production', session: api.session });

    await user.click(await screen.findByRole('button', { name: 'Roll out safely…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Roll out a new value of CTA text' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Why start it without approval' }), 'Hotfix');
    await user.click(within(dialog).getByRole('button', { name: 'Start guarded rollout' }));
    expect(await within(dialog).findByText('Say why, in at least 10 characters')).toBeInTheDocument();
    expect(sent[0]).toMatchObject({ bypassReason: 'Hotfix' });
  });
});
