import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { Parameter } from '../../../../shared/contract/parameters';
import { renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { ParameterEditForm } from './parameter-edit-form';
import { testParameter } from './test-fixtures';

describe('ParameterEditForm', () => {
  it('sends only the changed fields with the version it started from', async () => {
    let body: unknown;
    const saved = testParameter({ name: 'Pay button text', version: 4 });
    server.use(
      http.patch('/api/parameters/:id', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ ...saved, warnings: [] });
      }),
    );
    const { user } = renderWithApp(<ParameterEditForm parameter={testParameter()} canEdit onReloaded={vi.fn()} />, { session: testSession() });

    const name = screen.getByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await user.type(name, 'Pay button text');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved as version 4')).toBeInTheDocument();
    expect(body).toEqual({ expectedVersion: 3, name: 'Pay button text' });
  });

  it('on 409 shows what differs from the saved version, and “Overwrite with mine” re-sends with the new version', async () => {
    const theirs: Parameter = testParameter({ version: 5, defaultValue: 'Order now', updatedAt: '2025-01-03T10:00:00.000Z' });
    const bodies: Array<{ expectedVersion: number }> = [];
    server.use(
      http.patch('/api/parameters/:id', async ({ request }) => {
        const body = (await request.json()) as { expectedVersion: number };
        bodies.push(body);
        if (body.expectedVersion !== theirs.version) {
          return HttpResponse.json(
            { type: 'https://switchboard.dev/problems/409', title: 'Conflict', status: 409, detail: 'The parameter changed', current: theirs },
            { status: 409, headers: { 'content-type': 'application/problem+json' } },
          );
        }
        return HttpResponse.json({ ...theirs, defaultValue: 'Pay now', version: 6, warnings: [] });
      }),
      http.get('/api/parameters/:id', () => HttpResponse.json(theirs)),
    );
    const { user } = renderWithApp(<ParameterEditForm parameter={testParameter()} canEdit onReloaded={vi.fn()} />, { session: testSession() });

    const value = screen.getByRole('textbox', { name: /^Default value/ });
    await user.clear(value);
    await user.type(value, 'Pay now');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this parameter' });
    const diff = within(dialog).getByRole('table');
    const row = within(diff).getByRole('row', { name: /Default value/ });
    expect(within(row).getByText('“Order now”')).toBeInTheDocument();
    expect(within(row).getByText('“Pay now”')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Overwrite with mine' }));

    expect(await screen.findByText('Saved as version 6')).toBeInTheDocument();
    expect(bodies).toEqual([
      { expectedVersion: 3, defaultValue: 'Pay now' },
      { expectedVersion: 5, defaultValue: 'Pay now' },
    ]);
    expect(screen.queryByRole('dialog', { name: 'Someone else changed this parameter' })).not.toBeInTheDocument();
  });

  it('“Reload their version” replaces the draft with the saved version', async () => {
    const theirs: Parameter = testParameter({ version: 5, name: 'Their name' });
    server.use(
      http.patch('/api/parameters/:id', () => HttpResponse.json({ type: 't', title: 'Conflict', status: 409, current: theirs }, { status: 409 })),
      http.get('/api/parameters/:id', () => HttpResponse.json(theirs)),
    );
    const onReloaded = vi.fn();
    const { user } = renderWithApp(<ParameterEditForm parameter={testParameter()} canEdit onReloaded={onReloaded} />, { session: testSession() });

    const name = screen.getByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await user.type(name, 'My name');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(await screen.findByRole('button', { name: 'Reload their version' }));

    expect(onReloaded).toHaveBeenCalledWith(theirs);
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Their name');
  });
});
