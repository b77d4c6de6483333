import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, SessionInfo } from '../../../../shared/contract/auth';
import { apiRequest } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody, { client }) => apiRequest<SessionInfo>(client, '/api/auth/login', { method: 'POST', body }),
    onSuccess: (session) => {
      queryClient.setQueryData(authKeys.session, session);
    },
  });
}
