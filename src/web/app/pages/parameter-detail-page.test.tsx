import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../../shared/contract/parameters';
import { useRealApi } from '../../features/experiments/test/real-api';
import { renderWithApp } from '../../test/render';
import { routes } from '../routing/routes';

describe('parameter page with a running experiment', () => {
  it('shows where the parameter is used, and asks before a default change reaches the running test', async () => {
    const api = await useRealApi();
    await api.call('POST', '/api/parameters', { key: 'cta-text', name: 'CTA text', spec: { type: 'string' }, defaultValue: 'Buy' });
    const draft = (await api.call('POST', '/api/experiments', {
      key: 'cta', name: 'CTA wording',
      variants: [{ key: 'control', name: 'Control', weight: 50, overrides: {} }, { key: 'b', name: 'Urgent', weight: 50, overrides: { 'cta-text': 'Buy now' } }],
    })) as { id: string; version: number };
    await api.call('POST', `/api/experiments/${draft.id}/transitions`, { action: 'start', expectedVersion: draft.version });
    const { user } = renderWithApp(null, { routes, path: '/parameters/cta-text', session: api.session });

    const used = await screen.findByRole('region', { name: 'Where it is used' });
    expect(await within(used).findByRole('link', { name: 'CTA wording' })).toHaveAttribute('href', `/experiments/${draft.id}`);
    expect(within(used).getByText('running')).toBeInTheDocument();
    expect(await screen.findByText(/Running now: "CTA wording"/)).toBeInTheDocument();

    const value = screen.getByRole('textbox', { name: /^Default value/ });
    await user.clear(value);
    await user.type(value, 'Shop');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const dialog = await screen.findByRole('dialog', { name: 'This changes a running experiment' });
    expect(within(dialog).getByRole('link', { name: 'CTA wording' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent(/the control among them, will get the new value in the middle of the test/);
    // Nothing is sent until the person confirms.
    expect(((await api.call('GET', '/api/parameters/cta-text')) as Parameter).defaultValue).toBe('Buy');

    await user.click(within(dialog).getByRole('button', { name: 'Save anyway' }));
    expect(await screen.findByText(/^Saved as version 2\. "CTA wording" is running/)).toBeInTheDocument();
    expect(((await api.call('GET', '/api/parameters/cta-text')) as Parameter).defaultValue).toBe('Shop');
  });
});
