import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../../shared/contract/auth';
import type { InvitedUser } from '../../../../shared/contract/users';
import { problemJson, renderWithApp, testSession, testUser } from '../../../test/render';
import { server } from '../../../test/server';
import { UsersPanel } from './users-panel';

const admin = testUser();

function usersApi(initial: User[]) {
  const users = [...initial];
  const seen: { csrf: string | null; body: unknown }[] = [];
  server.use(
    http.get('/api/users', () => HttpResponse.json({ items: users })),
    http.post('/api/users', async ({ request }) => {
      const body = (await request.json()) as { email: string; name?: string; role: User['role'] };
      seen.push({ csrf: request.headers.get('x-csrf-token'), body });
      const user = testUser({ id: 'user-eddie', email: body.email, name: body.name ?? 'eddie', role: body.role, status: 'invited' });
      users.push(user);
      const invited: InvitedUser = { user, inviteToken: 'tok_123456789012345678', invitePath: '/accept-invite#token=tok_123456789012345678' };
      return HttpResponse.json(invited, { status: 201 });
    }),
  );
  return seen;
}

describe('UsersPanel', () => {
  it('invites someone and shows the invite link once, with a copy button', async () => {
    const seen = usersApi([admin]);
    const { user } = renderWithApp(<UsersPanel currentUserId={admin.id} />, { session: testSession() });
    expect(await screen.findByRole('cell', { name: 'ada@example.com' })).toBeInTheDocument();

    await user.type(screen.getByLabelText(/Email/), 'eddie@example.com');
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Eddie Editor');
    await user.click(screen.getByRole('button', { name: 'Create invite link' }));

    const link = await screen.findByLabelText('Invite link');
    expect(link).toHaveValue('http://localhost:3000/accept-invite#token=tok_123456789012345678');
    expect(screen.getByText(/shown only this once/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(seen).toEqual([{ csrf: 'csrf-test-token', body: { email: 'eddie@example.com', name: 'Eddie Editor', role: 'editor' } }]);
    // The list refreshes with the invited person.
    const row = (await screen.findByRole('cell', { name: 'eddie@example.com' })).closest('tr');
    expect(within(row as HTMLElement).getByText('Invite pending')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Done/ }));

    expect(screen.queryByLabelText('Invite link')).not.toBeInTheDocument();
    expect(screen.queryByText(/tok_123456789012345678/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create invite link' })).toBeInTheDocument();
  });

  it('leaves the name out when it is blank', async () => {
    const seen = usersApi([admin]);
    const { user } = renderWithApp(<UsersPanel currentUserId={admin.id} />, { session: testSession() });

    await user.type(await screen.findByLabelText(/Email/), 'vera@example.com');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'viewer');
    await user.click(screen.getByRole('button', { name: 'Create invite link' }));

    await screen.findByLabelText('Invite link');
    expect(seen[0].body).toEqual({ email: 'vera@example.com', role: 'viewer' });
  });

  it('shows a 409 for an existing email beside the email field', async () => {
    usersApi([admin]);
    server.use(
      http.post('/api/users', () =>
        problemJson(409, 'Conflict', 'Someone with this email already has an account', [{ path: 'email', message: 'Already has an account' }]),
      ),
    );
    const { user } = renderWithApp(<UsersPanel currentUserId={admin.id} />, { session: testSession() });

    await user.type(await screen.findByLabelText(/Email/), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Create invite link' }));

    await waitFor(() => expect(screen.getByLabelText(/Email/)).toHaveAccessibleDescription('Already has an account'));
    expect(screen.queryByLabelText('Invite link')).not.toBeInTheDocument();
  });

  it("changes someone's role with the select, and not your own", async () => {
    const editor = testUser({ id: 'user-eddie', email: 'eddie@example.com', name: 'Eddie Editor', role: 'editor' });
    usersApi([admin, editor]);
    let patched: unknown;
    server.use(
      http.patch('/api/users/:id', async ({ request, params }) => {
        patched = { id: params.id, body: await request.json() };
        return HttpResponse.json({ ...editor, role: 'viewer' });
      }),
    );
    const { user } = renderWithApp(<UsersPanel currentUserId={admin.id} />, { session: testSession() });

    expect(await screen.findByRole('combobox', { name: 'Role of Ada Admin' })).toBeDisabled();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role of Eddie Editor' }), 'viewer');

    await waitFor(() => expect(patched).toEqual({ id: 'user-eddie', body: { role: 'viewer' } }));
    expect(await screen.findByText('Eddie Editor is now viewer.')).toBeInTheDocument();
  });

  it('shows an error state with a retry when the list cannot load', async () => {
    server.use(http.get('/api/users', () => problemJson(500, 'Internal error', 'Something went wrong on our side. It has been logged.')));
    renderWithApp(<UsersPanel currentUserId={admin.id} />, { session: testSession() });

    expect(await screen.findByText('Could not load users')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
