import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routing/routes';
import { renderWithApp } from '../../../test/render';
import { createDraftExperiment, moveThrough } from '../test/fixtures';
import { useRealApi } from '../test/real-api';

const rowNames = () =>
  within(screen.getByRole('table', { name: 'Experiments, newest first' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('link').textContent);

describe('experiments list', () => {
  it('says so when there are none yet and offers to create one', async () => {
    const api = await useRealApi();
    renderWithApp(null, { routes, path: '/experiments', session: api.session });
    expect(await screen.findByText('No experiments yet')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'New experiment' })).toHaveLength(2);
  });

  it('filters by status and by search', async () => {
    const api = await useRealApi();
    await moveThrough(api, await createDraftExperiment(api), ['start']);
    api.clock.advance(60_000); // newer, so listed first
    await api.call('POST', '/api/experiments', { key: 'pricing-page', name: 'Pricing page' });
    const { user } = renderWithApp(null, { routes, path: '/experiments', session: api.session });

    expect(await screen.findByRole('link', { name: 'Pricing page' })).toBeInTheDocument();
    expect(rowNames()).toEqual(['Pricing page', 'Hero test']);
    const hero = screen.getByRole('row', { name: /Hero test/ });
    expect(within(hero).getByText('Running')).toBeInTheDocument();
    expect(within(hero).getByText('Everyone')).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Draft' }));
    await screen.findByText((_, element) => element?.tagName === 'TABLE' && !element.textContent?.includes('Hero test'));
    expect(rowNames()).toEqual(['Pricing page']);

    // Choosing the chosen status again clears the filter.
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Draft' }));
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'hero');
    await screen.findByText((_, element) => element?.tagName === 'TABLE' && !element.textContent?.includes('Pricing page'));
    expect(rowNames()).toEqual(['Hero test']);

    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'zzz');
    expect(await screen.findByText('No experiments match')).toBeInTheDocument();
  });
});
