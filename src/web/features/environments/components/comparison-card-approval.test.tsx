import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../shared/contract/environments';
import { renderWithApp, testSession } from '../../../test/render';
import { testEnvironments } from '../../../test/environments';
import { server } from '../../../test/server';
import { ComparisonCard } from './comparison-card';
import { testChangeRequest } from '../../change-requests/components/test-fixtures';

const rule = { id: 'r1', description: '', audience: { kind: 'everyone' }, value: 'Hi', rollout: 100, enabled: true };
const comparison: Comparison = {
  parameter: { id: 'param-1', key: 'paywall.title', name: 'Paywall title', spec: { type: 'string' } },
  from: { defaultValue: 'Try it free', killed: false, rules: [], version: 5, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null },
  to: { defaultValue: 'Go Pro', killed: false, rules: [rule], version: 8, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null },
  differences: ['defaultValue', 'rules'],
};

describe('ComparisonCard into an environment that requires approval', () => {
  it('copies the ticked fields into a change request, merged into the target’s current settings, and opens it', async () => {
    const [production, staging] = testEnvironments();
    const bodies: unknown[] = [];
    server.use(
      http.post('/api/change-requests', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(testChangeRequest({ id: 'cr-9' }), { status: 201 });
      }),
    );
    const { user, router } = renderWithApp(
      <ComparisonCard comparison={comparison} from={staging!} to={{ ...production!, requiresApproval: true }} canCopy onCopied={() => undefined} />,
      { session: testSession({ role: 'editor' }) },
    );

    // Only the default value: Production keeps its own rules.
    await user.click(screen.getByRole('checkbox', { name: 'Copy targeting rules of paywall.title' }));
    await user.click(screen.getByRole('button', { name: 'Copy into a change request for Production: paywall.title' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/changes/cr-9'));
    expect(router.state.location.search).toBe('?env=production');
    expect(bodies).toEqual([
      {
        environmentId: 'production',
        title: 'Copy paywall.title from Staging',
        changes: [{ parameterId: 'param-1', baseVersion: 8, after: { defaultValue: 'Try it free', killed: false, rules: [rule] } }],
      },
    ]);
  });
});
