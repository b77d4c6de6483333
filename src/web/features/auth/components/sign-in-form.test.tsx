import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { LoginBody } from '../../../../shared/contract/auth';
import { sessionQueryKey } from '../../../lib/session-cache';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { SignInForm } from './sign-in-form';

describe('SignInForm', () => {
  it('shows inline validation under each field without calling the server', async () => {
    const onSignedIn = vi.fn();
    const { user } = renderWithApp(<SignInForm onSignedIn={onSignedIn} />, { session: null });

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(screen.getByLabelText(/Email/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Email/)).toHaveAccessibleDescription('Enter a valid email address');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("shows the server's 401 message inline", async () => {
    server.use(http.post('/api/auth/login', () => problemJson(401, 'Unauthorized', 'The email or password is not right')));
    const { user } = renderWithApp(<SignInForm onSignedIn={vi.fn()} />, { session: null });

    await user.type(screen.getByLabelText(/Email/), 'ada@example.com');
    await user.type(screen.getByLabelText(/Password/), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is not right');
  });

  it('signs in: sends the normalised body, caches the session and reports it', async () => {
    const session = testSession();
    let sent: unknown;
    server.use(
      http.post('/api/auth/login', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(session);
      }),
    );
    const onSignedIn = vi.fn();
    const { user, queryClient } = renderWithApp(<SignInForm onSignedIn={onSignedIn} />, { session: null });

    await user.type(screen.getByLabelText(/Email/), '  Ada@Example.com ');
    await user.type(screen.getByLabelText(/Password/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session));
    expect(sent).toEqual({ email: 'ada@example.com', password: 'correct horse battery' } satisfies LoginBody);
    expect(queryClient.getQueryData(sessionQueryKey)).toEqual(session);
  });

  it('tells the person to wait when sign-in is rate limited', async () => {
    server.use(
      http.post('/api/auth/login', () =>
        problemJson(429, 'Too many attempts', 'Too many failed sign-ins. Try again in 600 seconds.'),
      ),
    );
    const { user } = renderWithApp(<SignInForm onSignedIn={vi.fn()} />, { session: null });

    await user.type(screen.getByLabelText(/Email/), 'ada@example.com');
    await user.type(screen.getByLabelText(/Password/), 'whatever it is');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 600 seconds');
  });
});
