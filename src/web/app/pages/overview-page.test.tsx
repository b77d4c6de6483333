import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ExperimentResults } from '../../../shared/contract/results';
import { problemJson, renderWithApp, testSession } from '../../test/render';
import { server } from '../../test/server';
import { testExperiment } from '../../features/experiments/test/fixtures';
import { routes } from '../routing/routes';

const experiment = (id: string, name: string) => testExperiment({ id, key: id, name, status: 'running', startedAt: '2026-01-01T00:00:00.000Z', variants: [] });
// A whole results answer (the client checks answers against the contract in tests) with this headline.
const headline = (text: string, tone: ExperimentResults['headline']['tone']): ExperimentResults => ({
  experiment: { id: 'exp-1', key: 'exp-1', name: 'Checkout button', status: 'running', startedAt: '2026-01-01T00:00:00.000Z', endedAt: null },
  computedAt: '2026-01-15T00:00:00.000Z',
  query: { from: null, to: null, engine: 'sequential', correction: 'none', breakdown: null, cuped: false },
  variants: [],
  exposures: [],
  srm: { pValue: 1, mismatch: false },
  headline: { tone, text, variant: null, metricId: null, daysRemaining: null },
  health: [],
  metrics: [],
  breakdown: null,
});

describe('overview page', () => {
  it('lists running experiments with their current verdict, and recent changes', async () => {
    const statuses: (string | null)[] = [];
    server.use(
      http.get('/api/experiments', ({ request }) => {
        statuses.push(new URL(request.url).searchParams.get('status'));
        return HttpResponse.json({ items: [experiment('exp-1', 'Checkout button'), experiment('exp-2', 'Onboarding copy')] });
      }),
      http.get('/api/experiments/exp-1/results', () => HttpResponse.json(headline('Variant B is ahead on Purchases: +6.2% (+2.1% to +10.4%). Guardrails are fine.', 'winner'))),
      http.get('/api/experiments/exp-2/results', () => problemJson(503, 'Service unavailable', 'The database is not reachable')),
      http.get('/api/audit', () =>
        HttpResponse.json({
          items: [{ id: 'a1', at: '2026-01-02T10:00:00.000Z', actorId: 'u1', actorName: 'Ada Admin', action: 'parameter.updated', objectType: 'parameter', objectId: 'p1', objectLabel: 'checkout.colour', before: null, after: null }],
          nextCursor: null,
        }),
      ),
    );
    renderWithApp(null, { routes, path: '/', session: testSession({ role: 'viewer' }) });

    const running = await screen.findByRole('region', { name: 'Running experiments' });
    const checkout = await within(running).findByRole('link', { name: 'Checkout button' });
    expect(checkout).toHaveAttribute('href', '/experiments/exp-1/results');
    expect(await within(running).findByText('Variant B is ahead on Purchases: +6.2% (+2.1% to +10.4%). Guardrails are fine.')).toBeInTheDocument();
    expect(await within(running).findByText('Results unavailable: The database is not reachable')).toBeInTheDocument();
    expect(statuses).toContain('running');

    const changes = screen.getByRole('region', { name: 'Recent changes' });
    expect(await within(changes).findByText(/Updated parameter/)).toBeInTheDocument();
    expect(within(changes).getByRole('link', { name: 'checkout.colour' })).toHaveAttribute('href', '/parameters/p1');
  });

  it('says when nothing is running', async () => {
    server.use(
      http.get('/api/experiments', () => HttpResponse.json({ items: [] })),
      http.get('/api/audit', () => HttpResponse.json({ items: [], nextCursor: null })),
    );
    renderWithApp(null, { routes, path: '/', session: testSession() });
    expect(await screen.findByText('No experiment is running')).toBeInTheDocument();
    expect(await screen.findByText('No changes yet')).toBeInTheDocument();
  });
});
