import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, isUnauthorized } from './api-error';
import { clearSession, readSession } from './session-cache';

export interface QueryClientHooks {
  /** Called when a request answers 401 while the dashboard believed it was signed in (expired or revoked session). */
  onSessionEnded?: () => void;
}

/** Retries only what may succeed on a second try: network failures and 5xx answers, twice. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * The dashboard's QueryClient. Any 401 on a query or mutation while signed in clears the
 * session, which sends the router guard to /sign-in with the page the person was on.
 * (401 on the sign-in form itself changes nothing: no session is held then.)
 */
export function createQueryClient(hooks: QueryClientHooks = {}): QueryClient {
  const handleError = (error: unknown) => {
    if (!isUnauthorized(error) || !readSession(client)) return;
    clearSession(client);
    hooks.onSessionEnded?.();
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
