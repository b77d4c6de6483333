import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Comparison, ComparisonList } from '../../../../shared/contract/environments';
import { testEnvironments } from '../../../test/environments';
import { testParameter } from '../../parameters/components/test-fixtures';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { CompareView } from './compare-view';

const [production, staging] = testEnvironments();
const settings = (overrides: Partial<Comparison['from']>): Comparison['from'] => ({
  defaultValue: 'Buy now',
  killed: false,
  rules: [],
  version: 4,
  updatedAt: '2025-01-02T10:00:00.000Z',
  updatedBy: 'user-admin',
  ...overrides,
});
const buttonText: Comparison = {
  parameter: { id: 'p-1', key: 'checkout.button_text', name: 'Checkout button text', spec: { type: 'string' } },
  from: settings({ defaultValue: 'Get it now', rules: [{}, {}], version: 7 }),
  to: settings({ version: 4 }),
  differences: ['defaultValue', 'rules'],
};

function compareApi(items: Comparison[], copy: (body: unknown) => Response = () => HttpResponse.json({})) {
  const asked: string[] = [];
  const copies: unknown[] = [];
  server.use(
    http.get('/api/parameters/compare', ({ request }) => {
      asked.push(new URL(request.url).search);
      return HttpResponse.json({ from: staging, to: production, items } satisfies ComparisonList);
    }),
    http.post('/api/parameters/:id/copy', async ({ request }) => {
      const body = await request.json();
      copies.push(body);
      return copy(body);
    }),
  );
  return { asked, copies };
}

const renderView = (canCopy = true) =>
  renderWithApp(<CompareView environments={testEnvironments()} from="staging" to="production" canCopy={canCopy} onChange={() => undefined} />, { session: testSession() });

describe('CompareView', () => {
  it('shows each differing setting side by side and copies the ticked ones with the version shown', async () => {
    const { asked, copies } = compareApi([buttonText], () => HttpResponse.json(testParameter({ id: 'p-1', version: 5 })));
    const { user } = renderView();

    const card = await screen.findByRole('region', { name: 'Checkout button text' });
    expect(asked).toEqual(['?from=staging&to=production&differentOnly=true']);
    expect(within(card).getByText('Get it now')).toBeInTheDocument();
    expect(within(card).getByText('Buy now')).toBeInTheDocument();
    expect(within(card).getByText('2 rules')).toBeInTheDocument();
    expect(within(card).getByText('No rules')).toBeInTheDocument();
    expect(within(card).getByRole('checkbox', { name: /Copy default value/ })).toBeChecked();
    expect(within(card).getByRole('checkbox', { name: /Copy kill switch/ })).not.toBeChecked();

    await user.click(within(card).getByRole('checkbox', { name: /Copy targeting rules/ }));
    await user.click(within(card).getByRole('button', { name: /Copy to Production/ }));

    expect(await screen.findByText('Copied default value of checkout.button_text into Production (version 5).')).toBeInTheDocument();
    expect(copies).toEqual([{ from: 'staging', to: 'production', fields: ['defaultValue'], expectedVersion: 4 }]);
  });

  it('says clearly when the target changed meanwhile (409) and copies nothing', async () => {
    compareApi([buttonText], () => problemJson(409, 'Conflict', 'Version 4 is stale'));
    const { user } = renderView();

    const card = await screen.findByRole('region', { name: 'Checkout button text' });
    await user.click(within(card).getByRole('button', { name: /Copy to Production/ }));

    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent('Production changed since this comparison loaded');
    expect(alert).toHaveTextContent('Reload the comparison to see their change');
  });

  it('says the environments match when nothing differs; viewers see values without copy controls', async () => {
    compareApi([]);
    const { unmount } = renderView();
    expect(await screen.findByText('Staging and Production match')).toBeInTheDocument();
    unmount();

    compareApi([buttonText]);
    renderView(false);
    const card = await screen.findByRole('region', { name: 'Checkout button text' });
    expect(within(card).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /Copy to/ })).not.toBeInTheDocument();
  });

  it('shows an error with a way to try again', async () => {
    server.use(http.get('/api/parameters/compare', () => problemJson(500, 'Internal error', 'Database unavailable')));
    renderView();
    expect(await screen.findByText('Could not compare the environments')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Database unavailable')).toBeInTheDocument());
  });
});
