import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../../../shared/contract/parameters';
import type { Preview } from '../../../../shared/contract/preview';
import { renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { PreviewPanel } from './preview-panel';

const preview: Preview = {
  configVersion: 7,
  results: [
    {
      key: 'welcome.text',
      value: 'Hallo',
      variant: 'rule-1',
      reason: 'TARGETING_MATCH',
      trace: [
        { kind: 'rule', label: 'Rule 1: Germany', matched: true, detail: 'in segment Germany' },
        { kind: 'default', label: 'Default value', matched: false },
      ],
    },
  ],
};

describe('PreviewPanel', () => {
  it('sends the typed context and shows values with their traces', async () => {
    const contexts: unknown[] = [];
    server.use(
      http.get('/api/known-users', () => HttpResponse.json({ items: [] })),
      http.get('/api/parameters', () => HttpResponse.json({ items: [], total: 0, offset: 0, limit: 500, tags: [] })),
      http.post('/api/preview', async ({ request }) => {
        contexts.push(((await request.json()) as { context: unknown }).context);
        return HttpResponse.json(preview);
      }),
    );
    const { user } = renderWithApp(<PreviewPanel />, { session: testSession() });

    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByText('Enter a user ID (the user or device id your app sends)')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: /User ID/ }), 'user-42');
    await user.type(screen.getByRole('textbox', { name: 'Attribute 1 name' }), 'age');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Attribute 1 type' }), 'number');
    await user.type(screen.getByRole('textbox', { name: 'Attribute 1 value' }), '31');
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const card = await screen.findByRole('article', { name: 'welcome.text' });
    expect(contexts).toEqual([{ targetingKey: 'user-42', age: 31 }]);
    expect(within(card).getByText('TARGETING_MATCH')).toBeInTheDocument();
    const trace = within(card).getByRole('list', { name: 'Why welcome.text has this value' });
    expect(within(trace).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Rule 1: Germanymatchedin segment Germany',
      'Default valuenot matched',
    ]);
  });

  it('draws a paywall value as the paywall screen, named by the parameter', async () => {
    const paywall: Parameter = {
      id: 'p-9',
      environmentId: 'production',
      key: 'paywall.offer',
      name: 'Paywall offer',
      description: '',
      tags: [],
      spec: { type: 'json', schema: { 'x-switchboard-template': 'offer', type: 'object' } },
      defaultValue: {},
      killed: false,
      rules: [],
      archivedAt: null,
      version: 1,
      createdAt: '2025-01-01T10:00:00.000Z',
      updatedAt: '2025-01-01T10:00:00.000Z',
      updatedBy: null,
    };
    const offer = { headline: 'Go Premium', price: 4.99, currency: 'USD', trialDays: 14, accentColor: '#0B7285' };
    server.use(
      http.get('/api/known-users', () => HttpResponse.json({ items: [] })),
      http.get('/api/parameters', () => HttpResponse.json({ items: [paywall], total: 1, offset: 0, limit: 500, tags: [] })),
      http.post('/api/preview', () =>
        HttpResponse.json({ configVersion: 3, results: [{ key: 'paywall.offer', value: offer, variant: 'b', reason: 'SPLIT', trace: [] }] } satisfies Preview),
      ),
    );
    const { user } = renderWithApp(<PreviewPanel />, { session: testSession() });
    await user.type(screen.getByRole('textbox', { name: /User ID/ }), 'user-7');
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const card = await screen.findByRole('article', { name: 'Paywall offer' });
    const phone = await within(card).findByRole('figure', { name: 'Paywall on a phone' });
    expect(phone).toHaveTextContent('Go Premium');
    expect(phone).toHaveTextContent('14-day free trial, then $4.99');
    expect(within(card).getByText(/Placed in an experiment variant/)).toBeInTheDocument();
    expect(card).not.toHaveTextContent('"headline"');
  });

  it('previews and lists known users in the environment on screen', async () => {
    const asked: string[] = [];
    server.use(
      http.get('/api/known-users', ({ request }) => {
        asked.push(`known-users ${new URL(request.url).searchParams.get('environment')}`);
        return HttpResponse.json({ items: [] });
      }),
      http.get('/api/parameters', () => HttpResponse.json({ items: [], total: 0, offset: 0, limit: 500, tags: [] })),
      http.post('/api/preview', ({ request }) => {
        asked.push(`preview ${new URL(request.url).searchParams.get('environment')}`);
        return HttpResponse.json(preview);
      }),
    );
    const { user } = renderWithApp(<PreviewPanel />, { session: testSession(), path: '/preview?env=staging' });

    await user.type(screen.getByRole('textbox', { name: /User ID/ }), 'user-42');
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    expect(await screen.findByRole('article', { name: 'welcome.text' })).toBeInTheDocument();
    expect(asked).toContain('preview staging');
    expect(asked.filter((entry) => entry.startsWith('known-users')).every((entry) => entry === 'known-users staging')).toBe(true);
  });
});
