import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { isUnauthorized } from '../../../lib/api-error';

/**
 * Ends the session on the server. A 401 means it had ended already, which is what was asked.
 * The caller clears the cached session (after leaving the signed-in pages).
 */
export function useSignOut() {
  return useMutation({
    mutationFn: async (_: void, { client }) => {
      try {
        await apiRequest<void>(client, '/api/auth/logout', { method: 'POST' });
      } catch (error) {
        if (!isUnauthorized(error)) throw error;
      }
    },
  });
}
