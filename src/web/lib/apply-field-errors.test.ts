import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { applyFieldErrors } from './apply-field-errors';

type Form = { email: string; name: string };

describe('applyFieldErrors', () => {
  it('puts each server field error on its field, focusing the first', () => {
    const setError = vi.fn();
    const error = new ApiError({
      status: 400,
      title: 'Invalid request',
      detail: 'The request body has invalid fields',
      fieldErrors: [
        { path: 'email', message: 'Already has an account' },
        { path: 'name', message: 'Too long' },
      ],
    });

    expect(applyFieldErrors<Form>(error, setError, { fields: ['email', 'name'] })).toBe(true);

    expect(setError.mock.calls).toEqual([
      ['email', { type: 'server', message: 'Already has an account' }, { shouldFocus: true }],
      ['name', { type: 'server', message: 'Too long' }, { shouldFocus: false }],
    ]);
  });

  it('sends errors without a matching field, and errors without fields, to root.server', () => {
    const setError = vi.fn();
    const error = new ApiError({ status: 400, title: 'Invalid request', detail: 'Bad link', fieldErrors: [{ path: 'token', message: 'Expired' }] });

    expect(applyFieldErrors<Form>(error, setError, { fields: ['email', 'name'] })).toBe(false);
    expect(setError).toHaveBeenCalledWith('root.server', { type: 'server', message: 'Bad link Details: token: Expired.' });

    setError.mockClear();
    applyFieldErrors<Form>(new ApiError({ status: 401, title: 'Unauthorized', detail: 'The email or password is not right' }), setError);
    expect(setError).toHaveBeenCalledWith('root.server', { type: 'server', message: 'The email or password is not right' });
  });

  it('words unexpected errors for people', () => {
    const setError = vi.fn();
    applyFieldErrors<Form>(new TypeError('boom'), setError);
    expect(setError).toHaveBeenCalledWith('root.server', { type: 'server', message: 'boom' });
  });
});
