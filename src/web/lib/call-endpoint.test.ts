import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEndpoint } from '../../shared/contract/endpoint';
import { server } from '../test/server';
import { ApiError } from './api-error';
import { callEndpoint, ResponseMismatchError } from './call-endpoint';
import { sessionQueryKey } from './session-cache';

const thingSchema = z.object({ id: z.string(), size: z.number() });
const updateThing = defineEndpoint({
  method: 'PATCH',
  path: '/api/things/{id}',
  params: z.object({ id: z.string() }),
  query: z.object({ environment: z.string().optional(), search: z.string().optional() }),
  body: z.object({ size: z.number() }),
  response: thingSchema,
});
const deleteThing = defineEndpoint({ method: 'DELETE', path: '/api/things/{id}', params: z.object({ id: z.string() }), response: null });

function signedInClient() {
  const client = new QueryClient();
  client.setQueryData(sessionQueryKey, { user: { id: 'u' }, csrfToken: 'csrf-1' });
  return client;
}

describe('callEndpoint', () => {
  it('fills in the path, appends the query (leaving out empty values), sends the body and the CSRF token', async () => {
    const seen: Array<{ url: string; csrf: string | null; body: unknown }> = [];
    server.use(
      http.patch('/api/things/:id', async ({ request }) => {
        seen.push({ url: request.url, csrf: request.headers.get('x-csrf-token'), body: await request.json() });
        return HttpResponse.json({ id: 'a b', size: 3 });
      }),
    );

    const thing = await callEndpoint(signedInClient(), updateThing, { params: { id: 'a b' }, query: { environment: 'staging', search: '' }, body: { size: 3 } });

    expect(thing.size).toBe(3);
    expect(seen).toEqual([{ url: 'http://localhost:3000/api/things/a%20b?environment=staging', csrf: 'csrf-1', body: { size: 3 } }]);
  });

  it('in tests, throws an error naming the endpoint when the answer does not match the response schema', async () => {
    server.use(http.patch('/api/things/:id', () => HttpResponse.json({ id: 'a', size: 'big' })));

    const call = callEndpoint(signedInClient(), updateThing, { params: { id: 'a' }, body: { size: 3 } });

    await expect(call).rejects.toBeInstanceOf(ResponseMismatchError);
    await expect(call).rejects.toThrow(/PATCH \/api\/things\/\{id\} answered a body that does not match its response schema: size: /);
  });

  it('keeps apiRequest errors, and answers undefined for 204', async () => {
    server.use(
      http.delete('/api/things/gone', () => HttpResponse.json({ type: 't', title: 'Not found', status: 404 }, { status: 404, headers: { 'content-type': 'application/problem+json' } })),
      http.delete('/api/things/here', () => new HttpResponse(null, { status: 204 })),
    );

    await expect(callEndpoint(signedInClient(), deleteThing, { params: { id: 'gone' } })).rejects.toBeInstanceOf(ApiError);
    await expect(callEndpoint(signedInClient(), deleteThing, { params: { id: 'here' } })).resolves.toBeUndefined();
  });
});
