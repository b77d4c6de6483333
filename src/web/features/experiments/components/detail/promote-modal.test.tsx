import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../../../../shared/contract/experiments';
import type { Parameter } from '../../../../../shared/contract/parameters';
import { routes } from '../../../../app/routing/routes';
import { renderWithApp } from '../../../../test/render';
import { createDraftExperiment, moveThrough } from '../../test/fixtures';
import { useRealApi } from '../../test/real-api';

describe('promote the winner', () => {
  it('shows every change (old → new) before writing it, then offers Undo, which removes the rule again', async () => {
    const api = await useRealApi();
    const running = await moveThrough(api, await createDraftExperiment(api), ['start']);
    const { user } = renderWithApp(null, { routes, path: `/experiments/${running.id}`, session: api.session });

    await user.click(await screen.findByRole('button', { name: 'Promote winner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Promote the winner' });
    expect(within(dialog).getByRole('radio', { name: 'Variant B (b)' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'Everyone' }));
    await user.click(within(dialog).getByRole('button', { name: 'Show what changes' }));

    const row = await within(dialog).findByRole('row', { name: /hero-color/ });
    expect(row).toHaveTextContent('"#1C7ED6"');
    expect(row).toHaveTextContent('"#2F9E44"');
    // The dry run changed nothing.
    expect(((await api.call('GET', '/api/parameters/hero-color')) as Parameter).rules).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: /^Promote to / }));
    expect(await screen.findByText('Variant B was promoted')).toBeInTheDocument();
    expect(((await api.call('GET', '/api/parameters/hero-color')) as Parameter).rules).toHaveLength(1);
    expect(((await api.call('GET', `/api/experiments/${running.id}`)) as Experiment).status).toBe('completed');

    await user.click(screen.getByRole('button', { name: 'Undo promotion' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Undo the promotion?' })).getByRole('button', { name: 'Undo promotion' }));
    expect(await screen.findByText('Promotion undone')).toBeInTheDocument();
    expect(((await api.call('GET', '/api/parameters/hero-color')) as Parameter).rules).toHaveLength(0);
  });
});
