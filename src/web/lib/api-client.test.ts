import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER, roles } from '../../shared/contract/auth';
import { server } from '../test/server';
import { apiRequest } from './api-client';
import { ApiError } from './api-error';
import { roleOrder } from './roles';
import { CSRF_HEADER_NAME, sessionQueryKey } from './session-cache';

function clientWithSession(csrfToken: string | null): QueryClient {
  const client = new QueryClient();
  client.setQueryData(sessionQueryKey, csrfToken ? { user: { id: 'u' }, csrfToken } : null);
  return client;
}

describe('apiRequest', () => {
  it('sends and receives JSON, with the CSRF token on writes only', async () => {
    const seen: Array<{ method: string; csrf: string | null; type: string | null; body: unknown }> = [];
    server.use(
      http.all('/api/things', async ({ request }) => {
        seen.push({
          method: request.method,
          csrf: request.headers.get('x-csrf-token'),
          type: request.headers.get('content-type'),
          body: request.method === 'GET' ? undefined : await request.json(),
        });
        return HttpResponse.json({ ok: true });
      }),
    );
    const client = clientWithSession('csrf-1');

    await expect(apiRequest(client, '/api/things')).resolves.toEqual({ ok: true });
    await expect(apiRequest(client, '/api/things', { method: 'PATCH', body: { a: 1 } })).resolves.toEqual({ ok: true });

    expect(seen).toEqual([
      { method: 'GET', csrf: null, type: null, body: undefined },
      { method: 'PATCH', csrf: 'csrf-1', type: 'application/json', body: { a: 1 } },
    ]);
  });

  it('turns problem+json into an ApiError with status, title, detail and field errors', async () => {
    server.use(
      http.post('/api/things', () =>
        HttpResponse.json(
          {
            type: 'https://switchboard.dev/problems/400',
            title: 'Invalid request',
            status: 400,
            detail: 'The request body has invalid fields',
            errors: [{ path: 'variants.1.weight', message: 'Too big', code: 'too_big' }],
          },
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );

    const error = await apiRequest(clientWithSession('c'), '/api/things', { method: 'POST', body: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      title: 'Invalid request',
      detail: 'The request body has invalid fields',
      fieldErrors: [{ path: 'variants.1.weight', message: 'Too big', code: 'too_big' }],
    });
  });

  it('reads Retry-After on 429 and copes with non-JSON error bodies', async () => {
    server.use(
      http.post('/api/login', () =>
        HttpResponse.json({ type: 't', title: 'Too many attempts', status: 429 }, { status: 429, headers: { 'retry-after': '42' } }),
      ),
      http.get('/api/html', () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } })),
    );
    const client = clientWithSession(null);

    await expect(apiRequest(client, '/api/login', { method: 'POST', body: {} })).rejects.toMatchObject({ status: 429, retryAfterSeconds: 42 });
    await expect(apiRequest(client, '/api/html')).rejects.toMatchObject({ status: 502, title: 'Bad Gateway', fieldErrors: [] });
  });

  it('reports a network failure as status 0', async () => {
    server.use(http.get('/api/down', () => HttpResponse.error()));
    await expect(apiRequest(clientWithSession(null), '/api/down')).rejects.toMatchObject({ status: 0, title: 'Network error' });
  });

  it('answers 204 with undefined', async () => {
    server.use(http.post('/api/auth/logout', () => new HttpResponse(null, { status: 204 })));
    await expect(apiRequest<void>(clientWithSession('c'), '/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});

describe('constants mirrored from the contract (kept out of the first-load bundle)', () => {
  it('match src/shared/contract', () => {
    expect(CSRF_HEADER_NAME).toBe(CSRF_HEADER);
    expect([...roleOrder].sort()).toEqual([...roles].sort());
  });
});
