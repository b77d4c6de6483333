import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { routes } from '../../../../app/routing/routes';
import { renderWithApp } from '../../../../test/render';
import { createDraftExperiment, moveThrough } from '../../test/fixtures';
import { useRealApi } from '../../test/real-api';

describe('experiment editor against the real API', () => {
  it('shows the server’s field error beside the field (a key already taken) and saves nothing', async () => {
    const api = await useRealApi();
    await createDraftExperiment(api);
    const { user, router } = renderWithApp(null, { routes, path: '/experiments/new', session: api.session });

    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Hero test');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    const key = screen.getByRole('textbox', { name: /^Key/ });
    await waitFor(() => expect(key).toHaveAccessibleDescription(/This key is taken/));
    expect(screen.getByText('The experiment was not saved: see the messages beside the fields.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/experiments/new');
    expect(((await api.call('GET', '/api/experiments')) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('on 409 shows what differs and “Overwrite with mine” saves on top of the newer version', async () => {
    const api = await useRealApi();
    const draft = await createDraftExperiment(api);
    const { user } = renderWithApp(null, { routes, path: `/experiments/${draft.id}/edit`, session: api.session });
    const hypothesis = await screen.findByRole('textbox', { name: /^Hypothesis/ });

    // Someone else saves while this person edits.
    await api.call('PATCH', `/api/experiments/${draft.id}`, { expectedVersion: draft.version, owner: 'Someone else' });
    await user.type(hypothesis, 'Green sells');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this experiment' });
    expect(within(dialog).getByRole('row', { name: /owner/ })).toHaveTextContent('Someone else');
    await user.click(within(dialog).getByRole('button', { name: 'Overwrite with mine' }));

    expect(await screen.findByText('Saved as version 3')).toBeInTheDocument();
    const saved = (await api.call('GET', `/api/experiments/${draft.id}`)) as Experiment;
    expect(saved).toMatchObject({ version: 3, hypothesis: 'Green sells', owner: 'Someone else' });
  });

  it('targets an inline condition written as JSON, and reopens it as JSON', async () => {
    const api = await useRealApi();
    const draft = await createDraftExperiment(api);
    const { user, unmount } = renderWithApp(null, { routes, path: `/experiments/${draft.id}/edit?step=audience`, session: api.session });

    await user.click(await screen.findByText('Custom condition'));
    expect(screen.getByRole('button', { name: 'Add rule' })).toBeInTheDocument();
    await user.click(screen.getByText('Advanced JSON'));
    const json = screen.getByRole('textbox', { name: /^Condition \(JSON\)/ });
    await user.clear(json);
    await user.click(json);
    await user.paste('{"country": {"$in": ["DE", "AT"]}}');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved as version 2')).toBeInTheDocument();
    const saved = (await api.call('GET', `/api/experiments/${draft.id}`)) as Experiment;
    expect(saved.audience).toEqual({ kind: 'condition', condition: { country: { $in: ['DE', 'AT'] } } });
    unmount();

    renderWithApp(null, { routes, path: `/experiments/${draft.id}/edit?step=audience`, session: api.session });
    expect(JSON.parse((await screen.findByRole('textbox', { name: /^Condition \(JSON\)/ }) as HTMLTextAreaElement).value)).toEqual({ country: { $in: ['DE', 'AT'] } });
  });

  it('while running, locks the variants and warns after a weight change that populations mix', async () => {
    const api = await useRealApi();
    const running = await moveThrough(api, await createDraftExperiment(api), ['start']);
    const { user } = renderWithApp(null, { routes, path: `/experiments/${running.id}/edit?step=variants`, session: api.session });

    expect(await screen.findByText('Variants are locked while the experiment runs')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add variant' })).not.toBeInTheDocument();
    const [control, variantB] = within(screen.getByRole('list', { name: 'Variants' })).getAllByRole('listitem');
    expect(within(variantB).getByRole('textbox', { name: /^Key/ })).toBeDisabled();
    expect(await within(variantB).findByRole('textbox', { name: /^Value in Variant B/ })).toBeDisabled();

    await user.clear(within(control).getByRole('textbox', { name: /^Weight/ }));
    await user.type(within(control).getByRole('textbox', { name: /^Weight/ }), '60');
    await user.clear(within(variantB).getByRole('textbox', { name: /^Weight/ }));
    await user.type(within(variantB).getByRole('textbox', { name: /^Weight/ }), '40');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved, with a warning')).toBeInTheDocument();
    expect(screen.getByText(/populations mix/)).toBeInTheDocument();
    const saved = (await api.call('GET', `/api/experiments/${running.id}`)) as Experiment;
    expect(saved.variants.map((variant) => variant.weight)).toEqual([60, 40]);
  });

  it('blocks saving while a visual rule of the inline condition is incomplete', async () => {
    const api = await useRealApi();
    const draft = await createDraftExperiment(api);
    const { user } = renderWithApp(null, { routes, path: `/experiments/${draft.id}/edit?step=audience`, session: api.session });

    await user.click(await screen.findByText('Custom condition'));
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/^Finish what is marked in red first/)).toBeInTheDocument();
    expect(((await api.call('GET', `/api/experiments/${draft.id}`)) as Experiment).version).toBe(draft.version);
  });
});
