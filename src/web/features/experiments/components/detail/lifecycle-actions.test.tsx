import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExperimentAction, ExperimentStatus } from '../../../../../shared/contract/experiments';
import { routes } from '../../../../app/routing/routes';
import { renderWithApp } from '../../../../test/render';
import { createDraftExperiment, moveThrough } from '../../test/fixtures';
import { useRealApi } from '../../test/real-api';

const cases: [ExperimentStatus, ExperimentAction[], string[]][] = [
  ['draft', [], ['Schedule', 'Start now', 'Archive']],
  ['scheduled', ['schedule'], ['Unschedule', 'Start now']],
  ['running', ['start'], ['Pause', 'Complete']],
  ['paused', ['start', 'pause'], ['Resume', 'Complete']],
  ['completed', ['start', 'complete'], ['Archive']],
  ['archived', ['start', 'complete', 'archive'], []],
];

describe('experiment detail: lifecycle buttons', () => {
  it.each(cases)('a %s experiment offers the actions the transitions table allows', async (status, actions, buttons) => {
    const api = await useRealApi();
    const draft = await createDraftExperiment(api, { startAt: '2026-02-01T09:00:00.000Z' });
    const experiment = await moveThrough(api, draft, actions);
    expect(experiment.status).toBe(status);

    renderWithApp(null, { routes, path: `/experiments/${experiment.id}`, session: api.session });

    expect(await screen.findByRole('heading', { level: 1, name: 'Hero test' })).toBeInTheDocument();
    const lifecycle = screen.queryByRole('group', { name: 'Lifecycle' });
    if (buttons.length === 0) expect(lifecycle).not.toBeInTheDocument();
    else expect(within(lifecycle as HTMLElement).getAllByRole('button').map((button) => button.textContent)).toEqual(buttons);
  });

  it('asks before starting, then shows the running actions and locks the variants', async () => {
    const api = await useRealApi();
    const draft = await createDraftExperiment(api);
    const { user } = renderWithApp(null, { routes, path: `/experiments/${draft.id}`, session: api.session });

    await user.click(await screen.findByRole('button', { name: 'Start now' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start “Hero test” now?' });
    expect(within(dialog).getByText(/Users in the audience start getting variants right away/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Start now' }));

    const lifecycle = await screen.findByRole('group', { name: 'Lifecycle' });
    expect(await within(lifecycle).findByRole('button', { name: 'Pause' })).toBeInTheDocument();
    expect(within(lifecycle).getByRole('button', { name: 'Complete' })).toBeInTheDocument();
    expect(screen.getByText(/the variants and the values they serve are locked/)).toBeInTheDocument();
    expect(((await api.call('GET', `/api/experiments/${draft.id}`)) as { status: string }).status).toBe('running');
  });

  it('shows why the server refused to start', async () => {
    const api = await useRealApi();
    const draft = await createDraftExperiment(api, {
      variants: [
        { key: 'control', name: 'Control', weight: 50, overrides: {} },
        { key: 'b', name: 'Variant B', weight: 50, overrides: {} },
      ],
    });
    const { user } = renderWithApp(null, { routes, path: `/experiments/${draft.id}`, session: api.session });

    await user.click(await screen.findByRole('button', { name: 'Start now' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Start now' }));

    expect(await within(dialog).findByText(/Override at least one parameter in a variant/)).toBeInTheDocument();
    expect(((await api.call('GET', `/api/experiments/${draft.id}`)) as { status: string }).status).toBe('draft');
  });

  it('where approval is required, offers to propose the start as a change request and opens it', async () => {
    const api = await useRealApi();
    const draft = await createDraftExperiment(api);
    const production = ((await api.call('GET', '/api/environments')) as { items: { id: string; version: number }[] }).items.find((e) => e.id === 'production')!;
    await api.call('PATCH', '/api/environments/production', { expectedVersion: production.version, requiresApproval: true });
    const { user } = renderWithApp(null, { routes, path: `/experiments/${draft.id}`, session: api.session });

    await user.click(await screen.findByRole('button', { name: 'Start now' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Start now' }));
    expect(await screen.findByText('This environment requires approval')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Propose starting it' }));

    expect(await screen.findByRole('heading', { name: 'Start “Hero test”' }, { timeout: 10_000 })).toBeInTheDocument();
    const requests = (await api.call('GET', '/api/change-requests?environment=production')) as { items: { experiments: { experimentId: string; action: string }[] }[] };
    expect(requests.items.map((r) => r.experiments)).toEqual([[expect.objectContaining({ experimentId: draft.id, action: 'start' })]]);
    expect(((await api.call('GET', `/api/experiments/${draft.id}`)) as { status: string }).status).toBe('draft');
  });
});
