import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { CreatedSdkKey, SdkKey } from '../../../../shared/contract/sdk-keys';
import { renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { SdkKeysPanel } from './sdk-keys-panel';

const key: SdkKey = {
  id: 'key-1',
  name: 'iOS app',
  kind: 'client',
  environmentId: 'production',
  allowEvents: false,
  prefix: 'sbk_c_abc',
  createdBy: 'user-admin',
  createdAt: '2025-01-02T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

describe('SdkKeysPanel', () => {
  it('creates a key and shows its secret once, with a warning', async () => {
    const items: SdkKey[] = [];
    const bodies: unknown[] = [];
    server.use(
      http.get('/api/sdk-keys', () => HttpResponse.json({ items })),
      http.post('/api/sdk-keys', async ({ request }) => {
        const body = (await request.json()) as { name: string; kind: SdkKey['kind']; allowEvents: boolean; environmentId: string };
        bodies.push(body);
        items.push({ ...key, name: body.name, kind: body.kind, allowEvents: body.allowEvents, environmentId: body.environmentId });
        const created: CreatedSdkKey = { key: items[0], secret: 'sbk_c_secret_value_123' };
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    const { user } = renderWithApp(<SdkKeysPanel canManage />, { session: testSession() });

    expect(await screen.findByText('No SDK keys yet')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Key name/), 'iOS app');
    await user.click(screen.getByRole('switch', { name: /Allow sending events/ }));
    await user.click(screen.getByRole('button', { name: 'Create SDK key' }));

    expect(await screen.findByLabelText('SDK key secret')).toHaveValue('sbk_c_secret_value_123');
    expect(bodies).toEqual([{ name: 'iOS app', kind: 'client', allowEvents: true, environmentId: 'production' }]);
    expect(screen.getByText(/won’t be shown again/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy key' })).toBeInTheDocument();
    expect(await screen.findByText('sbk_c_abc…')).toBeInTheDocument();
    expect(screen.getByText('Client + events')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByLabelText('SDK key secret')).not.toBeInTheDocument();
    expect(screen.queryByText('sbk_c_secret_value_123')).not.toBeInTheDocument();
  });

  it('revokes after confirmation; non-admins only read', async () => {
    let current = key;
    server.use(
      http.get('/api/sdk-keys', () => HttpResponse.json({ items: [current] })),
      http.delete('/api/sdk-keys/:id', () => {
        current = { ...key, revokedAt: '2025-01-03T10:00:00.000Z' };
        return HttpResponse.json(current);
      }),
    );
    const { user, unmount } = renderWithApp(<SdkKeysPanel canManage />, { session: testSession() });
    await user.click(await screen.findByRole('button', { name: 'Revoke iOS app' }));
    await user.click(screen.getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(screen.getByText('Revoked')).toBeInTheDocument());
    unmount();

    renderWithApp(<SdkKeysPanel canManage={false} />, { session: testSession({ role: 'viewer' }) });
    expect(await screen.findByText('iOS app')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Create an SDK key' })).not.toBeInTheDocument();
  });

  it('creates a key for the environment on screen unless another is chosen, and lists each key with its environment', async () => {
    const items: SdkKey[] = [];
    const bodies: Array<{ environmentId: string }> = [];
    server.use(
      http.get('/api/sdk-keys', () => HttpResponse.json({ items })),
      http.post('/api/sdk-keys', async ({ request }) => {
        const body = (await request.json()) as { name: string; environmentId: string };
        bodies.push(body);
        items.push({ ...key, id: `key-${items.length}`, name: body.name, environmentId: body.environmentId });
        return HttpResponse.json({ key: items[items.length - 1], secret: 'sbk_c_secret' } satisfies CreatedSdkKey, { status: 201 });
      }),
    );
    const { user } = renderWithApp(<SdkKeysPanel canManage />, { session: testSession(), path: '/settings/sdk-keys?env=staging' });

    const environment = screen.getByRole('combobox', { name: /Environment/ });
    await waitFor(() => expect(environment).toHaveValue('staging'));
    await user.type(screen.getByLabelText(/Key name/), 'Staging web');
    await user.click(screen.getByRole('button', { name: 'Create SDK key' }));
    await user.click(await screen.findByRole('button', { name: 'I have copied it' }));

    await user.selectOptions(screen.getByRole('combobox', { name: /Environment/ }), 'development');
    await user.type(screen.getByLabelText(/Key name/), 'Dev web');
    await user.click(screen.getByRole('button', { name: 'Create SDK key' }));

    await screen.findByRole('button', { name: 'I have copied it' });
    expect(bodies.map((body) => body.environmentId)).toEqual(['staging', 'development']);
    const stagingRow = (await screen.findByText('Staging web')).closest('tr') as HTMLElement;
    expect(within(stagingRow).getByText('Staging')).toBeInTheDocument();
    expect(within(screen.getByText('Dev web').closest('tr') as HTMLElement).getByText('Development')).toBeInTheDocument();
  });
});
