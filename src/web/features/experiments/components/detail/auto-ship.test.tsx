import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { routes } from '../../../../app/routing/routes';
import { server } from '../../../../test/server';
import { renderWithApp } from '../../../../test/render';
import { createDraftExperiment, moveThrough } from '../../test/fixtures';
import { useRealApi } from '../../test/real-api';
import { dayText } from '../../utils/auto-ship';

// Auto-ship in the dashboard, against the real API through MSW: the editor's switch in the
// schedule step, and the experiment page's card saying what it will do and when, or what it did.

type Api = Awaited<ReturnType<typeof useRealApi>>;
const DAY = 24 * 60 * 60_000;

async function withPrimaryMetric(api: Api, overrides: Record<string, unknown> = {}): Promise<Experiment> {
  const metric = (await api.call('POST', '/api/metrics', { key: 'purchase', name: 'Purchase conversion', kind: 'conversion', event: 'purchase' })) as { id: string };
  return createDraftExperiment(api, { metrics: { primary: metric.id, secondary: [], guardrails: [] }, ...overrides });
}

describe('auto-ship: editor switch', () => {
  it('is off by default; on, saves the minimum days and the audience', async () => {
    const api = await useRealApi();
    const draft = await withPrimaryMetric(api);
    const { user } = renderWithApp(null, { routes, path: `/experiments/${draft.id}/edit?step=schedule`, session: api.session });

    const toggle = await screen.findByRole('switch', { name: /^Auto-ship the winner/ });
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleDescription(/clear winner after the minimum days and no guardrail gets worse.*guarded rollout \(10 → 25 → 50 → 100%\)/);
    expect(screen.queryByRole('textbox', { name: /Minimum days/ })).not.toBeInTheDocument();

    await user.click(toggle);
    const days = screen.getByRole('textbox', { name: /Minimum days/ });
    expect(days).toHaveValue('7');
    await user.clear(days);
    await user.type(days, '10');
    await user.click(screen.getByText('Everyone'));
    expect(screen.getByText(/It ships to everyone no earlier than 10 days after the start/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved as version 2')).toBeInTheDocument();
    const saved = (await api.call('GET', `/api/experiments/${draft.id}`)) as Experiment;
    expect(saved.autoShip).toMatchObject({ enabled: true, minDays: 10, audience: 'everyone' });
  });

  it('shows the server’s refusal beside the switch where the environment requires approval, and saves nothing', async () => {
    const api = await useRealApi();
    const draft = await withPrimaryMetric(api);
    const production = ((await api.call('GET', '/api/environments')) as { items: { key: string; id: string; version: number }[] }).items.find((e) => e.key === 'production')!;
    await api.call('PATCH', `/api/environments/${production.id}`, { expectedVersion: production.version, requiresApproval: true });
    const { user } = renderWithApp(null, { routes, path: `/experiments/${draft.id}/edit?step=schedule`, session: api.session });

    await user.click(await screen.findByRole('switch', { name: /^Auto-ship the winner/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByRole('switch', { name: /^Auto-ship the winner/ })).toHaveAccessibleDescription(/requires approval.*change request/));
    expect(((await api.call('GET', `/api/experiments/${draft.id}`)) as Experiment).version).toBe(draft.version);
  });
});

describe('auto-ship: experiment page card', () => {
  it('says what it will do and from when, naming the primary metric and the steps', async () => {
    const api = await useRealApi();
    const draft = await withPrimaryMetric(api, { autoShip: { enabled: true, minDays: 5, audience: 'everyone' } });
    const running = await moveThrough(api, draft, ['start']);
    renderWithApp(null, { routes, path: `/experiments/${running.id}`, session: api.session });

    const card = await screen.findByRole('region', { name: 'Auto-ship' });
    const from = dayText(new Date(Date.parse(running.startedAt!) + 5 * DAY));
    expect(await within(card).findByText(`From ${from}, if a variant wins on Purchase conversion and no guardrail worsens, it ships to everyone through a guarded rollout (10 → 25 → 50 → 100%).`)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Details' })).getByText('The winner, after at least 5 days, to everyone')).toBeInTheDocument();
  });

  it('still says it without the metric catalog (its request failed), and is absent when auto-ship is off', async () => {
    const api = await useRealApi();
    const draft = await withPrimaryMetric(api, { autoShip: { enabled: true, minDays: 1 } });
    server.use(http.get('/api/metrics', () => HttpResponse.json({ title: 'Down' }, { status: 500 })));
    const { unmount } = renderWithApp(null, { routes, path: `/experiments/${draft.id}`, session: api.session });
    const card = await screen.findByRole('region', { name: 'Auto-ship' });
    expect(await within(card).findByText(/^From 1 day after the start, if a variant wins on the primary metric and no guardrail worsens, it ships to the experiment's audience/)).toBeInTheDocument();
    unmount();

    const other = (await api.call('POST', '/api/experiments', { key: 'plain', name: 'Plain' })) as Experiment;
    renderWithApp(null, { routes, path: `/experiments/${other.id}`, session: api.session });
    expect(await screen.findByRole('heading', { level: 1, name: 'Plain' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Auto-ship' })).not.toBeInTheDocument();
  });

  it('names the leading variant, and says what stopped it from shipping', async () => {
    const api = await useRealApi();
    const draft = await withPrimaryMetric(api, { autoShip: { enabled: true, minDays: 7, audience: 'everyone' } });
    const running = await moveThrough(api, draft, ['start']);
    // What runAutoShip writes when it finds a winner it cannot ship (its own API tests prove that it does).
    const stuck: Experiment = {
      ...running,
      winnerFound: { variant: 'b', at: '2026-01-03T09:00:00.000Z' },
      autoShip: { ...running.autoShip!, problem: { at: '2026-01-08T09:00:00.000Z', message: 'Production requires approval: propose it in a change request' } },
      version: running.version + 1,
    };
    await api.store.experiments.update(stuck, running.version);
    renderWithApp(null, { routes, path: `/experiments/${running.id}`, session: api.session });

    const card = await screen.findByRole('region', { name: 'Auto-ship' });
    expect(await within(card).findByText(/if Variant B still wins on Purchase conversion and no guardrail worsens, it ships to everyone/)).toBeInTheDocument();
    expect(within(card).getByText(/Variant B has been winning since/)).toBeInTheDocument();
    expect(within(card).getByText('Production requires approval: propose it in a change request')).toBeInTheDocument();
  });

  it('after shipping, links to the rollout it started', async () => {
    const api = await useRealApi();
    const draft = await withPrimaryMetric(api, { autoShip: { enabled: true, minDays: 7, audience: 'everyone' } });
    const completed = await moveThrough(api, draft, ['start', 'complete']);
    // What runAutoShip writes when it ships (its own API tests prove that it does).
    const shipped: Experiment = { ...completed, autoShip: { ...completed.autoShip!, shipped: { at: '2026-01-08T09:00:00.000Z', variant: 'b', rolloutId: 'r-123' } }, version: completed.version + 1 };
    await api.store.experiments.update(shipped, completed.version);
    renderWithApp(null, { routes, path: `/experiments/${completed.id}`, session: api.session });

    const card = await screen.findByRole('region', { name: 'Auto-ship' });
    expect(within(card).getByText(/Variant B won and shipped on .* to everyone through a guarded rollout/)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Open the rollout' })).toHaveAttribute('href', '/rollouts/r-123');
  });
});
