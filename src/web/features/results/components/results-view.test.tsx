import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ArmResult, ExperimentResults, MetricResult } from '../../../../shared/contract/results';
import { routes } from '../../../app/routing/routes';
import { testExperiment } from '../../experiments/test/fixtures';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';

const effect = (expected: number, lo: number, hi: number) => ({ expected, ci: [lo, hi] as [number, number], stddev: (hi - lo) / 3.92 });

function arm(variant: string, users: number, total: number, comparison: ArmResult['comparison'] = null): ArmResult {
  return { variant, users, total, denominator: null, mean: total / users, comparison };
}

function metric(overrides: Partial<MetricResult> = {}): MetricResult {
  return {
    id: 'm-purchase', key: 'purchase', name: 'Purchases', kind: 'conversion', role: 'primary', direction: 'higher', event: 'purchase', eventSent: true,
    arms: [
      arm('control', 25_000, 5000),
      arm('b', 25_000, 5500, {
        relative: effect(0.1, 0.062, 0.138), absolute: effect(0.02, 0.012, 0.028), pValue: 0.00001, adjustedPValue: 0.00001,
        chanceToWin: null, risk: null, verdict: 'winning', cuped: false,
      }),
    ],
    series: [
      { day: '2026-01-01', variant: 'control', users: 12_000, mean: 0.2, lift: null },
      { day: '2026-01-01', variant: 'b', users: 12_000, mean: 0.22, lift: { relative: effect(0.1, 0.01, 0.19), absolute: effect(0.02, 0.002, 0.038) } },
    ],
    ...overrides,
  };
}

function results(overrides: Partial<ExperimentResults> = {}): ExperimentResults {
  return {
    experiment: { id: 'exp-1', key: 'checkout', name: 'Checkout button', status: 'running', startedAt: '2026-01-01T00:00:00.000Z', endedAt: null },
    computedAt: '2026-01-15T00:00:00.000Z',
    query: { from: null, to: null, engine: 'sequential', correction: 'none', breakdown: null, cuped: true },
    variants: [{ key: 'control', name: 'Control', weight: 50, users: 25_000 }, { key: 'b', name: 'Variant B', weight: 50, users: 25_000 }],
    exposures: [{ day: '2026-01-01', variant: 'control', users: 12_000 }, { day: '2026-01-01', variant: 'b', users: 12_000 }],
    srm: { pValue: 0.61, mismatch: false },
    headline: { tone: 'winner', text: 'Variant B is ahead on Purchases: +10.0% (+6.2% to +13.8%). Guardrails are fine.', variant: 'b', metricId: 'm-purchase', daysRemaining: null },
    health: [],
    metrics: [metric()],
    breakdown: null,
    ...overrides,
  };
}

function api(body: ExperimentResults | ((url: URL) => ExperimentResults)) {
  const requests: URL[] = [];
  server.use(
    http.get('/api/experiments/exp-1', () => HttpResponse.json(testExperiment())),
    http.get('/api/attributes', () => HttpResponse.json({ items: [{ name: 'platform', kinds: ['string'], lastSeenAt: '2026-01-01T00:00:00.000Z' }] })),
    http.get('/api/experiments/exp-1/results', ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      return HttpResponse.json(typeof body === 'function' ? body(url) : body);
    }),
  );
  return requests;
}

const open = (path = '/experiments/exp-1/results') => renderWithApp(null, { routes, path, session: testSession({ role: 'viewer' }) });

describe('results page', () => {
  it('leads with the verdict, then a table per metric with intervals', async () => {
    api(results());
    open();
    expect(await screen.findByTestId('results-verdict', {}, { timeout: 15_000 })).toHaveTextContent('Variant B is ahead on Purchases: +10.0% (+6.2% to +13.8%). Guardrails are fine.');
    expect(await screen.findByRole('heading', { level: 1, name: 'Results: Checkout button' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Purchases' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent('Control');
    expect(rows[1]).toHaveTextContent('25,000');
    expect(rows[1]).toHaveTextContent('20.0%');
    expect(rows[2]).toHaveTextContent('+10.0%');
    expect(rows[2]).toHaveTextContent('+6.2% to +13.8%');
    expect(rows[2]).toHaveTextContent('< 0.0001');
    expect(within(rows[2]).getByText('Better')).toBeInTheDocument();
    expect(within(rows[2]).getByRole('img', { name: 'Interval +6.2% to +13.8%' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeInTheDocument();
  });

  it('switches to absolute effects and to the Bayesian engine (a new request)', async () => {
    const requests = api((url) =>
      url.searchParams.get('engine') === 'bayesian'
        ? results({ query: { ...results().query, engine: 'bayesian' }, metrics: [metric({ arms: [metric().arms[0], { ...metric().arms[1], comparison: { ...metric().arms[1].comparison!, pValue: null, adjustedPValue: null, chanceToWin: 0.9993 } }] })] })
        : results(),
    );
    const { user, router } = open();
    const table = await screen.findByRole('table', { name: 'Purchases' });
    await user.click(screen.getByRole('radio', { name: 'Absolute' }));
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('+2.0 pp');
    await user.click(screen.getByRole('radio', { name: 'Bayesian' }));
    expect(await screen.findByRole('columnheader', { name: 'Chance to win' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Purchases' })).toHaveTextContent('99.9%');
    expect(requests.at(-1)!.searchParams.get('engine')).toBe('bayesian');
    expect(router.state.location.search).toContain('engine=bayesian');
  });

  it('shows health banners that say what is wrong and how to fix it', async () => {
    api(results({
      srm: { pValue: 1e-9, mismatch: true },
      headline: { tone: 'problem', text: 'Check the traffic split before trusting these results: the variants did not get the share of users they were configured for.', variant: null, metricId: null, daysRemaining: null },
      health: [{ code: 'srm', severity: 'error', title: 'Sample ratio mismatch: the split is not what was configured', explanation: 'Users per variant: Control 5,500 (expected 5,000), Variant B 4,500 (expected 5,000).', fix: 'Check that every variant records exposures the same way, then restart the experiment.', metricId: null }],
    }));
    open();
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Sample ratio mismatch: the split is not what was configured');
    expect(banner).toHaveTextContent('How to fix it: Check that every variant records exposures the same way');
    expect(screen.getByTestId('results-verdict')).toHaveTextContent(/^Check the traffic split/);
  });

  it('explains an experiment without metrics or users instead of drawing empty charts', async () => {
    api(results({
      metrics: [], exposures: [], variants: results().variants.map((v) => ({ ...v, users: 0 })),
      headline: { tone: 'problem', text: 'Add a metric to this experiment to see which variant wins.', variant: null, metricId: null, daysRemaining: null },
      health: [{ code: 'no-metrics', severity: 'warning', title: 'This experiment measures nothing yet', explanation: 'Without a metric there is nothing to compare.', fix: 'Edit the experiment and choose a primary metric.', metricId: null }],
    }));
    open();
    expect(await screen.findByText('No metrics to show')).toBeInTheDocument();
    expect(screen.getByText('No charts yet')).toBeInTheDocument();
    expect(screen.getByText('This experiment measures nothing yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says it is computing, then shows errors with a way to retry', async () => {
    let fail = true;
    // The results answer once "Computing" is on screen (the page asks for them beside the experiment).
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.get('/api/experiments/exp-1', () => HttpResponse.json(testExperiment())),
      http.get('/api/attributes', () => HttpResponse.json({ items: [] })),
      http.get('/api/experiments/exp-1/results', async () => {
        await answered;
        return fail ? problemJson(503, 'Service unavailable', 'The database is not reachable') : HttpResponse.json(results());
      }),
    );
    const { user } = open();
    expect(await screen.findByText('Computing results…')).toBeInTheDocument();
    answer();
    expect(await screen.findByText('Could not compute the results')).toBeInTheDocument();
    expect(screen.getByText('The database is not reachable')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('results-verdict')).toHaveTextContent(/Variant B is ahead/));
  });
});
