import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { PromotionCheck } from '../../../../../shared/contract/experiments';
import { problemJson, renderWithApp } from '../../../../test/render';
import { server } from '../../../../test/server';
import { createDraftExperiment, moveThrough } from '../../test/fixtures';
import { useRealApi } from '../../test/real-api';
import { PromoteModal } from './promote-modal';
import { testRollout } from '../../../rollouts/test/fixtures';

/** B is the significant winner on Purchases: the dialog chooses it. */
const check: PromotionCheck = {
  exposedUsers: 4000,
  blocked: null,
  recommended: 'b',
  variants: [
    { key: 'control', name: 'Control', significantWinner: false, primary: null, guardrails: [], risks: [], confirmPhrase: null },
    { key: 'b', name: 'Variant B', significantWinner: true, primary: { metricName: 'Purchases', verdict: 'winning', summary: 'Winning: +12%' }, guardrails: [], risks: [], confirmPhrase: null },
  ],
};

describe('promote the winner through a guarded rollout', () => {
  it('posts the variant, steps and the experiment’s metrics as guardrails, shows the server’s step errors in place, then opens the rollout', async () => {
    const api = await useRealApi();
    const metric = (await api.call('POST', '/api/metrics', { key: 'purchases', name: 'Purchases', kind: 'conversion', event: 'purchase', direction: 'higher' })) as { id: string };
    const running = await moveThrough(api, await createDraftExperiment(api, { metrics: { primary: metric.id, secondary: [], guardrails: [] } }), ['start']);
    const sent: unknown[] = [];
    server.use(
      http.get('/api/experiments/:id/promotion-check', () => HttpResponse.json(check)),
      http.post('/api/experiments/:id/promote/guarded', async ({ request }) => {
        sent.push(await request.json());
        return sent.length === 1
          ? problemJson(400, 'Invalid request', 'Some fields need attention.', [{ path: 'steps.1.percent', message: 'Each step reaches more users than the one before' }])
          : HttpResponse.json(testRollout({ id: 'rollout-9' }), { status: 201 });
      }),
    );
    const modal = <PromoteModal experiment={running} segments={[]} opened onClose={() => undefined} onPromoted={() => undefined} />;
    const { user } = renderWithApp(null, {
      session: api.session,
      path: '/promote',
      routes: [
        { path: '/promote', element: modal },
        { path: '/rollouts/:id', element: <p>Rollout page</p> },
      ],
    });

    const dialog = await screen.findByRole('dialog', { name: 'Promote the winner' });
    await user.click(await within(dialog).findByRole('radio', { name: 'Guarded rollout (recommended)' }));
    const secondStep = within(dialog).getByRole('textbox', { name: 'Step 2: percent of users' });
    await user.clear(secondStep);
    await user.type(secondStep, '5');
    const minutes = within(dialog).getByRole('textbox', { name: 'Step 1: minimum minutes' });
    await user.clear(minutes);
    await user.type(minutes, '30');
    await user.click(within(dialog).getByRole('button', { name: 'Start guarded rollout' }));

    expect(await within(dialog).findByText('Each step reaches more users than the one before')).toBeInTheDocument();
    expect(secondStep).toHaveAttribute('aria-invalid', 'true');
    expect(sent[0]).toEqual({
      variant: 'b',
      audience: { kind: 'experiment' },
      expectedVersion: running.version,
      steps: [
        { percent: 10, minMinutes: 30, minUsers: 1000 },
        { percent: 5, minMinutes: 60, minUsers: 1000 },
        { percent: 50, minMinutes: 60, minUsers: 1000 },
        { percent: 100, minMinutes: 0, minUsers: 0 },
      ],
      guardrails: [metric.id],
    });

    await user.clear(secondStep);
    await user.type(secondStep, '25');
    await user.click(within(dialog).getByRole('button', { name: 'Start guarded rollout' }));
    expect(await screen.findByText('Rollout page')).toBeInTheDocument();
    expect((sent[1] as { steps: Array<{ percent: number }> }).steps[1]?.percent).toBe(25);
  });
});
