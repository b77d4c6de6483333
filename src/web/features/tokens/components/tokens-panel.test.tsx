import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ApiToken, CreatedApiToken } from '../../../../shared/contract/tokens';
import { renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { TokensPanel } from './tokens-panel';

const token: ApiToken = {
  id: 'tok-1',
  name: 'CI deploy',
  role: 'editor',
  prefix: 'sbt_abcdef',
  createdBy: 'user-admin',
  createdAt: '2025-01-02T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

describe('TokensPanel', () => {
  it('shows the empty state when there are no tokens', async () => {
    server.use(http.get('/api/tokens', () => HttpResponse.json({ items: [] })));
    renderWithApp(<TokensPanel />, { session: testSession() });
    expect(await screen.findByText('No API tokens yet')).toBeInTheDocument();
  });

  it('creates a token and shows its secret once, with a warning', async () => {
    const items: ApiToken[] = [];
    server.use(
      http.get('/api/tokens', () => HttpResponse.json({ items })),
      http.post('/api/tokens', async ({ request }) => {
        const body = (await request.json()) as { name: string; role: ApiToken['role'] };
        items.push({ ...token, name: body.name, role: body.role });
        const created: CreatedApiToken = { token: items[0], secret: 'sbt_secret_value_1234567890' };
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    const { user } = renderWithApp(<TokensPanel />, { session: testSession() });

    await user.type(await screen.findByLabelText(/Token name/), 'CI deploy');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    expect(await screen.findByLabelText('Token secret')).toHaveValue('sbt_secret_value_1234567890');
    expect(screen.getByText(/won’t be shown again/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy token' })).toBeInTheDocument();
    expect(await screen.findByText('sbt_abcdef…')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByLabelText('Token secret')).not.toBeInTheDocument();
  });

  it('revokes a token after confirmation', async () => {
    let current = token;
    server.use(
      http.get('/api/tokens', () => HttpResponse.json({ items: [current] })),
      http.delete('/api/tokens/:id', () => {
        current = { ...token, revokedAt: '2025-01-03T10:00:00.000Z' };
        return HttpResponse.json(current);
      }),
    );
    const { user } = renderWithApp(<TokensPanel />, { session: testSession() });

    await user.click(await screen.findByRole('button', { name: 'Revoke CI deploy' }));
    expect(screen.getByRole('dialog', { name: 'Revoke “CI deploy”?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Revoke token' }));

    await waitFor(() => expect(screen.getByText('Revoked')).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Revoke CI deploy' })).not.toBeInTheDocument();
  });
});
