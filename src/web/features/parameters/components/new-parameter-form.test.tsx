import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { problemJson, renderWithApp, testSession } from '../../../test/render';
import { server } from '../../../test/server';
import { NewParameterForm } from './new-parameter-form';
import { testParameter } from './test-fixtures';

describe('NewParameterForm', () => {
  it('prefills the key and shows the server’s duplicate-key error beside the Key field', async () => {
    let body: unknown;
    server.use(
      http.post('/api/parameters', async ({ request }) => {
        body = await request.json();
        return problemJson(409, 'Conflict', 'A parameter with this key exists', [{ path: 'key', message: 'Another parameter already uses this key' }]);
      }),
    );
    const onCreated = vi.fn();
    const { user } = renderWithApp(<NewParameterForm initialKey="checkout.button_text" onCreated={onCreated} />, { session: testSession() });

    expect(screen.getByRole('textbox', { name: /^Key/ })).toHaveValue('checkout.button_text');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Checkout button');
    await user.click(screen.getByRole('button', { name: 'Create parameter' }));

    const key = screen.getByRole('textbox', { name: /^Key/ });
    expect(await screen.findByText('Another parameter already uses this key')).toBeInTheDocument();
    expect(key).toHaveAttribute('aria-invalid', 'true');
    expect(key).toHaveAccessibleDescription(expect.stringContaining('Another parameter already uses this key'));
    expect(body).toMatchObject({ key: 'checkout.button_text', name: 'Checkout button', spec: { type: 'string' }, defaultValue: '' });
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('puts a server error about the default value beside the value editor', async () => {
    server.use(http.post('/api/parameters', () => problemJson(400, 'Invalid request', 'The request body has invalid fields', [{ path: 'defaultValue', message: 'Words like this are not allowed' }])));
    const { user } = renderWithApp(<NewParameterForm onCreated={vi.fn()} />, { session: testSession() });

    await user.type(screen.getByRole('textbox', { name: /^Key/ }), 'promo.text');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Promo text');
    await user.click(screen.getByRole('button', { name: 'Create parameter' }));

    const value = await screen.findByRole('textbox', { name: /^Default value/ });
    expect(await screen.findByText('Words like this are not allowed')).toBeInTheDocument();
    expect(value).toHaveAccessibleDescription(expect.stringContaining('Words like this are not allowed'));
  });

  it('checks the default value against its type before sending, and creates once it is fixed', async () => {
    let calls = 0;
    server.use(
      http.post('/api/parameters', async ({ request }) => {
        calls++;
        const body = (await request.json()) as { key: string };
        return HttpResponse.json(testParameter({ key: body.key, spec: { type: 'integer' }, defaultValue: 2 }), { status: 201 });
      }),
    );
    const onCreated = vi.fn();
    const { user } = renderWithApp(<NewParameterForm onCreated={onCreated} />, { session: testSession() });

    await user.type(screen.getByRole('textbox', { name: /^Key/ }), 'cart.max_items');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Max items');
    await user.click(screen.getByRole('combobox', { name: 'Type' }));
    await user.click(await screen.findByRole('option', { name: 'Integer' }));
    const value = screen.getByRole('textbox', { name: /^Default value/ });
    await user.clear(value);
    await user.type(value, '1.5');
    expect(await screen.findByText('Must be a whole number')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create parameter' }));
    expect(calls).toBe(0);

    await user.clear(value);
    await user.type(value, '2');
    await user.click(screen.getByRole('button', { name: 'Create parameter' }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(calls).toBe(1);
  });
});
