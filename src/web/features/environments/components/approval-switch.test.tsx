import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { testEnvironments } from '../../../test/environments';
import { server } from '../../../test/server';
import { ApprovalSwitch } from './approval-switch';

describe('ApprovalSwitch', () => {
  it('turns approval on for an environment against the version shown, and recommends it for Production', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.patch('/api/environments/production', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ ...testEnvironments()[0], requiresApproval: true, version: 2 });
      }),
    );
    const { user } = renderWithApp(<ApprovalSwitch environment={{ ...testEnvironments()[0]!, requiresApproval: false }} />, { session: testSession() });

    const toggle = screen.getByRole('switch', { name: 'Require approval in Production' });
    expect(screen.getByText('Recommended for Production')).toBeInTheDocument();
    await user.click(toggle);
    await waitFor(() => expect(bodies).toEqual([{ expectedVersion: 1, requiresApproval: true }]));
  });

  it('says why a change was refused', async () => {
    server.use(http.patch('/api/environments/staging', () => problemJson(409, 'Conflict', 'Someone else changed Staging')));
    const { user } = renderWithApp(<ApprovalSwitch environment={{ ...testEnvironments()[1]!, requiresApproval: false }} />, { session: testSession() });
    await user.click(screen.getByRole('switch', { name: 'Require approval in Staging' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed Staging');
  });
});
