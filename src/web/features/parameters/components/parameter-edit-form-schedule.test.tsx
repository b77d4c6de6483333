import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import type { ServingProposal } from '../utils/approval-gate';
import { ParameterEditForm } from './parameter-edit-form';
import { testParameter } from './test-fixtures';

describe('ParameterEditForm where no approval is needed: Schedule…', () => {
  beforeEach(() => server.use(http.get('/api/parameters/:id/usage', () => HttpResponse.json({ experiments: [], rules: [], segments: [] }))));

  it('puts a new default value into a change request to publish later, saving nothing now', async () => {
    const patches: unknown[] = [];
    server.use(http.patch('/api/parameters/:id', async ({ request }) => (patches.push(await request.json()), HttpResponse.json({ ...testParameter(), warnings: [] }))));
    const onScheduleChange = vi.fn<(proposal: ServingProposal) => void>();
    const parameter = testParameter();
    const { user } = renderWithApp(<ParameterEditForm parameter={parameter} canEdit onReloaded={vi.fn()} onScheduleChange={onScheduleChange} />, { session: testSession() });

    const value = screen.getByRole('textbox', { name: /^Default value/ });
    await user.clear(value);
    await user.type(value, 'Monday sale');
    await user.click(screen.getByRole('button', { name: 'Schedule…' }));

    await waitFor(() => expect(onScheduleChange).toHaveBeenCalledTimes(1));
    expect(onScheduleChange.mock.calls[0]![0].after).toEqual({ defaultValue: 'Monday sale', killed: parameter.killed, rules: parameter.rules });
    expect(patches).toEqual([]);
  });

  it('says what a schedule publishes when only the name changed', async () => {
    const onScheduleChange = vi.fn<(proposal: ServingProposal) => void>();
    const { user } = renderWithApp(<ParameterEditForm parameter={testParameter()} canEdit onReloaded={vi.fn()} onScheduleChange={onScheduleChange} />, { session: testSession() });
    const name = screen.getByRole('textbox', { name: /^Name/ });
    await user.type(name, ' (new)');
    await user.click(screen.getByRole('button', { name: 'Schedule…' }));
    expect(await screen.findByText(/Change the default value or the rules first/)).toBeInTheDocument();
    expect(onScheduleChange).not.toHaveBeenCalled();
  });
});
