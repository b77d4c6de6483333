import { screen, waitFor, within } from '@testing-library/react';
import type { Experiment } from '../../../shared/contract/experiments';
import { describe, expect, it } from 'vitest';
import { createDraftExperiment } from '../../features/experiments/test/fixtures';
import { useRealApi } from '../../features/experiments/test/real-api';
import { renderWithApp } from '../../test/render';
import { routes } from '../routing/routes';

describe('experiments per environment (real API)', () => {
  it('lists an experiment only in its environment and says on its page where it runs', async () => {
    const api = await useRealApi();
    const experiment = await createDraftExperiment(api, { environmentId: 'staging' });

    const { unmount } = renderWithApp(null, { routes, path: '/experiments?env=staging', session: api.session });
    expect(await screen.findByRole('link', { name: 'Hero test' })).toBeInTheDocument();
    unmount();

    const production = renderWithApp(null, { routes, path: '/experiments?env=production', session: api.session });
    expect(await screen.findByRole('heading', { level: 1, name: 'Experiments' })).toBeInTheDocument();
    expect(await screen.findByText(/No experiments/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Hero test' })).not.toBeInTheDocument();
    production.unmount();

    renderWithApp(null, { routes, path: `/experiments/${experiment.id}`, session: api.session });
    expect(await screen.findByRole('heading', { level: 1, name: 'Hero test' })).toBeInTheDocument();
    const header = screen.getByText('Runs in').parentElement as HTMLElement;
    expect(await within(header).findByText('Staging')).toBeInTheDocument();
  });

  it('creates a new experiment in the environment on screen', async () => {
    const api = await useRealApi();
    const { user, router } = renderWithApp(null, { routes, path: '/experiments/new?env=staging', session: api.session });

    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Staging test');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/experiments\/[^/]+\/edit$/));
    const { items } = (await api.call('GET', '/api/experiments?environment=staging')) as { items: Experiment[] };
    expect(items.map((item) => [item.name, item.environmentId])).toEqual([['Staging test', 'staging']]);
  });
});
