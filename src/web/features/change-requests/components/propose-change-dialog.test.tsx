import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { ChangeRequest } from '../../../../shared/contract/change-requests';
import { renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { ProposeChangeDialog, type ProposedChange } from './propose-change-dialog';
import { approvalEnvironment, stubDocumentFonts, testChangeRequest } from './test-fixtures';

stubDocumentFonts();

const change: ProposedChange = {
  parameter: { id: 'param-1', key: 'paywall.title', name: 'Paywall title' },
  baseVersion: 3,
  after: { defaultValue: 'Go Premium', killed: false, rules: [] },
};
const expectedChanges = [{ parameterId: 'param-1', baseVersion: 3, after: { defaultValue: 'Go Premium', killed: false, rules: [] } }];

function openRequests(items: ChangeRequest[]) {
  const queries: string[] = [];
  server.use(
    http.get('/api/change-requests', ({ request }) => {
      queries.push(new URL(request.url).search);
      return HttpResponse.json({ items });
    }),
  );
  return queries;
}

describe('ProposeChangeDialog', () => {
  it('proposes the change as a new change request in the environment', async () => {
    const queries = openRequests([]);
    const bodies: unknown[] = [];
    server.use(
      http.post('/api/change-requests', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(testChangeRequest({ id: 'cr-new' }), { status: 201 });
      }),
    );
    const onProposed = vi.fn();
    const { user } = renderWithApp(<ProposeChangeDialog environment={approvalEnvironment()} change={change} onProposed={onProposed} onCancel={() => undefined} />, { session: testSession({ role: 'editor' }) });

    const dialog = await screen.findByRole('dialog', { name: 'Propose change' });
    expect(dialog).toHaveTextContent('Production requires approval');
    expect(within(dialog).queryByRole('button', { name: 'Save directly' })).not.toBeInTheDocument();
    const title = within(dialog).getByRole('textbox', { name: /Title/ });
    await user.clear(title);
    await user.click(within(dialog).getByRole('button', { name: 'Propose change' }));
    expect(within(dialog).getByText('Enter a title')).toBeInTheDocument();

    await user.type(title, 'Premium wording');
    await user.type(within(dialog).getByRole('textbox', { name: /Comment for reviewers/ }), 'Tested in Staging');
    await user.click(within(dialog).getByRole('button', { name: 'Propose change' }));
    await waitFor(() => expect(onProposed).toHaveBeenCalled());
    expect(onProposed.mock.calls[0]![0]).toMatchObject({ id: 'cr-new' });
    expect(bodies).toEqual([{ environmentId: 'production', title: 'Premium wording', changes: expectedChanges, comment: 'Tested in Staging' }]);
    expect(queries).toContain('?environment=production&status=open');
  });

  it('adds the change to an open change request of the environment, which starts a new revision', async () => {
    openRequests([testChangeRequest({ id: 'cr-7', title: 'Spring sale', version: 4 })]);
    const bodies: unknown[] = [];
    server.use(
      http.patch('/api/change-requests/cr-7', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(testChangeRequest({ id: 'cr-7', revision: 2 }));
      }),
    );
    const onProposed = vi.fn();
    const { user } = renderWithApp(<ProposeChangeDialog environment={approvalEnvironment()} change={change} onProposed={onProposed} onCancel={() => undefined} />, { session: testSession({ role: 'editor' }) });

    const dialog = await screen.findByRole('dialog', { name: 'Propose change' });
    await user.click(await within(dialog).findByRole('radio', { name: 'Add to an open change request' }));
    expect(within(dialog).getByRole('combobox', { name: 'Change request' })).toHaveDisplayValue('Spring sale');
    expect(within(dialog).getByText(/its approvals reset/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add to change request' }));

    await waitFor(() => expect(onProposed).toHaveBeenCalled());
    expect(bodies).toEqual([{ expectedVersion: 4, changes: expectedChanges }]);
  });

  it('lets admins save directly, with a reason, and shows a refusal inline', async () => {
    openRequests([]);
    const onSaveDirectly = vi.fn().mockRejectedValueOnce(new Error('Someone else changed this parameter')).mockResolvedValueOnce(undefined);
    const { user } = renderWithApp(
      <ProposeChangeDialog environment={approvalEnvironment()} change={change} onProposed={() => undefined} onCancel={() => undefined} onSaveDirectly={onSaveDirectly} />,
      { session: testSession() },
    );

    const dialog = await screen.findByRole('dialog', { name: 'Propose change' });
    await user.click(within(dialog).getByRole('button', { name: 'Save directly' }));
    const reason = within(dialog).getByRole('textbox', { name: /Why save without approval/ });
    await user.type(reason, 'hotfix');
    await user.click(within(dialog).getByRole('button', { name: 'Save directly to Production' }));
    expect(within(dialog).getByText('Say why, in at least 10 characters')).toBeInTheDocument();
    expect(onSaveDirectly).not.toHaveBeenCalled();

    await user.type(reason, ': prices are wrong in the app');
    await user.click(within(dialog).getByRole('button', { name: 'Save directly to Production' }));
    expect(await within(dialog).findByText('Someone else changed this parameter')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save directly to Production' }));
    await waitFor(() => expect(onSaveDirectly).toHaveBeenCalledTimes(2));
    expect(onSaveDirectly).toHaveBeenLastCalledWith('hotfix: prices are wrong in the app');
  });
});
