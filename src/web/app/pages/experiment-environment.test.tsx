import { screen, within } from '@testing-library/react';
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
});
