import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Reach } from '../../../../shared/contract/segments';
import { renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { SegmentForm } from './segment-form';

// Mantine's autosize Textarea listens for web fonts loading; jsdom has no document.fonts.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  });
}

const attributes = [
  { name: 'age', kinds: ['number'], declared: false, lastSeenAt: '2025-01-02T10:00:00.000Z' },
  { name: 'country', kinds: ['text'], declared: true, lastSeenAt: '2025-01-02T10:00:00.000Z' },
];
const reach: Reach = { matched: 12_340, total: 98_765, share: 0.125, exact: false, margin: 210, sampleSize: 10_000, computedMs: 12 };

function useApi(onReach: (body: unknown) => void = () => undefined, onCreate: (body: unknown) => void = () => undefined) {
  server.use(
    http.get('/api/attributes', () => HttpResponse.json({ items: attributes })),
    http.get('/api/segments', () => HttpResponse.json({ items: [] })),
    http.post('/api/segments/reach', async ({ request }) => {
      onReach(await request.json());
      return HttpResponse.json(reach);
    }),
    http.post('/api/segments', async ({ request }) => {
      onCreate(await request.json());
      return HttpResponse.json({}, { status: 500 });
    }),
  );
}

describe('SegmentForm (visual builder)', () => {
  it('adds a nested group and shows the compiled condition live', async () => {
    useApi();
    const { user } = renderWithApp(<SegmentForm onSaved={() => undefined} />, { session: testSession() });

    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const rule1 = screen.getByRole('group', { name: 'Rule 1' });
    await user.type(within(rule1).getByRole('combobox', { name: /^Attribute/ }), 'country');
    await user.type(within(rule1).getByRole('textbox', { name: 'Value' }), 'DE');

    await user.click(screen.getByRole('button', { name: 'Add group' }));
    const group2 = screen.getByRole('group', { name: 'Group 2' });
    await user.click(within(group2).getByRole('button', { name: 'Add rule to group 2' }));
    const rule21 = screen.getByRole('group', { name: 'Rule 2.1' });
    await user.type(within(rule21).getByRole('combobox', { name: /^Attribute/ }), 'age');
    await user.selectOptions(within(rule21).getByRole('combobox', { name: 'Kind' }), 'number');
    await user.selectOptions(within(rule21).getByRole('combobox', { name: 'Operator' }), 'gte');
    await user.type(within(rule21).getByRole('textbox', { name: 'Value' }), '18');
    const rule22 = screen.getByRole('group', { name: 'Rule 2.2' });
    await user.type(within(rule22).getByRole('combobox', { name: /^Attribute/ }), 'premium');
    await user.selectOptions(within(rule22).getByRole('combobox', { name: 'Kind' }), 'boolean');

    const compiled = JSON.parse(screen.getByTestId('compiled-condition').textContent ?? '{}') as unknown;
    expect(compiled).toEqual({
      $and: [
        { country: { $exists: true, $eq: 'DE' } },
        { $or: [{ age: { $exists: true, $gte: 18 } }, { premium: { $exists: true, $eq: true } }] },
      ],
    });
  });

  it('shows the reach figure for a valid definition (debounced)', async () => {
    const bodies: unknown[] = [];
    useApi((body) => bodies.push(body));
    const { user } = renderWithApp(<SegmentForm onSaved={() => undefined} />, { session: testSession() });

    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const rule1 = screen.getByRole('group', { name: 'Rule 1' });
    await user.type(within(rule1).getByRole('combobox', { name: /^Attribute/ }), 'country');
    await user.type(within(rule1).getByRole('textbox', { name: 'Value' }), 'DE');

    expect(await screen.findByText('≈ 12,340 of 98,765 known users (12.5%) ± 210', {}, { timeout: 3000 })).toBeInTheDocument();
    await waitFor(() => expect(bodies.at(-1)).toMatchObject({ definition: { kind: 'rules', builder: { children: [{ attribute: 'country', value: 'DE' }] } } }));
  });

  it('refuses an invalid pattern inline and sends nothing', async () => {
    const created: unknown[] = [];
    useApi(undefined, (body) => created.push(body));
    const { user } = renderWithApp(<SegmentForm onSaved={() => undefined} />, { session: testSession() });

    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Broken');
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const rule1 = screen.getByRole('group', { name: 'Rule 1' });
    await user.type(within(rule1).getByRole('combobox', { name: /^Attribute/ }), 'country');
    await user.selectOptions(within(rule1).getByRole('combobox', { name: 'Operator' }), 'matches');
    await user.type(within(rule1).getByRole('textbox', { name: 'Pattern' }), '(abc');
    await user.click(screen.getByRole('button', { name: 'Create segment' }));

    expect(await within(rule1).findByText('Not a valid regular expression')).toBeInTheDocument();
    expect(created).toEqual([]);
  });

  it('refuses a backreference pattern inline (patterns run in linear time) and sends nothing', async () => {
    const created: unknown[] = [];
    useApi(undefined, (body) => created.push(body));
    const { user } = renderWithApp(<SegmentForm onSaved={() => undefined} />, { session: testSession() });

    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Repeated');
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const rule1 = screen.getByRole('group', { name: 'Rule 1' });
    await user.type(within(rule1).getByRole('combobox', { name: /^Attribute/ }), 'country');
    await user.selectOptions(within(rule1).getByRole('combobox', { name: 'Operator' }), 'matches');
    await user.type(within(rule1).getByRole('textbox', { name: 'Pattern' }), '^(\\w)\\1$');
    await user.click(screen.getByRole('button', { name: 'Create segment' }));

    expect(await within(rule1).findByText(/^Not supported: backreference \\1/)).toBeInTheDocument();
    expect(created).toEqual([]);
  });
});
