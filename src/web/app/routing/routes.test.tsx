import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { problemJson, renderWithApp, testSession, testUser } from '../../test/render';
import { server } from '../../test/server';
import { authKeys } from '../../features/auth/api/auth-keys';
import { experimentsKeys } from '../../features/experiments/api/experiments-keys';
import { testExperiment } from '../../features/experiments/test/fixtures';
import { createQueryClient } from '../../lib/query-client';
import { preloadRoute, routes } from './routes';

function signedOutApi({ needsSetup }: { needsSetup: boolean }) {
  server.use(
    http.get('/api/auth/session', () => problemJson(401, 'Unauthorized', 'Sign in to continue')),
    http.get('/api/auth/setup', () => HttpResponse.json({ needsSetup })),
  );
}

describe('routing', () => {
  it('opens the first-run setup on a fresh install', async () => {
    signedOutApi({ needsSetup: true });
    const { router } = renderWithApp(null, { routes, path: '/' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Switchboard' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/setup');
  });

  it('sends signed-out people to sign in, remembering where they were going', async () => {
    signedOutApi({ needsSetup: false });
    const session = testSession();
    server.use(http.post('/api/auth/login', () => HttpResponse.json(session)), http.get('/api/users', () => HttpResponse.json({ items: [session.user] })));
    const { router, user } = renderWithApp(null, { routes, path: '/settings/users' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2Fsettings%2Fusers');

    await user.type(screen.getByLabelText(/Email/), 'ada@example.com');
    await user.type(screen.getByLabelText(/Password/), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/users');
  });

  it('goes to sign in when any request answers 401 (session ended elsewhere)', async () => {
    server.use(
      http.get('/api/users', () => problemJson(401, 'Unauthorized', 'Sign in to continue')),
      http.get('/api/auth/setup', () => HttpResponse.json({ needsSetup: false })),
    );
    const { router } = renderWithApp(null, { routes, path: '/settings/users', session: testSession() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?next=%2Fsettings%2Fusers');
    expect(await screen.findByText('You were signed out')).toBeInTheDocument();
  });

  it('gives admins the Profile, Users and API tokens tabs', async () => {
    server.use(http.get('/api/tokens', () => HttpResponse.json({ items: [] })));
    const { user, router } = renderWithApp(null, { routes, path: '/settings', session: testSession() });

    const tabs = within(await screen.findByRole('tablist', { name: 'Settings sections' })).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(expect.arrayContaining(['Profile', 'Users', 'API tokens']));
    expect(router.state.location.pathname).toBe('/settings/profile');
    expect(await screen.findByText('ada@example.com')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'API tokens' }));
    expect(await screen.findByText('No API tokens yet')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/api-tokens');
  });

  it('shows non-admins an explanation instead of the admin tabs', async () => {
    const session = testSession({ role: 'editor', name: 'Eddie Editor', email: 'eddie@example.com' });
    const { router } = renderWithApp(null, { routes, path: '/settings/users', session });

    const tablist = await screen.findByRole('tablist', { name: 'Settings sections' });
    const tabs = within(tablist).getAllByRole('tab').map((tab) => tab.textContent);
    expect(tabs).toContain('Profile');
    expect(tabs).not.toContain('Users');
    expect(tabs).not.toContain('API tokens');
    expect(screen.getByText('Users, API tokens and environments are managed by admins')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/settings/profile'));
    expect(screen.getByText(testUser({ email: 'eddie@example.com' }).email)).toBeInTheDocument();
  });

  it('signs out from the user menu', async () => {
    server.use(
      http.post('/api/auth/logout', ({ request }) =>
        request.headers.get('x-csrf-token') === 'csrf-test-token' ? new HttpResponse(null, { status: 204 }) : problemJson(403, 'Forbidden'),
      ),
      http.get('/api/auth/setup', () => HttpResponse.json({ needsSetup: false })),
    );
    const { user, router } = renderWithApp(null, { routes, path: '/metrics', session: testSession() });

    await user.click(await screen.findByRole('button', { name: /Ada Admin, Admin/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByText('You are signed out.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('');
  });

  it('reads the invite token from the link fragment', async () => {
    const session = testSession({ role: 'editor', name: 'Eddie Editor' });
    let sent: unknown;
    server.use(
      http.post('/api/auth/accept-invite', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(session);
      }),
    );
    const { user, router } = renderWithApp(null, { routes, path: '/accept-invite#token=tok_123456789012345678' });

    await user.type(await screen.findByLabelText(/Your name/), 'Eddie Editor');
    await user.type(screen.getByLabelText(/Choose a password/), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Join Switchboard' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    expect(sent).toEqual({ token: 'tok_123456789012345678', name: 'Eddie Editor', password: 'a long enough password' });
    expect(router.state.location.hash).toBe('');
  });

  it('says so when an invite link has no token', async () => {
    renderWithApp(null, { routes, path: '/accept-invite' });
    expect(await screen.findByRole('heading', { level: 1, name: 'This invite link is incomplete' })).toBeInTheDocument();
  });
});

describe('preloadRoute', () => {
  it('asks for an experiment page\u2019s experiment at boot, once the session is known', async () => {
    const asked: string[] = [];
    server.use(
      http.get('/api/auth/session', () => HttpResponse.json(testSession())),
      http.get('/api/experiments/exp-1', ({ request }) => {
        asked.push(new URL(request.url).pathname);
        return HttpResponse.json(testExperiment({ name: 'Buy button colour' }));
      }),
    );
    const client = createQueryClient();
    preloadRoute('/experiments/exp-1/results', client);
    await waitFor(() => expect(client.getQueryData(experimentsKeys.detail('exp-1'))).toMatchObject({ name: 'Buy button colour' }));
    expect(asked).toEqual(['/api/experiments/exp-1']);
  });

  it('asks for nothing but the session when signed out: the deep link goes to sign in', async () => {
    const asked: string[] = [];
    server.use(
      http.get('/api/auth/session', () => problemJson(401, 'Unauthorized', 'Sign in to continue')),
      http.get('/api/experiments/:id', ({ request }) => {
        asked.push(new URL(request.url).pathname);
        return HttpResponse.json({});
      }),
    );
    const client = createQueryClient();
    preloadRoute('/experiments/exp-1', client);
    await waitFor(() => expect(client.getQueryState(authKeys.session)?.status).toBe('success'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual([]);
  });
});
