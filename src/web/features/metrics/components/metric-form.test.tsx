import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { Metric } from '../../../../shared/contract/metrics';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { MetricForm } from './metric-form';

// Mantine's autosize Textarea listens for web fonts loading; jsdom has no document.fonts.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  });
}

const catalog = [
  { event: 'purchase', type: 'track', count: 1234, users: 321, withValue: 1200, properties: ['category', 'price'], lastSeenAt: '2026-01-01T00:00:00.000Z' },
  { event: 'visit', type: 'track', count: 5000, users: 900, withValue: 0, properties: ['page'], lastSeenAt: '2026-01-01T00:00:00.000Z' },
  { event: 'experiment_exposure', type: 'exposure', count: 10, users: 10, withValue: 0, properties: [], lastSeenAt: '2026-01-01T00:00:00.000Z' },
];

const saved = (body: Partial<Metric>): Metric => ({
  id: 'm-1', key: 'k', name: 'n', description: '', kind: 'conversion', event: 'purchase', filters: [], denominator: null, numeratorUsesValue: false,
  direction: 'higher', windowHours: null, archivedAt: null, version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null,
  ...body,
});

function useApi(onWrite: (method: string, body: unknown) => Response | undefined = () => undefined) {
  const writes: { method: string; body: unknown }[] = [];
  server.use(
    http.get('/api/events/catalog', () => HttpResponse.json({ items: catalog })),
    http.post('/api/metrics', async ({ request }) => {
      const body = (await request.json()) as Partial<Metric>;
      writes.push({ method: 'POST', body });
      return onWrite('POST', body) ?? HttpResponse.json(saved(body), { status: 201 });
    }),
    http.patch('/api/metrics/:id', async ({ request }) => {
      const body = (await request.json()) as Partial<Metric>;
      writes.push({ method: 'PATCH', body });
      return onWrite('PATCH', body) ?? HttpResponse.json(saved(body));
    }),
  );
  return writes;
}

describe('MetricForm', () => {
  it('creates a conversion metric from a catalog event with a filter and a 7-day window', async () => {
    const writes = useApi();
    const onSaved = vi.fn();
    const { user } = renderWithApp(<MetricForm onSaved={onSaved} />, { session: testSession() });

    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Purchases of shoes');
    expect(screen.getByRole('textbox', { name: /^Key/ })).toHaveValue('purchases_of_shoes');
    const event = screen.getByRole('combobox', { name: /^Event/ });
    await user.type(event, 'purch');
    await user.click(await screen.findByRole('option', { name: /purchase\s*1,234 events from 321 users/ }));
    expect(await screen.findByText('Seen: 1,234 events from 321 users.')).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /experiment_exposure/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Add filter' }));
    const filter = screen.getByRole('group', { name: 'Filter 1' });
    expect(within(filter).getByText('2 seen on purchase')).toBeInTheDocument();
    await user.type(within(filter).getByRole('combobox', { name: /^Property/ }), 'category');
    await user.type(within(filter).getByRole('textbox', { name: 'Value' }), 'shoes');
    await user.type(screen.getByRole('textbox', { name: /^Conversion window/ }), '7');
    await user.click(screen.getByRole('button', { name: 'Create metric' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(writes).toEqual([
      {
        method: 'POST',
        body: {
          key: 'purchases_of_shoes', name: 'Purchases of shoes', description: '', kind: 'conversion', event: 'purchase',
          filters: [{ property: 'category', operator: 'equals', value: 'shoes' }],
          denominator: null, numeratorUsesValue: false, direction: 'higher', windowHours: 168,
        },
      },
    ]);
  });

  it('refuses a ratio without a denominator inline, then sends it once fixed', async () => {
    const writes = useApi();
    const { user } = renderWithApp(<MetricForm onSaved={() => undefined} />, { session: testSession() });

    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Revenue per visit');
    await user.click(screen.getByRole('radio', { name: 'Ratio' }));
    await user.type(screen.getByRole('combobox', { name: /^Numerator event/ }), 'purchase');
    await user.click(screen.getByRole('checkbox', { name: "Use the event's value" }));
    await user.click(screen.getByRole('button', { name: 'Create metric' }));

    const denominator = screen.getByRole('combobox', { name: /^Denominator event/ });
    expect(await screen.findByText('A ratio needs a denominator event')).toBeInTheDocument();
    expect(denominator).toHaveAttribute('aria-invalid', 'true');
    expect(writes).toEqual([]);

    await user.type(denominator, 'visit');
    await user.click(screen.getByRole('button', { name: 'Create metric' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0].body).toMatchObject({ kind: 'ratio', numeratorUsesValue: true, denominator: { event: 'visit', filters: [] } });
  });

  it('shows a taken key beside the key and says when an event was never sent', async () => {
    useApi(() => problemJson(409, 'Conflict', 'A metric with this key exists already', [{ path: 'key', message: 'This key is taken' }]));
    const { user } = renderWithApp(<MetricForm onSaved={() => undefined} />, { session: testSession() });

    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Signups');
    await user.type(screen.getByRole('combobox', { name: /^Event/ }), 'signup_completed');
    expect(await screen.findByText('Never sent yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create metric' }));

    const key = screen.getByRole('textbox', { name: /^Key/ });
    await waitFor(() => expect(key).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('This key is taken')).toBeInTheDocument();
    expect(screen.queryByText(/exists already/)).toBeNull(); // placed on the field, not repeated above the button
  });

  it('saves an edit with its version and offers their version after a conflict', async () => {
    const metric = saved({ id: 'm-9', key: 'orders', name: 'Orders', kind: 'count', version: 4, windowHours: 36 });
    const writes = useApi((method) => (method === 'PATCH' ? problemJson(409, 'Conflict', 'Someone else saved this metric after you opened it.') : undefined));
    const onStale = vi.fn();
    const { user } = renderWithApp(<MetricForm metric={metric} onSaved={() => undefined} onStale={onStale} />, { session: testSession() });

    expect(screen.getByRole('textbox', { name: /^Key/ })).toHaveAttribute('readonly');
    expect(screen.getByRole('textbox', { name: /^Conversion window/ })).toHaveValue('36');
    expect(screen.getByRole('combobox', { name: 'Unit' })).toHaveValue('hours');
    await user.click(screen.getByRole('radio', { name: 'Lower is better' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText(/Someone else saved this metric/)).toBeInTheDocument();
    expect(writes[0].body).toMatchObject({ expectedVersion: 4, direction: 'lower', kind: 'count', windowHours: 36 });
    expect(writes[0].body).not.toHaveProperty('key');
    await user.click(screen.getByRole('button', { name: 'Load their version' }));
    expect(onStale).toHaveBeenCalled();
  });
});
