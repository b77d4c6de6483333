import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { useQuery } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ChangeRequest } from '../../../../shared/contract/change-requests';
import type { TypeSpec } from '../../../../shared/values';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { changeRequestQueryOptions } from '../api/get-change-request';
import { ChangeRequestView } from './change-request-view';
import { approvalEnvironment, stubDocumentFonts, testChangeRequest } from './test-fixtures';

stubDocumentFonts();

const specs = { 'param-1': { type: 'string' } as TypeSpec };
const noSegments = () => undefined;

type TestUser = { id: string; role: 'admin' | 'editor' | 'viewer' };

/** As the page does: the view shows the cached change request, which every action's answer replaces. */
function Harness({ user }: { user: TestUser }) {
  const changeRequest = useQuery(changeRequestQueryOptions('cr-1'));
  if (!changeRequest.data) return null;
  return <ChangeRequestView changeRequest={changeRequest.data} environment={approvalEnvironment()} user={user} specs={specs} segmentName={noSegments} />;
}

async function renderView(changeRequest: ChangeRequest, user: TestUser) {
  server.use(http.get('/api/change-requests/:id', () => HttpResponse.json(changeRequest)));
  const rendered = renderWithApp(<Harness user={user} />, { session: testSession({ id: user.id, role: user.role }) });
  await screen.findByRole('heading', { name: 'Reviews' });
  return rendered;
}

describe('ChangeRequestView', () => {
  it('shows the diff, and keeps the author from approving their own change, with the reason', async () => {
    await renderView(testChangeRequest(), { id: 'user-mara', role: 'editor' });

    const change = screen.getByRole('region', { name: 'Paywall title' });
    expect(within(change).getByRole('row', { name: /Default value/ })).toHaveTextContent(/Go Pro.*Go Premium/);
    expect(screen.getByRole('button', { name: 'Approve' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Approve' })).toHaveAccessibleDescription('You cannot approve your own change request: someone else reviews it.');
    expect(screen.getByRole('button', { name: 'Request changes' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Publish to Production' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Publish to Production' })).toHaveAccessibleDescription(/someone other than Mara Marketer must approve revision 1 first/);
    expect(screen.queryByRole('button', { name: 'Publish without approval' })).not.toBeInTheDocument();
  });

  it('lets another editor approve; publish waits for the approval, and a conflict offers a rebase', async () => {
    const approved = testChangeRequest({ approved: true, version: 2, reviews: [{ userId: 'user-bea', userName: 'Bea Editor', verdict: 'approve', revision: 1, at: '2026-01-05T11:00:00.000Z' }] });
    const rebased = { ...approved, revision: 2, version: 3, approved: false, items: approved.items.map((item) => ({ ...item, baseVersion: 4 })) };
    const bodies: Record<string, unknown[]> = { reviews: [], publish: [], rebase: [] };
    server.use(
      http.post('/api/change-requests/cr-1/reviews', async ({ request }) => {
        bodies.reviews!.push(await request.json());
        return HttpResponse.json(approved);
      }),
      http.post('/api/change-requests/cr-1/publish', async ({ request }) => {
        bodies.publish!.push(await request.json());
        return HttpResponse.json(
          { type: 'about:blank', title: 'Conflict', status: 409, detail: 'paywall.title changed since the draft', conflicts: [{ parameterId: 'param-1', parameterKey: 'paywall.title', baseVersion: 3, currentVersion: 4 }] },
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        );
      }),
      http.post('/api/change-requests/cr-1/rebase', async ({ request }) => {
        bodies.rebase!.push(await request.json());
        return HttpResponse.json(rebased);
      }),
    );
    const { user } = await renderView(testChangeRequest(), { id: 'user-bea', role: 'editor' });
    expect(screen.getByRole('button', { name: 'Publish to Production' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(bodies.reviews).toEqual([{ expectedVersion: 1, verdict: 'approve' }]);
    expect(await screen.findByRole('button', { name: 'You approved revision 1' })).toBeDisabled();
    expect(screen.getByText(/Bea Editor on revision 1/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Publish to Production' }));
    const conflict = (await screen.findByText('Parameters changed since this draft')).closest<HTMLElement>('[role="alert"]')!;
    expect(conflict).toHaveTextContent('Parameters changed since this draft');
    expect(conflict).toHaveTextContent('paywall.title: the draft is based on version 3, it is now at version 4');
    expect(bodies.publish).toEqual([{ expectedVersion: 2 }]);

    await user.click(within(conflict).getByRole('button', { name: 'Rebase' }));
    expect(bodies.rebase).toEqual([{ expectedVersion: 2 }]);
    expect(await screen.findByText(/This is revision 2/)).toBeInTheDocument();
    expect(screen.queryByText('Parameters changed since this draft')).not.toBeInTheDocument();
  });

  it('gives admins a publish without approval that asks why', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post('/api/change-requests/cr-1/publish', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(testChangeRequest({ status: 'published', publishedAt: '2026-01-05T12:00:00.000Z', bypassReason: 'Black Friday launch' }));
      }),
    );
    const { user } = await renderView(testChangeRequest(), { id: 'user-admin', role: 'admin' });

    await user.click(screen.getByRole('button', { name: 'Publish without approval' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish without approval?' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'urgent');
    await user.click(within(dialog).getByRole('button', { name: 'Publish without approval' }));
    expect(within(dialog).getByText('Say why, in at least 10 characters')).toBeInTheDocument();
    expect(bodies).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), ': the sale starts now');
    await user.click(within(dialog).getByRole('button', { name: 'Publish without approval' }));
    expect(await screen.findByText(/Without approval, because: “Black Friday launch”/)).toBeInTheDocument();
    expect(bodies).toEqual([{ expectedVersion: 1, bypassReason: 'urgent: the sale starts now' }]);
  });

  it('shows a refused action inline', async () => {
    server.use(http.post('/api/change-requests/cr-1/reviews', () => problemJson(403, 'Forbidden', 'You cannot approve your own change request')));
    const { user } = await renderView(testChangeRequest({ authorId: null }), { id: 'user-bea', role: 'editor' });
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You cannot approve your own change request');
  });
});
