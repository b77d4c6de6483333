import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcceptInviteBody, SessionInfo } from '../../../../shared/contract/auth';
import { apiRequest } from '../../../lib/api-client';
import { clearSession } from '../../../lib/session-cache';
import { authKeys } from './auth-keys';

/** Sets the invited person's name and password and signs them in (replacing any session in this browser). */
export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptInviteBody, { client }) =>
      apiRequest<SessionInfo>(client, '/api/auth/accept-invite', { method: 'POST', body }),
    onSuccess: (session) => {
      clearSession(queryClient);
      queryClient.setQueryData(authKeys.session, session);
    },
  });
}
