import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../shared/contract/audit';
import { renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { AuditLog } from './audit-log';

const entry = (n: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `a${n}`,
  at: `2025-01-0${n}T10:00:00.000Z`,
  actorId: 'user-admin',
  actorName: 'Ada Admin',
  action: 'segment.updated',
  objectType: 'segment',
  objectId: `seg-${n}`,
  objectLabel: `Segment ${n}`,
  before: { name: `Segment ${n}`, version: 1 },
  after: { name: `Segment ${n}`, version: 2 },
  ...overrides,
});

describe('AuditLog', () => {
  it('loads more with the cursor and shows a before/after diff', async () => {
    const seen: URLSearchParams[] = [];
    server.use(
      http.get('/api/audit', ({ request }) => {
        const params = new URL(request.url).searchParams;
        seen.push(params);
        return params.get('cursor') === 'page-2'
          ? HttpResponse.json({ items: [entry(1, { action: 'segment.created', before: null, after: { name: 'Segment 1', version: 1 } })], nextCursor: null })
          : HttpResponse.json({ items: [entry(3), entry(2)], nextCursor: 'page-2' });
      }),
    );
    const { user } = renderWithApp(<AuditLog pageSize={2} />, { session: testSession() });

    expect(await screen.findByText('Segment 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Segment 1')).toBeInTheDocument();
    expect(seen.at(-1)?.get('cursor')).toBe('page-2');
    expect(seen.at(-1)?.get('limit')).toBe('2');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByText('3 changes shown')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show changes: Updated segment Segment 3' }));
    const diff = screen.getByRole('table', { name: 'Changes: Updated segment Segment 3' });
    const row = within(diff).getByRole('row', { name: /version/ });
    expect(row).toHaveTextContent('1');
    expect(row).toHaveTextContent('2');
  });

  it('filters by object type and shows the empty state', async () => {
    server.use(
      http.get('/api/audit', ({ request }) =>
        new URL(request.url).searchParams.get('objectType') === 'sdkKey'
          ? HttpResponse.json({ items: [], nextCursor: null })
          : HttpResponse.json({ items: [entry(1)], nextCursor: null }),
      ),
    );
    const { user } = renderWithApp(<AuditLog />, { session: testSession() });
    expect(await screen.findByText('Segment 1')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Object type' }), 'sdkKey');
    await waitFor(() => expect(screen.getByText('No changes match these filters')).toBeInTheDocument());
  });
});
