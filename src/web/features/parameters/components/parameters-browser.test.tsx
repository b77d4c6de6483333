import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { ParametersBrowser } from './parameters-browser';
import { testPage, testParameter } from './test-fixtures';

describe('ParametersBrowser', () => {
  it('renders a row per parameter with key, name, type and tags, and asks the server for 200 at a time', async () => {
    const seen: URLSearchParams[] = [];
    server.use(
      http.get('/api/parameters', ({ request }) => {
        seen.push(new URL(request.url).searchParams);
        return HttpResponse.json(
          testPage(
            [testParameter(), testParameter({ id: 'p-2', key: 'home.hero_color', name: 'Hero colour', spec: { type: 'color' }, defaultValue: '#FF0000', tags: [] })],
            ['checkout'],
          ),
        );
      }),
    );
    renderWithApp(<ParametersBrowser canEdit />, { session: testSession() });

    const link = await screen.findByRole('link', { name: 'checkout.button_text' });
    const row = link.closest('tr');
    expect(row).not.toBeNull();
    expect(within(row as HTMLElement).getByText('Checkout button text')).toBeInTheDocument();
    expect(within(row as HTMLElement).getByText('Text')).toBeInTheDocument();
    expect(within(row as HTMLElement).getByText('checkout')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'home.hero_color' })).toHaveAttribute('href', '/parameters/p-2');
    expect(screen.getByRole('checkbox', { name: 'Select home.hero_color' })).toBeInTheDocument();
    expect(screen.getByText('Showing 2 of 2 parameters')).toBeInTheDocument();
    expect(seen[0].get('limit')).toBe('200');
    expect(seen[0].get('offset')).toBe('0');
  });

  it('shows the bulk action bar for checked rows and archives them', async () => {
    let bulkBody: unknown;
    server.use(
      http.get('/api/parameters', () => HttpResponse.json(testPage([testParameter()]))),
      http.post('/api/parameters/bulk', async ({ request }) => {
        bulkBody = await request.json();
        return HttpResponse.json({ updated: 1 });
      }),
    );
    const { user } = renderWithApp(<ParametersBrowser canEdit />, { session: testSession() });

    await user.click(await screen.findByRole('checkbox', { name: 'Select checkout.button_text' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(bar).getByText('1 selected')).toBeInTheDocument();
    await user.click(within(bar).getByRole('button', { name: 'Archive' }));

    expect(await screen.findByText('1 parameter archived')).toBeInTheDocument();
    expect(bulkBody).toEqual({ ids: ['p-1'], action: 'archive' });
  });

  it('shows the empty state when there are no parameters', async () => {
    server.use(http.get('/api/parameters', () => HttpResponse.json(testPage([]))));
    renderWithApp(<ParametersBrowser canEdit />, { session: testSession() });

    expect(await screen.findByText('No parameters yet — create one or import a manifest')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'New parameter' })).toHaveAttribute('href', '/parameters/new');
  });

  it('hides selection from viewers', async () => {
    server.use(http.get('/api/parameters', () => HttpResponse.json(testPage([testParameter()]))));
    renderWithApp(<ParametersBrowser canEdit={false} />, { session: testSession({ role: 'viewer' }) });

    expect(await screen.findByRole('link', { name: 'checkout.button_text' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('lists and bulk-changes parameters in the environment on screen', async () => {
    const asked: string[] = [];
    server.use(
      http.get('/api/parameters', ({ request }) => {
        asked.push(`list ${new URL(request.url).searchParams.get('environment')}`);
        return HttpResponse.json(testPage([testParameter({ environmentId: 'staging' })]));
      }),
      http.post('/api/parameters/bulk', ({ request }) => {
        asked.push(`bulk ${new URL(request.url).searchParams.get('environment')}`);
        return HttpResponse.json({ updated: 1 });
      }),
    );
    const { user } = renderWithApp(<ParametersBrowser canEdit />, { session: testSession(), path: '/parameters?env=staging' });

    await user.click(await screen.findByRole('checkbox', { name: 'Select checkout.button_text' }));
    await user.click(within(screen.getByRole('region', { name: 'Bulk actions' })).getByRole('button', { name: 'Archive' }));

    expect(await screen.findByText('1 parameter archived')).toBeInTheDocument();
    expect(asked.slice(0, 2)).toEqual(['list staging', 'bulk staging']);
  });
});
