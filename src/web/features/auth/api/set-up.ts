import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo, SetupBody } from '../../../../shared/contract/auth';
import { apiRequest } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

/** Creates the first admin and signs them in. */
export function useSetUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBody, { client }) => apiRequest<SessionInfo>(client, '/api/auth/setup', { method: 'POST', body }),
    onSuccess: (session) => {
      queryClient.setQueryData(authKeys.session, session);
      queryClient.setQueryData(authKeys.setupStatus, { needsSetup: false });
    },
    // A 409 means someone finished setup meanwhile: refetch so the page offers sign-in instead.
    onError: () => queryClient.invalidateQueries({ queryKey: authKeys.setupStatus }),
  });
}
