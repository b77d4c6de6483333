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

const reach: Reach = { matched: 12, total: 40, share: 0.3, exact: true, margin: 0, sampleSize: 40, computedMs: 3 };
const catalogEntry = (event: string, properties: string[] = []) => ({ event, type: 'track', count: 9, users: 3, withValue: 0, properties, lastSeenAt: '2026-12-01T10:00:00.000Z' });

type CreateAnswer = { status: number; body: unknown };
const serverError: CreateAnswer = { status: 500, body: {} };

function useApi(onCreate: (body: unknown) => void = () => undefined, answer: CreateAnswer = serverError) {
  server.use(
    http.get('/api/attributes', () => HttpResponse.json({ items: [] })),
    http.get('/api/segments', () => HttpResponse.json({ items: [] })),
    http.get('/api/events/catalog', () => HttpResponse.json({ items: [catalogEntry('added_to_cart', ['sku']), catalogEntry('purchase', ['category'])] })),
    http.post('/api/segments/reach', () => HttpResponse.json(reach)),
    http.post('/api/segments', async ({ request }) => {
      onCreate(await request.json());
      return HttpResponse.json(answer.body as Record<string, unknown>, { status: answer.status, headers: { 'content-type': 'application/problem+json' } });
    }),
  );
}

async function setDays(user: ReturnType<typeof renderWithApp>['user'], row: HTMLElement, days: string) {
  const input = within(row).getByRole('textbox', { name: /^Days/ });
  await user.clear(input);
  await user.type(input, days);
}

describe('SegmentForm (behaviour conditions)', () => {
  it('builds "added_to_cart in the last 7 days and did not purchase in the last 7 days" as exactly this definition', async () => {
    const created: unknown[] = [];
    useApi((body) => created.push(body));
    const { user } = renderWithApp(<SegmentForm onSaved={() => undefined} />, { session: testSession() });

    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Cart abandoners');
    await user.click(screen.getByRole('button', { name: 'Add behaviour' }));
    const added = screen.getByRole('group', { name: 'Behaviour 1' });
    await user.type(within(added).getByRole('combobox', { name: /^Event/ }), 'added_to_cart');
    await setDays(user, added, '7');

    await user.click(screen.getByRole('button', { name: 'Add behaviour' }));
    const purchased = screen.getByRole('group', { name: 'Behaviour 2' });
    await user.selectOptions(within(purchased).getByRole('combobox', { name: 'Did what' }), 'didNot');
    await user.type(within(purchased).getByRole('combobox', { name: /^Event/ }), 'purchase');
    await setDays(user, purchased, '7');

    expect(within(purchased).getByTestId('behaviour-sentence')).toHaveTextContent('users who did not purchase in the last 7 days');
    expect(screen.getByTestId('builder-summary')).toHaveTextContent('did added_to_cart in the last 7 days and did not purchase in the last 7 days');
    expect(screen.getByText(/Behaviour conditions count from the events the server has received/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create segment' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({
      name: 'Cart abandoners',
      description: '',
      definition: {
        kind: 'rules',
        builder: {
          type: 'group',
          combinator: 'and',
          children: [
            { type: 'behaviour', measure: 'did', event: 'added_to_cart', window: { kind: 'lastDays', days: 7 } },
            { type: 'behaviour', measure: 'didNot', event: 'purchase', window: { kind: 'lastDays', days: 7 } },
          ],
        },
      },
    });
  });

  it('shows "Choose an event" inline when the event is missing, and sends nothing', async () => {
    const created: unknown[] = [];
    useApi((body) => created.push(body));
    const { user } = renderWithApp(<SegmentForm onSaved={() => undefined} />, { session: testSession() });

    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'No event');
    await user.click(screen.getByRole('button', { name: 'Add behaviour' }));
    await user.click(screen.getByRole('button', { name: 'Create segment' }));

    const row = screen.getByRole('group', { name: 'Behaviour 1' });
    expect(await within(row).findByText('Choose an event')).toBeInTheDocument();
    expect(within(row).getByRole('combobox', { name: /^Event/ })).toHaveAccessibleDescription(/Choose an event/);
    expect(created).toEqual([]);
  });

  it('a count between two numbers with one end missing says so inline; a filter and a sum keep their JSON types', async () => {
    const created: unknown[] = [];
    useApi((body) => created.push(body));
    const { user } = renderWithApp(<SegmentForm onSaved={() => undefined} />, { session: testSession() });

    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Big spenders');
    await user.click(screen.getByRole('button', { name: 'Add behaviour' }));
    const row = screen.getByRole('group', { name: 'Behaviour 1' });
    await user.selectOptions(within(row).getByRole('combobox', { name: 'Did what' }), 'count');
    await user.type(within(row).getByRole('combobox', { name: /^Event/ }), 'purchase');
    await user.selectOptions(within(row).getByRole('combobox', { name: 'Comparison' }), 'between');
    await user.type(within(row).getByRole('textbox', { name: 'From' }), '2');
    await user.click(screen.getByRole('button', { name: 'Create segment' }));
    expect(await within(row).findByText('Enter a lower and an upper number')).toBeInTheDocument();
    expect(created).toEqual([]);

    await user.selectOptions(within(row).getByRole('combobox', { name: 'Did what' }), 'sum');
    await user.type(within(row).getByRole('combobox', { name: 'Add up' }), 'price');
    await user.selectOptions(within(row).getByRole('combobox', { name: 'Comparison' }), 'atLeast');
    await user.type(within(row).getByRole('textbox', { name: 'Amount' }), '99.5');
    await user.click(within(row).getByRole('button', { name: 'Add filter to behaviour 1' }));
    const filter = screen.getByRole('group', { name: 'Filter 1 of behaviour 1' });
    await user.type(within(filter).getByRole('combobox', { name: 'Property' }), 'quantity');
    await user.selectOptions(within(filter).getByRole('combobox', { name: 'Operator' }), 'greaterThan');
    await user.type(within(filter).getByRole('textbox', { name: 'Value' }), '2.5');
    await user.click(screen.getByRole('button', { name: 'Create segment' }));

    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({
      definition: {
        builder: {
          children: [
            {
              type: 'behaviour',
              measure: 'sum',
              event: 'purchase',
              property: 'price',
              comparison: 'atLeast',
              amount: 99.5,
              filters: [{ property: 'quantity', operator: 'greaterThan', value: 2.5 }],
              window: { kind: 'lastDays', days: 30 },
            },
          ],
        },
      },
    });
  });

  it('an emptied Days box says "Enter a number of days" beside it, not "Invalid input" on the row', async () => {
    const created: unknown[] = [];
    useApi((body) => created.push(body));
    const { user } = renderWithApp(<SegmentForm onSaved={() => undefined} />, { session: testSession() });

    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'No window');
    await user.click(screen.getByRole('button', { name: 'Add behaviour' }));
    const row = screen.getByRole('group', { name: 'Behaviour 1' });
    await user.type(within(row).getByRole('combobox', { name: /^Event/ }), 'purchase');
    await user.clear(within(row).getByRole('textbox', { name: /^Days/ }));
    await user.click(screen.getByRole('button', { name: 'Create segment' }));

    expect(await within(row).findByText('Enter a number of days')).toBeInTheDocument();
    expect(within(row).queryByText('Invalid input')).toBeNull();
    expect(created).toEqual([]);
  });

  it("puts the API's 400 field error beside the behaviour field it names", async () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      errors: [{ path: 'definition.builder.children.0.window.days', message: 'At most 365 days' }],
    };
    useApi(undefined, { status: 400, body: problem });
    const { user } = renderWithApp(<SegmentForm onSaved={() => undefined} />, { session: testSession() });

    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Server says no');
    await user.click(screen.getByRole('button', { name: 'Add behaviour' }));
    const row = screen.getByRole('group', { name: 'Behaviour 1' });
    await user.type(within(row).getByRole('combobox', { name: /^Event/ }), 'purchase');
    await user.click(screen.getByRole('button', { name: 'Create segment' }));

    expect(await within(row).findByText('At most 365 days')).toBeInTheDocument();
    expect(within(row).getByRole('textbox', { name: /^Days/ })).toHaveAccessibleDescription(/At most 365 days/);
  });
});
