import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
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
      http.post('/api/preview', async ({ request }) => {
        contexts.push(((await request.json()) as { context: unknown }).context);
        return HttpResponse.json(preview);
      }),
    );
    const { user } = renderWithApp(<PreviewPanel />, { session: testSession() });

    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByText('Enter a targetingKey (the user or device id)')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: /targetingKey/ }), 'user-42');
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
});
