import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../../../../shared/contract/experiments';
import type { Parameter } from '../../../../../shared/contract/parameters';
// Tests may compose server and web: the simulated traffic is written through the real store.
import { simulate } from '../../../../../server/modules/results/results-fixtures';
import { routes } from '../../../../app/routing/routes';
import { renderWithApp } from '../../../../test/render';
import { createDraftExperiment, moveThrough } from '../../test/fixtures';
import { useRealApi } from '../../test/real-api';

// The dialog opens once the in-page server has computed the promotion check from the results:
// on a loaded machine (the whole suite on two cores) that took over the 5 s default twice.
const DIALOG_TIMEOUT_MS = 20_000;

type Api = Awaited<ReturnType<typeof useRealApi>>;

/** A running experiment measured by purchases, with 4,000 users at the given purchase rates. */
async function runningWithTraffic(api: Api, rates: { control: number; b: number } | null) {
  const metric = (await api.call('POST', '/api/metrics', { key: 'purchases', name: 'Purchases', kind: 'conversion', event: 'purchase', direction: 'higher' })) as { id: string };
  const running = await moveThrough(api, await createDraftExperiment(api, { metrics: { primary: metric.id, secondary: [], guardrails: [] } }), ['start']);
  if (rates) {
    await simulate(api.store, {
      experimentId: running.id, users: 4000, days: 7, seed: 5, start: running.startedAt!,
      arms: [{ key: 'control', share: 0.5, purchaseRate: rates.control }, { key: 'b', share: 0.5, purchaseRate: rates.b }],
    });
  }
  return running;
}

describe('promote the winner', () => {
  it('cannot start while no one has been exposed, and says why', async () => {
    const api = await useRealApi();
    const running = await runningWithTraffic(api, null);
    renderWithApp(null, { routes, path: `/experiments/${running.id}`, session: api.session });
    const button = await screen.findByRole('button', { name: 'Promote winner' });
    expect(await screen.findByText('No one has been exposed yet, so there is no result to promote.')).toBeInTheDocument();
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('No one has been exposed yet, so there is no result to promote.');
  });

  it('chooses nothing when there is no significant winner, and promotes "no difference" only after the typed phrase', async () => {
    const api = await useRealApi();
    const running = await runningWithTraffic(api, { control: 0.2, b: 0.2 });
    const { user } = renderWithApp(null, { routes, path: `/experiments/${running.id}`, session: api.session });

    await user.click(await screen.findByRole('button', { name: 'Promote winner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Promote the winner' }, { timeout: DIALOG_TIMEOUT_MS });
    const b = await within(dialog).findByRole('radio', { name: 'Variant B (b)' });
    expect(b).not.toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Control (control)' })).not.toBeChecked();
    expect(within(dialog).getByText(/none is chosen for you/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Show what changes' })).toBeDisabled();

    await user.click(b);
    expect(b).toHaveAccessibleDescription(/^Purchases: No difference: /);
    const verdicts = within(dialog).getByRole('group', { name: 'What the results say about Variant B' });
    expect(verdicts).toHaveTextContent(/Primary metric, Purchases: No difference/);
    expect(within(dialog).getByText(/Variant B is not a significant winner on Purchases/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Everyone' }));
    await user.click(within(dialog).getByRole('button', { name: 'Show what changes' }));
    // Each parameter's change is drawn as the app shows it: now and after, side by side.
    const change = await within(dialog).findByRole('listitem', { name: 'Hero colour' });
    const after = within(change).getByRole('region', { name: 'Hero colour: After promotion' });
    expect(await within(after).findByRole('figure', { name: 'Colour on a phone' })).toHaveTextContent('Buy now');
    expect(after).toHaveTextContent('#2F9E44');
    expect(within(change).getByRole('region', { name: 'Hero colour: Now' })).toHaveTextContent('#1C7ED6');

    const promote = within(dialog).getByRole('button', { name: /^Promote to / });
    expect(promote).toBeDisabled();
    const phrase = within(dialog).getByRole('textbox', { name: 'To promote it anyway, type "promote b anyway"' });
    await user.type(phrase, 'promote b');
    expect(promote).toBeDisabled();
    await user.type(phrase, ' anyway');
    expect(promote).toBeEnabled();
    expect(((await api.call('GET', '/api/parameters/hero-color')) as Parameter).rules).toHaveLength(0);

    await user.click(promote);
    expect(await screen.findByText('Variant B was promoted')).toBeInTheDocument();
    expect(((await api.call('GET', '/api/parameters/hero-color')) as Parameter).rules).toHaveLength(1);
    expect(((await api.call('GET', `/api/experiments/${running.id}`)) as Experiment).status).toBe('completed');

    await user.click(screen.getByRole('button', { name: 'Undo promotion' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Undo the promotion?' })).getByRole('button', { name: 'Undo promotion' }));
    expect(await screen.findByText('Promotion undone')).toBeInTheDocument();
    expect(((await api.call('GET', '/api/parameters/hero-color')) as Parameter).rules).toHaveLength(0);
  });

  it('pre-selects a significant winner and promotes it without a phrase', async () => {
    const api = await useRealApi();
    const running = await runningWithTraffic(api, { control: 0.2, b: 0.3 });
    const { user } = renderWithApp(null, { routes, path: `/experiments/${running.id}`, session: api.session });

    await user.click(await screen.findByRole('button', { name: 'Promote winner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Promote the winner' }, { timeout: DIALOG_TIMEOUT_MS });
    expect(await within(dialog).findByRole('radio', { name: 'Variant B (b)' })).toBeChecked();
    expect(within(dialog).getByText('Variant B is the significant winner, so it is chosen.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Show what changes' }));
    await user.click(await within(dialog).findByRole('button', { name: /^Promote to / }));
    expect(await screen.findByText('Variant B was promoted')).toBeInTheDocument();
  });

  it('where approval is required, proposes the promotion as a change request instead', async () => {
    const api = await useRealApi();
    const running = await runningWithTraffic(api, { control: 0.2, b: 0.3 });
    const production = ((await api.call('GET', '/api/environments')) as { items: { id: string; version: number }[] }).items.find((e) => e.id === 'production')!;
    await api.call('PATCH', '/api/environments/production', { expectedVersion: production.version, requiresApproval: true });
    const { user } = renderWithApp(null, { routes, path: `/experiments/${running.id}`, session: api.session });

    await user.click(await screen.findByRole('button', { name: 'Promote winner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Promote the winner' }, { timeout: DIALOG_TIMEOUT_MS });
    await user.click(await within(dialog).findByRole('button', { name: 'Show what changes' }));
    await user.click(await within(dialog).findByRole('button', { name: /^Promote to / }));
    await user.click(await within(dialog).findByRole('button', { name: 'Propose this promotion' }));

    expect(await screen.findByRole('heading', { name: 'Promote the winner of “Hero test”' }, { timeout: 10_000 })).toBeInTheDocument();
    const requests = (await api.call('GET', '/api/change-requests?environment=production')) as { items: { experiments: unknown[] }[] };
    expect(requests.items[0].experiments).toEqual([expect.objectContaining({ action: 'promote', promote: expect.objectContaining({ variant: 'b' }) })]);
    expect(((await api.call('GET', `/api/experiments/${running.id}`)) as { promotion: unknown }).promotion).toBeNull();
  });
});
