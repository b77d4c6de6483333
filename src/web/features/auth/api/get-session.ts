import { queryOptions } from '@tanstack/react-query';
import type { SessionInfo } from '../../../../shared/contract/auth';
import { apiRequest } from '../../../lib/api-client';
import { isUnauthorized } from '../../../lib/api-error';
import { authKeys } from './auth-keys';

/** The signed-in session, or null when nobody is signed in (the server answers 401). */
export function sessionQueryOptions() {
  return queryOptions({
    queryKey: authKeys.session,
    queryFn: async ({ client, signal }): Promise<SessionInfo | null> => {
      try {
        return await apiRequest<SessionInfo>(client, '/api/auth/session', { signal });
      } catch (error) {
        if (isUnauthorized(error)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}
