import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { PreviewPanel } from './preview-panel';

describe('PreviewPanel (behaviour)', () => {
  it('lists each behaviour condition with what was observed, yes or no, and the segments by name', async () => {
    server.use(
      http.get('/api/known-users', () => HttpResponse.json({ items: [] })),
      http.get('/api/parameters', () => HttpResponse.json({ items: [], total: 0, offset: 0, limit: 500, tags: [] })),
      http.post('/api/preview', () =>
        HttpResponse.json({
          configVersion: 4,
          results: [],
          behaviour: [
            { ruleId: 'b1', segmentIds: ['s-1'], segmentNames: ['Loyal buyers'], description: 'did purchase at least 3 times in the last 30 days', observed: 'purchase 4 times in the last 30 days', holds: true },
            { ruleId: 'b2', segmentIds: ['s-1', 's-old'], segmentNames: ['Loyal buyers', 'Lapsed buyers'], description: 'did not purchase in the last 7 days', observed: 'purchase 1 time in the last 7 days', holds: false },
          ],
        }),
      ),
    );
    const { user } = renderWithApp(<PreviewPanel />, { session: testSession() });
    await user.type(screen.getByRole('textbox', { name: /User ID/ }), 'user-42');
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const list = await screen.findByRole('list', { name: 'Behaviour of user-42' });
    const [bought, notBought] = within(list).getAllByRole('listitem');
    expect(bought).toHaveTextContent('did purchase at least 3 times in the last 30 days — observed: purchase 4 times in the last 30 days — yes');
    expect(await within(bought).findByText('Segment: Loyal buyers')).toBeInTheDocument();
    expect(notBought).toHaveTextContent('did not purchase in the last 7 days — observed: purchase 1 time in the last 7 days — no');
    expect(await within(notBought).findByText('Segments: Loyal buyers, Lapsed buyers')).toBeInTheDocument();
  });

  it('shows no behaviour section when no segment in use has behaviour conditions', async () => {
    server.use(
      http.get('/api/known-users', () => HttpResponse.json({ items: [] })),
      http.get('/api/parameters', () => HttpResponse.json({ items: [], total: 0, offset: 0, limit: 500, tags: [] })),
      http.post('/api/preview', () => HttpResponse.json({ configVersion: 4, results: [] })),
    );
    const { user } = renderWithApp(<PreviewPanel />, { session: testSession() });
    await user.type(screen.getByRole('textbox', { name: /User ID/ }), 'user-42');
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    expect(await screen.findByText('No parameters yet')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Behaviour' })).toBeNull();
  });
});
