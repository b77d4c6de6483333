import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import type { SessionInfo, User } from '../../shared/contract/auth';
import { AppProviders } from '../app/providers';
import { notifySessionEnded } from '../app/session-ended';
import { createQueryClient } from '../lib/query-client';
import { sessionQueryKey } from '../lib/session-cache';

export interface RenderOptions {
  /** Start signed in as this session (skips the GET /api/auth/session round trip). */
  session?: SessionInfo | null;
  /** Where the memory router starts. */
  path?: string;
  /** Routes; defaults to rendering `ui` at every path. */
  routes?: RouteObject[];
}

export interface Rendered extends RenderResult {
  user: UserEvent;
  queryClient: QueryClient;
  router: ReturnType<typeof createMemoryRouter>;
}

/** Renders with the app's providers (Mantine in test mode, a fresh QueryClient) inside a memory router. */
export function renderWithApp(ui: ReactNode, options: RenderOptions = {}): Rendered {
  const queryClient = createQueryClient({ onSessionEnded: notifySessionEnded });
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } });
  if (options.session !== undefined) queryClient.setQueryData(sessionQueryKey, options.session);
  const router = createMemoryRouter(options.routes ?? [{ path: '*', element: ui }], { initialEntries: [options.path ?? '/'] });
  const user = userEvent.setup();
  const result = render(
    <AppProviders queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, user, queryClient, router };
}

export function testUser(overrides: Partial<User> = {}): User {
  return {
    id: 'user-admin',
    email: 'ada@example.com',
    name: 'Ada Admin',
    role: 'admin',
    status: 'active',
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function testSession(overrides: Partial<User> = {}): SessionInfo {
  return { user: testUser(overrides), csrfToken: 'csrf-test-token' };
}

/** An RFC 9457 problem+json answer, as the server sends errors. */
export function problemJson(status: number, title: string, detail?: string, errors?: Array<{ path: string; message: string }>) {
  return new Response(JSON.stringify({ type: `https://switchboard.dev/problems/${status}`, title, status, detail, errors }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}
