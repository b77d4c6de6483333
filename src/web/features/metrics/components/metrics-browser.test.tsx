import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Metric } from '../../../../shared/contract/metrics';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { MetricsBrowser } from './metrics-browser';

const metric = (overrides: Partial<Metric>): Metric => ({
  id: 'm-1', key: 'shoe_purchases', name: 'Purchases of shoes', description: '', kind: 'conversion', event: 'purchase',
  filters: [{ property: 'category', operator: 'equals', value: 'shoes' }], denominator: null, numeratorUsesValue: false,
  direction: 'higher', windowHours: 168, archivedAt: null, version: 2, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null,
  ...overrides,
});
const metrics = [
  metric({}),
  metric({ id: 'm-2', key: 'errors', name: 'Checkout errors', kind: 'count', event: 'checkout_error', filters: [], direction: 'lower', windowHours: null }),
];
const hrefFor = (id: string) => `?metric=${id}`;

describe('MetricsBrowser', () => {
  it('lists metrics with what they measure and filters them by search', async () => {
    server.use(http.get('/api/metrics', () => HttpResponse.json({ items: metrics })));
    const { user } = renderWithApp(<MetricsBrowser canEdit hrefFor={hrefFor} />, { session: testSession() });

    const row = (await screen.findByRole('link', { name: 'Purchases of shoes' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Conversion')).toBeInTheDocument();
    expect(within(row).getByText('purchase where category = shoes')).toBeInTheDocument();
    expect(within(row).getByText('Higher is better')).toBeInTheDocument();
    expect(within(row).getByText('7 days')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Edit Purchases of shoes' })).toHaveAttribute('href', '/?metric=m-1');

    await user.type(screen.getByRole('textbox', { name: 'Search metrics' }), 'checkout_err');
    expect(screen.queryByRole('link', { name: 'Purchases of shoes' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Checkout errors' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Search metrics' }), 'zzz');
    expect(screen.getByText('No metrics match')).toBeInTheDocument();
  });

  it('explains metrics when there are none yet, and offers to create one', async () => {
    server.use(http.get('/api/metrics', () => HttpResponse.json({ items: [] })));
    renderWithApp(<MetricsBrowser canEdit hrefFor={hrefFor} />, { session: testSession() });
    expect(await screen.findByText('No metrics yet')).toBeInTheDocument();
    expect(screen.getByText(/A metric turns the events your app sends into a number/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'New metric' })).toHaveAttribute('href', '/?metric=new');
  });

  it('shows a load error with a retry', async () => {
    let calls = 0;
    server.use(http.get('/api/metrics', () => (++calls === 1 ? problemJson(503, 'Unavailable', 'The database is not answering') : HttpResponse.json({ items: metrics }))));
    const { user } = renderWithApp(<MetricsBrowser canEdit hrefFor={hrefFor} />, { session: testSession() });
    expect(await screen.findByText('The database is not answering')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Checkout errors' })).toBeInTheDocument();
  });

  it('archives after confirming, and shows why the server refused', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.get('/api/metrics', () => HttpResponse.json({ items: metrics })),
      http.patch('/api/metrics/:id', async ({ request }) => {
        bodies.push(await request.json());
        return problemJson(409, 'Conflict', 'This metric is measured by experiment “Shoe page”. Archive it once they have ended.');
      }),
    );
    const { user } = renderWithApp(<MetricsBrowser canEdit hrefFor={hrefFor} />, { session: testSession() });
    await user.click(await screen.findByRole('button', { name: 'Archive Purchases of shoes' }));
    await user.click(screen.getByRole('button', { name: 'Archive metric' }));
    expect(await screen.findByText(/measured by experiment “Shoe page”/)).toBeInTheDocument();
    expect(bodies).toEqual([{ expectedVersion: 2, archived: true }]);
  });

  it('gives viewers the list without edit or archive actions', async () => {
    server.use(http.get('/api/metrics', () => HttpResponse.json({ items: metrics })));
    renderWithApp(<MetricsBrowser canEdit={false} hrefFor={hrefFor} />, { session: testSession({ role: 'viewer' }) });
    expect(await screen.findByText('Checkout errors')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Checkout errors' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Archive/ })).toBeNull();
  });
});
