import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRealApi } from '../../features/experiments/test/real-api';
import { renderWithApp } from '../../test/render';
import { routes } from '../routing/routes';

describe('parameter page per environment (real API)', () => {
  it("shows the switched-to environment's values even at the same version number", async () => {
    const api = await useRealApi();
    await api.call('POST', '/api/parameters', { key: 'cta-text', name: 'CTA text', spec: { type: 'string' }, defaultValue: 'Buy' });
    // Version 2 in both environments, with different values: the form must not keep the other one's.
    await api.call('PATCH', '/api/parameters/cta-text?environment=production', { defaultValue: 'Buy (live)', expectedVersion: 1 });
    await api.call('PATCH', '/api/parameters/cta-text?environment=staging', { defaultValue: 'Buy (staging)', expectedVersion: 1 });
    const { user } = renderWithApp(null, { routes, path: '/parameters/cta-text?env=production', session: api.session });

    await screen.findByRole('heading', { level: 1, name: 'CTA text' });
    await waitFor(() => expect(screen.getByRole('textbox', { name: /^Default value/ })).toHaveValue('Buy (live)'));

    await user.selectOptions(within(screen.getByRole('banner')).getByRole('combobox', { name: 'Environment' }), 'staging');

    await waitFor(() => expect(screen.getByRole('textbox', { name: /^Default value/ })).toHaveValue('Buy (staging)'));

    // Back to Production: its parameter is cached, so the page does not reload in between.
    await user.selectOptions(within(screen.getByRole('banner')).getByRole('combobox', { name: 'Environment' }), 'production');
    await waitFor(() => expect(screen.getByRole('textbox', { name: /^Default value/ })).toHaveValue('Buy (live)'));
  });
});
