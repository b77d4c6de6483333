import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../../../shared/contract/environments';
import { testEnvironments } from '../../../test/environments';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { EnvironmentsPanel } from './environments-panel';

/** An environments API over a list held here, recording what the panel sent. */
function environmentsApi() {
  let items: Environment[] = testEnvironments();
  const sent: Array<{ method: string; path: string; body: unknown }> = [];
  server.use(
    http.get('/api/environments', () => HttpResponse.json({ items })),
    http.post('/api/environments', async ({ request }) => {
      const body = (await request.json()) as { key: string; name: string; color: string };
      sent.push({ method: 'POST', path: '/api/environments', body });
      if (items.some((item) => item.key === body.key)) return problemJson(409, 'Conflict', 'The key is taken', [{ path: 'key', message: 'An environment already uses this key' }]);
      const created = { ...items[0], ...body, id: body.key, position: items.length, version: 1 };
      items = [...items, created];
      return HttpResponse.json(created, { status: 201 });
    }),
    http.put('/api/environments/order', async ({ request }) => {
      const body = (await request.json()) as { ids: string[] };
      sent.push({ method: 'PUT', path: '/api/environments/order', body });
      items = body.ids.map((id, position) => ({ ...items.find((item) => item.id === id)!, position }));
      return HttpResponse.json({ items });
    }),
    http.patch('/api/environments/:id', async ({ request, params }) => {
      const body = await request.json();
      sent.push({ method: 'PATCH', path: `/api/environments/${String(params.id)}`, body });
      if (params.id === 'production') return problemJson(409, 'Conflict', 'Production cannot be archived: live apps read it.');
      const { expectedVersion: _version, archived, ...changes } = body as { expectedVersion: number; archived?: boolean; name?: string; color?: string };
      const archivedAt = archived === undefined ? undefined : archived ? '2025-02-01T10:00:00.000Z' : null;
      items = items.map((item) => (item.id === params.id ? { ...item, ...changes, ...(archivedAt === undefined ? {} : { archivedAt }), version: item.version + 1 } : item));
      return HttpResponse.json(items.find((item) => item.id === params.id));
    }),
  );
  return sent;
}

const row = (name: string) => screen.getByText(name, { selector: 'p' }).closest('tr') as HTMLElement;

describe('EnvironmentsPanel', () => {
  it('adds an environment with a key, a name and a colour from the palette; a taken key is shown beside the field', async () => {
    const sent = environmentsApi();
    const { user } = renderWithApp(<EnvironmentsPanel />, { session: testSession() });
    await screen.findByText('Staging', { selector: 'p' });

    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'QA');
    await user.type(screen.getByRole('textbox', { name: /Key/ }), 'staging');
    await user.click(screen.getByRole('radio', { name: 'Purple' }));
    await user.click(screen.getByRole('button', { name: 'Add environment' }));
    expect(await screen.findByText('An environment already uses this key')).toBeInTheDocument();

    await user.clear(screen.getByRole('textbox', { name: /Key/ }));
    await user.type(screen.getByRole('textbox', { name: /Key/ }), 'qa');
    await user.click(screen.getByRole('button', { name: 'Add environment' }));

    expect(await screen.findByText('QA', { selector: 'p' })).toBeInTheDocument();
    expect(sent.at(-1)).toEqual({ method: 'POST', path: '/api/environments', body: expect.objectContaining({ key: 'qa', name: 'QA', color: '#6941c6' }) });
  });

  it('moves an environment down by sending the whole new order', async () => {
    const sent = environmentsApi();
    const { user } = renderWithApp(<EnvironmentsPanel />, { session: testSession() });

    expect(await screen.findByRole('button', { name: 'Move Production up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Development down' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Move Staging down' }));

    await waitFor(() => expect(sent).toEqual([{ method: 'PUT', path: '/api/environments/order', body: { ids: ['production', 'development', 'staging'] } }]));
    await waitFor(() => expect(screen.getAllByRole('row').slice(1).map((tr) => within(tr).getByText(/^(Production|Staging|Development)$/).textContent)).toEqual(['Production', 'Development', 'Staging']));
  });

  it('renames and recolours with the version shown', async () => {
    const sent = environmentsApi();
    const { user } = renderWithApp(<EnvironmentsPanel />, { session: testSession() });
    await user.click(await screen.findByRole('button', { name: 'Edit Development' }));

    const dialog = await screen.findByRole('dialog', { name: 'Edit Development' });
    await user.clear(within(dialog).getByRole('textbox', { name: /Name/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'Dev');
    await user.click(within(dialog).getByRole('radio', { name: 'Green' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Dev', { selector: 'p' })).toBeInTheDocument();
    expect(sent).toEqual([{ method: 'PATCH', path: '/api/environments/development', body: { name: 'Dev', color: '#067647', expectedVersion: 1 } }]);
  });

  it('archives after confirmation, and shows why when the server refuses', async () => {
    const sent = environmentsApi();
    const { user } = renderWithApp(<EnvironmentsPanel />, { session: testSession() });

    await user.click(await screen.findByRole('button', { name: 'Archive Production' }));
    await user.click(await screen.findByRole('button', { name: 'Archive environment' }));
    expect(await screen.findByText('Production cannot be archived: live apps read it.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Archive Staging' }));
    await user.click(await screen.findByRole('button', { name: 'Archive environment' }));
    await waitFor(() => expect(within(row('Staging')).getByText('Archived')).toBeInTheDocument());
    expect(within(row('Staging')).queryByRole('button', { name: 'Move Staging up' })).not.toBeInTheDocument();
    expect(sent.map((call) => call.body)).toEqual([
      { expectedVersion: 1, archived: true },
      { expectedVersion: 1, archived: true },
    ]);
  });
});
