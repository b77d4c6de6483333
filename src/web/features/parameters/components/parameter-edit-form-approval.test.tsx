import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import type { ServingProposal } from '../utils/approval-gate';
import { ParameterEditForm } from './parameter-edit-form';
import { testParameter } from './test-fixtures';

describe('ParameterEditForm in an environment that requires approval', () => {
  // No experiment uses the parameter.
  beforeEach(() => server.use(http.get('/api/parameters/:id/usage', () => HttpResponse.json({ experiments: [], rules: [], segments: [] }))));

  it('proposes a new default value instead of saving it; the name still saves once the proposal is made', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.patch('/api/parameters/:id', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ ...testParameter({ name: 'Pay button', version: 4 }), warnings: [] });
      }),
    );
    const onProposeChange = vi.fn<(proposal: ServingProposal) => void>();
    const parameter = testParameter();
    const { user } = renderWithApp(<ParameterEditForm parameter={parameter} canEdit onReloaded={vi.fn()} onProposeChange={onProposeChange} />, { session: testSession() });

    const name = screen.getByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await user.type(name, 'Pay button');
    const value = screen.getByRole('textbox', { name: /^Default value/ });
    await user.clear(value);
    await user.type(value, 'Pay now');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(onProposeChange).toHaveBeenCalledTimes(1));
    const proposal = onProposeChange.mock.calls[0]![0];
    expect(proposal.baseVersion).toBe(parameter.version);
    expect(proposal.after).toEqual({ defaultValue: 'Pay now', killed: parameter.killed, rules: parameter.rules });
    expect(bodies).toEqual([]);

    await proposal.saveRest();
    expect(bodies).toEqual([{ name: 'Pay button', expectedVersion: parameter.version }]);
  });

  it('saves directly with the admin’s reason', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.patch('/api/parameters/:id', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ ...testParameter({ defaultValue: 'Pay now', version: 4 }), warnings: [] });
      }),
    );
    const onProposeChange = vi.fn<(proposal: ServingProposal) => void>();
    const { user } = renderWithApp(<ParameterEditForm parameter={testParameter()} canEdit onReloaded={vi.fn()} onProposeChange={onProposeChange} />, { session: testSession() });

    const value = screen.getByRole('textbox', { name: /^Default value/ });
    await user.clear(value);
    await user.type(value, 'Pay now');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onProposeChange).toHaveBeenCalled());

    await onProposeChange.mock.calls[0]![0].saveDirectly('Checkout is broken in the app');
    expect(bodies).toEqual([{ defaultValue: 'Pay now', expectedVersion: 3, bypassReason: 'Checkout is broken in the app' }]);
    expect(await screen.findByText('Saved as version 4 without approval')).toBeInTheDocument();
  });
});
