import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Rollout } from '../../../../shared/contract/rollouts';
import { routes } from '../../../app/routing/routes';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { testRollout } from '../test/fixtures';

/** The rollout page's API: the rollout, the metrics catalog, segments, and the parameter behind each value preview. */
function serveRollout(rollout: Rollout, onAction?: (action: string, body: unknown) => Response | Promise<Response>) {
  server.use(
    http.get('/api/rollouts/:id', () => HttpResponse.json(rollout)),
    http.get('/api/metrics', () => HttpResponse.json({ items: [] })),
    http.get('/api/segments', () => HttpResponse.json({ items: [] })),
    http.get('/api/parameters/:key', () => problemJson(404, 'Not found')),
    http.post('/api/rollouts/:id/actions/:action', async ({ params, request }) => (onAction ? onAction(String(params.action), await request.json()) : problemJson(500, 'Unexpected'))),
  );
}

describe('Rollout page', () => {
  it('draws the step ladder with the current step and its progress', async () => {
    serveRollout(testRollout());
    renderWithApp(null, { routes, path: '/rollouts/rollout-1', session: testSession() });

    const ladder = await screen.findByRole('list', { name: 'Rollout steps' });
    const steps = within(ladder).getAllByRole('listitem');
    expect(steps.map((step) => step.getAttribute('aria-label'))).toEqual(['Step 1: 10%, done', 'Step 2: 25%, current', 'Step 3: 50%, pending', 'Step 4: 100%, pending']);
    expect(steps[1]).toHaveAttribute('aria-current', 'step');
    expect(steps[1]).toHaveTextContent('312 of 1,000 users · 40 of 60 min');
    expect(steps[0]).toHaveTextContent('at least 60 min · at least 1,000 users');
    expect(screen.getByText('Step 2 of 4 · 25%')).toBeInTheDocument();
  });

  it('marks the step a rolled-back rollout stopped at', async () => {
    serveRollout(testRollout({ status: 'rolled_back', endedAt: '2026-12-03T10:50:00.000Z' }));
    renderWithApp(null, { routes, path: '/rollouts/rollout-1', session: testSession() });
    const ladder = await screen.findByRole('list', { name: 'Rollout steps' });
    expect(within(ladder).getAllByRole('listitem').map((step) => step.getAttribute('aria-label'))).toEqual([
      'Step 1: 10%, done',
      'Step 2: 25%, rolled back here',
      'Step 3: 50%, pending',
      'Step 4: 100%, pending',
    ]);
    expect(screen.getByText('Stopped at step 2 of 4 · everyone has the old value')).toBeInTheDocument();
  });

  it('lists the decisions newest first, naming who made each or the monitor', async () => {
    serveRollout(testRollout());
    renderWithApp(null, { routes, path: '/rollouts/rollout-1', session: testSession() });

    const log = await screen.findByRole('list', { name: 'Decisions, newest first' });
    const entries = within(log).getAllByRole('listitem');
    expect(entries.map((entry) => entry.textContent)).toEqual([
      expect.stringMatching(/^HeldStep 2 held: 312 of 1,000 users needed.* · Monitor$/),
      expect.stringMatching(/^AdvancedStep 1 done: 1,204 users, no guardrail harmed; now 25%.* · Monitor$/),
      expect.stringMatching(/^StartedStarted at 10% for everyone.* · Ada Admin$/),
    ]);
  });

  it('says which guardrail is harmed in words, with both sides and the interval', async () => {
    serveRollout(testRollout());
    renderWithApp(null, { routes, path: '/rollouts/rollout-1', session: testSession() });

    const table = await screen.findByRole('table', { name: 'Each guardrail at the last check' });
    const purchases = within(table).getByRole('row', { name: /Purchases/ });
    expect(purchases).toHaveTextContent('20.0%');
    expect(purchases).toHaveTextContent('12.0%');
    expect(purchases).toHaveTextContent('2,400 / 800');
    expect(purchases).toHaveTextContent('-40%');
    expect(purchases).toHaveTextContent('-55% to -22%');
    expect(purchases).toHaveTextContent('Harmful: clearly worse with the new value');
    expect(within(table).getByRole('row', { name: /Refunds/ })).toHaveTextContent('No clear harm');
    expect(screen.getByText(/keep 95% confidence over the whole rollout/)).toBeInTheDocument();
    expect(screen.getByText('Rolls back when any guardrail is worse with 95% confidence (over every guardrail and step together).')).toBeInTheDocument();
  });

  it('shows the parameter before and after', async () => {
    serveRollout(testRollout());
    renderWithApp(null, { routes, path: '/rollouts/rollout-1', session: testSession() });
    expect(await screen.findByRole('region', { name: 'Paywall title: Before' })).toHaveTextContent('Go Pro');
    expect(screen.getByRole('region', { name: 'Paywall title: After' })).toHaveTextContent('Unlock everything');
  });

  it('rolls back only with a reason, and sends it with the version it saw', async () => {
    const sent: Array<{ action: string; body: unknown }> = [];
    serveRollout(testRollout(), (action, body) => {
      sent.push({ action, body });
      return HttpResponse.json(testRollout({ status: 'rolled_back', version: 4, endedAt: '2026-12-03T10:50:00.000Z' }));
    });
    const { user } = renderWithApp(null, { routes, path: '/rollouts/rollout-1', session: testSession() });

    await user.click(await screen.findByRole('button', { name: 'Roll back…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Roll back this rollout?' });
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    expect(within(dialog).getByText('Say why you are rolling back')).toBeInTheDocument();
    expect(sent).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: /Why are you rolling back/ }), 'Support tickets doubled');
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    expect(await screen.findByText('Rolled back')).toBeInTheDocument();
    expect(sent).toEqual([{ action: 'roll_back', body: { expectedVersion: 3, reason: 'Support tickets doubled' } }]);
  });

  it('disables what cannot be done now and says why', async () => {
    serveRollout(testRollout({ status: 'paused' }));
    renderWithApp(null, { routes, path: '/rollouts/rollout-1', session: testSession() });
    const check = await screen.findByRole('button', { name: 'Check now' });
    expect(check).toBeDisabled();
    expect(check).toHaveAccessibleDescription('Check now: The monitor does not check a paused rollout: resume it first.');
    expect(screen.getByRole('button', { name: 'Resume' })).toBeEnabled();
  });

  it('says once why an ended rollout has no controls', async () => {
    serveRollout(testRollout({ status: 'completed', stepIndex: 3, endedAt: '2026-12-03T12:00:00.000Z' }));
    renderWithApp(null, { routes, path: '/rollouts/rollout-1', session: testSession() });
    const finish = await screen.findByRole('button', { name: 'Finish' });
    expect(finish).toBeDisabled();
    expect(finish).toHaveAccessibleDescription('The rollout is finished: everyone in the audience has the new value.');
  });
});
