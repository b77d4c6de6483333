import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ExperimentResults } from '../../../shared/contract/results';
import { testExperiment } from '../../features/experiments/test/fixtures';
import { routes } from '../routing/routes';
import { renderWithApp, testSession } from '../../test/render';
import { server } from '../../test/server';

const results: ExperimentResults = {
  experiment: { id: 'exp-1', key: 'checkout', name: 'Checkout button', status: 'running', startedAt: '2026-01-01T00:00:00.000Z', endedAt: null },
  computedAt: '2026-01-15T00:00:00.000Z',
  query: { from: null, to: null, engine: 'sequential', correction: 'none', breakdown: null, cuped: false },
  variants: [{ key: 'control', name: 'Control', weight: 50, users: 0 }, { key: 'b', name: 'Variant B', weight: 50, users: 0 }],
  exposures: [],
  srm: { pValue: 1, mismatch: false },
  headline: { tone: 'not-enough-data', text: 'No users have been exposed yet.', variant: null, metricId: null, daysRemaining: null },
  health: [],
  metrics: [],
  breakdown: null,
};

describe('experiment results page', () => {
  it('asks for the results at once but draws them only under the finished header (no layout shift)', async () => {
    let sendExperiment!: () => void;
    const experimentSent = new Promise<void>((resolve) => (sendExperiment = resolve));
    let resultsAsked = false;
    server.use(
      http.get('/api/experiments/exp-1', async () => {
        await experimentSent;
        return HttpResponse.json(testExperiment({ hypothesis: 'A green button sells more, because it stands out on every checkout page.' }));
      }),
      http.get('/api/attributes', () => HttpResponse.json({ items: [] })),
      http.get('/api/experiments/exp-1/results', () => {
        resultsAsked = true;
        return HttpResponse.json(results);
      }),
    );
    renderWithApp(null, { routes, path: '/experiments/exp-1/results', session: testSession({ role: 'viewer' }) });

    await waitFor(() => expect(resultsAsked).toBe(true), { timeout: 15_000 });
    // The experiment has not arrived: the header's size is unknown, so nothing is drawn below it.
    expect(screen.queryByText('Computing results…')).not.toBeInTheDocument();
    expect(screen.queryByTestId('results-verdict')).not.toBeInTheDocument();
    // Nor the id in the breadcrumb, longer than the key that replaces it.
    expect(screen.queryByRole('link', { name: 'exp-1' })).not.toBeInTheDocument();

    sendExperiment();
    expect(await screen.findByRole('heading', { level: 1, name: 'Results: Checkout button' })).toBeInTheDocument();
    expect(await screen.findByTestId('results-verdict')).toHaveTextContent('No users have been exposed yet.');
    expect(screen.getByRole('link', { name: 'checkout' })).toHaveAttribute('href', '/experiments/exp-1');
  });
});
