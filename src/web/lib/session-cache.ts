import type { QueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../shared/contract/auth';

/**
 * The signed-in session lives in the TanStack Query cache under this key: `SessionInfo` when
 * signed in, `null` when signed out. The api client reads the CSRF token from it, and the
 * auth feature's queries and mutations write it.
 */
export const sessionQueryKey = ['auth', 'session'] as const;

/** Must match CSRF_HEADER in src/shared/contract/auth.ts (a test checks it); kept here so the first-load bundle holds no zod. */
export const CSRF_HEADER_NAME = 'x-csrf-token';

export function readSession(client: QueryClient): SessionInfo | null | undefined {
  return client.getQueryData<SessionInfo | null>(sessionQueryKey);
}

export function readCsrfToken(client: QueryClient): string | undefined {
  return readSession(client)?.csrfToken;
}

/** Forgets the session and everything loaded under it, so the next person at this browser sees nothing stale. */
export function clearSession(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => !isSessionKey(query.queryKey) });
  client.setQueryData<SessionInfo | null>(sessionQueryKey, null);
}

function isSessionKey(key: readonly unknown[]): boolean {
  return key.length === sessionQueryKey.length && key.every((part, index) => part === sessionQueryKey[index]);
}
