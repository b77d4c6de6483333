import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { SetupForm } from './setup-form';

async function fillValidForm(user: ReturnType<typeof renderWithApp>['user']) {
  await user.type(screen.getByLabelText(/Your name/), 'Ada Admin');
  await user.type(screen.getByLabelText(/Email/), 'ada@example.com');
  await user.type(screen.getByLabelText(/Password/), 'a long enough password');
  await user.click(screen.getByRole('button', { name: 'Create admin account' }));
}

describe('SetupForm', () => {
  it("puts a 400 problem's field errors beside the right fields", async () => {
    server.use(
      http.post('/api/auth/setup', () =>
        problemJson(400, 'Invalid request', 'The request body has invalid fields', [
          { path: 'email', message: 'This domain does not accept mail' },
          { path: 'password', message: 'This password appears in known breaches' },
        ]),
      ),
    );
    const onSetUp = vi.fn();
    const { user } = renderWithApp(<SetupForm onSetUp={onSetUp} />, { session: null });

    await fillValidForm(user);

    const email = screen.getByLabelText(/Email/);
    await waitFor(() => expect(email).toHaveAccessibleDescription('This domain does not accept mail'));
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText(/Password/)).toHaveAccessibleDescription(expect.stringContaining('This password appears in known breaches'));
    expect(screen.getByLabelText(/Your name/)).not.toHaveAttribute('aria-invalid', 'true');
    // Every problem had a field: no extra form-level alert.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onSetUp).not.toHaveBeenCalled();
  });

  it('validates with the shared contract before sending (12+ character password)', async () => {
    const { user } = renderWithApp(<SetupForm onSetUp={vi.fn()} />, { session: null });

    await user.type(screen.getByLabelText(/Password/), 'short');
    await user.click(screen.getByRole('button', { name: 'Create admin account' }));

    expect(await screen.findByText('Use at least 12 characters')).toBeInTheDocument();
    expect(screen.getByText('Enter a name')).toBeInTheDocument();
  });

  it('explains a 409 (already set up) above the button', async () => {
    server.use(
      http.post('/api/auth/setup', () => problemJson(409, 'Conflict', 'Switchboard is already set up. Sign in instead.')),
      http.get('/api/auth/setup', () => HttpResponse.json({ needsSetup: false })),
    );
    const { user } = renderWithApp(<SetupForm onSetUp={vi.fn()} />, { session: null });

    await fillValidForm(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Switchboard is already set up. Sign in instead.');
  });

  it('creates the admin and reports the new session', async () => {
    const session = testSession();
    server.use(http.post('/api/auth/setup', () => HttpResponse.json(session, { status: 201 })));
    const onSetUp = vi.fn();
    const { user } = renderWithApp(<SetupForm onSetUp={onSetUp} />, { session: null });

    await fillValidForm(user);

    await waitFor(() => expect(onSetUp).toHaveBeenCalledWith(session));
  });
});
