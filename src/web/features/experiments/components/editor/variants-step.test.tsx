import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { routes } from '../../../../app/routing/routes';
import { renderWithApp } from '../../../../test/render';
import { useRealApi } from '../../test/real-api';

const weightOf = (card: HTMLElement) => within(card).getByRole('textbox', { name: /^Weight/ });

describe('experiment editor: variant weights', () => {
  it('says inline when weights do not total 100%, refuses to save, and “Equal split” fixes it', async () => {
    const api = await useRealApi();
    const { user, router } = renderWithApp(null, { routes, path: '/experiments/new', session: api.session });

    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Checkout colour');
    expect(screen.getByRole('textbox', { name: /^Key/ })).toHaveValue('checkout-colour');
    await user.click(screen.getByRole('button', { name: /^Step 3: Variants/ }));

    const variantB = await screen.findByRole('listitem', { name: 'Variant 2: Variant B' });
    await user.clear(weightOf(variantB));
    await user.type(weightOf(variantB), '40');
    expect(screen.getByTestId('weights-error')).toHaveTextContent('Weights must total 100% (now 90%)');
    expect(screen.getByText('Total: 90%')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Fix the fields marked in red, then save again.')).toBeInTheDocument();
    expect(((await api.call('GET', '/api/experiments')) as { items: unknown[] }).items).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Equal split' }));
    expect(screen.queryByTestId('weights-error')).not.toBeInTheDocument();
    expect(weightOf(variantB)).toHaveValue('50%');

    await user.click(screen.getByRole('button', { name: 'Add variant' }));
    const cards = within(screen.getByRole('list', { name: 'Variants' })).getAllByRole('listitem');
    expect(cards.map((card) => weightOf(card).getAttribute('value'))).toEqual(['33.33%', '33.33%', '33.34%']);
    expect(screen.getByText('Total: 100%')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/experiments\/[^/]+\/edit$/));
    const [saved] = ((await api.call('GET', '/api/experiments')) as { items: Experiment[] }).items;
    expect(saved).toMatchObject({ key: 'checkout-colour', name: 'Checkout colour', status: 'draft' });
    expect(saved.variants.map((variant) => [variant.key, variant.weight])).toEqual([
      ['control', 33.33],
      ['b', 33.33],
      ['c', 33.34],
    ]);
  });
});
