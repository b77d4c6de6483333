import { screen, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routing/routes';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { testRollout } from '../test/fixtures';

describe('Rollouts list', () => {
  it('asks for the current environment and shows each rollout with its status, step and last decision', async () => {
    const asked: string[] = [];
    server.use(
      http.get('/api/rollouts', ({ request }) => {
        asked.push(new URL(request.url).search);
        return HttpResponse.json({ rollouts: [testRollout(), testRollout({ id: 'rollout-2', name: 'Old banner', status: 'rolled_back', endedAt: '2026-12-03T11:00:00.000Z' })] });
      }),
    );
    renderWithApp(null, { routes, path: '/rollouts?env=staging', session: testSession() });

    const table = await screen.findByRole('table', { name: 'Guarded rollouts, newest first' });
    await within(table).findByRole('row', { name: /New paywall title/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('New paywall title');
    expect(rows[1]).toHaveTextContent('Running');
    expect(rows[1]).toHaveTextContent('Step 2 of 4 · 25%');
    expect(rows[1]).toHaveTextContent('Step 2 held: 312 of 1,000 users needed');
    expect(within(rows[1]).getByRole('link', { name: 'New paywall title' })).toHaveAttribute('href', '/rollouts/rollout-1?env=staging');
    expect(rows[2]).toHaveTextContent('Rolled back');
    expect(asked).toEqual(['?environment=staging']);
  });

  it('shows placeholder rows while loading', async () => {
    server.use(
      http.get('/api/rollouts', async () => {
        await delay('infinite');
        return HttpResponse.json({ rollouts: [] });
      }),
    );
    renderWithApp(null, { routes, path: '/rollouts', session: testSession() });
    expect(await screen.findByRole('table', { name: 'Guarded rollouts, newest first' })).toHaveAttribute('aria-busy', 'true');
  });

  it('says where to start one when there are none', async () => {
    server.use(http.get('/api/rollouts', () => HttpResponse.json({ rollouts: [] })));
    renderWithApp(null, { routes, path: '/rollouts', session: testSession() });
    expect(await screen.findByText('No rollouts yet')).toBeInTheDocument();
    expect(screen.getByText(/start one from a parameter \(Roll out safely…\) or by promoting an experiment's winner/)).toBeInTheDocument();
  });

  it('says when the list cannot be read, with a retry', async () => {
    server.use(http.get('/api/rollouts', () => problemJson(500, 'Internal error', 'The store is unavailable.')));
    renderWithApp(null, { routes, path: '/rollouts', session: testSession() });
    expect(await screen.findByText('Could not load rollouts')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /retry|try again/i })).toBeInTheDocument();
  });
});
